package dev.mailroom.pop3;

import java.util.Objects;

/**
 * A message in this session as {@link FetchJob} sees it: its number, its opaque unique-id and its size.
 *
 * @param number the message number in this session
 * @param uid the unique-id (see {@link UidlEntry}: opaque, never a path)
 * @param sizeOctets the size from LIST
 */
public record MessageRef(int number, String uid, long sizeOctets) {
  public MessageRef {
    Objects.requireNonNull(uid, "uid");
    if (number < 1 || sizeOctets < 0) {
      throw new IllegalArgumentException("invalid message reference: " + number + " " + sizeOctets);
    }
  }
}
