package dev.mailroom.imap;

import java.util.Objects;

/**
 * A message flag (RFC 3501 §2.3.2): a system flag such as {@link #SEEN} or a keyword. A keyword must be an IMAP atom,
 * checked here, so a flag can never smuggle syntax into a command (SECURITY.md I04). System flags compare
 * case-insensitively.
 *
 * <pre>{@code
 * Set<Flag> flags = Set.of(Flag.SEEN, Flag.keyword("$Forwarded"));
 * }</pre>
 *
 * @param value the flag as on the wire, such as {@code \Seen} or {@code $Label1}
 */
public record Flag(String value) {
  public static final Flag SEEN = new Flag("\\Seen");
  public static final Flag ANSWERED = new Flag("\\Answered");
  public static final Flag FLAGGED = new Flag("\\Flagged");
  public static final Flag DELETED = new Flag("\\Deleted");
  public static final Flag DRAFT = new Flag("\\Draft");
  public static final Flag RECENT = new Flag("\\Recent");
  /** {@code \*} in PERMANENTFLAGS: new keywords may be created. */
  public static final Flag ANY_KEYWORD = new Flag("\\*");

  public Flag {
    Objects.requireNonNull(value, "value");
    String atom = value.startsWith("\\") ? value.substring(1) : value;
    if (!(value.equals("\\*") || isAtom(atom))) {
      throw new IllegalArgumentException("not a valid IMAP flag (SECURITY.md I04): '"
          + value.replaceAll("\\p{Cntrl}", "?") + "'");
    }
    if (value.startsWith("\\")) {
      for (String system : new String[] {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft", "\\Recent"}) {
        if (system.equalsIgnoreCase(value)) {
          value = system;
        }
      }
    }
  }

  /** A keyword (no leading backslash). */
  public static Flag keyword(String keyword) {
    if (keyword.startsWith("\\")) {
      throw new IllegalArgumentException("a keyword cannot start with '\\': " + keyword);
    }
    return new Flag(keyword);
  }

  /** Whether this is a system flag ({@code \...}). */
  public boolean isSystem() {
    return value.startsWith("\\");
  }

  static boolean isAtom(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
