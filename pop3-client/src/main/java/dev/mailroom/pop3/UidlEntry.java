package dev.mailroom.pop3;

import java.util.Objects;

/**
 * One unique-id listing from UIDL (RFC 1939 §7). The UID is an opaque value chosen by the server: 1 to 70 printable
 * ASCII characters, stable across sessions. It may contain {@code /} or {@code ..}: never use it as a file name or
 * path (SECURITY.md P07); key a store by it, or hash it.
 *
 * @param number the message number in this session
 * @param uid the unique-id, validated against the RFC 1939 grammar
 */
public record UidlEntry(int number, String uid) {
  public UidlEntry {
    Objects.requireNonNull(uid, "uid");
    if (number < 1) {
      throw new IllegalArgumentException("message number must be 1 or more: " + number);
    }
    if (!validUid(uid)) {
      throw new IllegalArgumentException("not a unique-id (1 to 70 characters 0x21-0x7E, RFC 1939 §7)");
    }
  }

  /** Whether {@code uid} matches {@code 1*70(%x21-7E)}. */
  public static boolean validUid(String uid) {
    if (uid.isEmpty() || uid.length() > 70) {
      return false;
    }
    for (int i = 0; i < uid.length(); i++) {
      char c = uid.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
