package dev.mailroom.imap.internal.wire;

/** Byte classes of the IMAP grammar (RFC 3501 §9). */
enum CharClass {
  /** ATOM-CHAR: any CHAR except atom-specials ({@code ( ) { SP CTL % * " \ ]}). */
  ATOM,
  /** ASTRING-CHAR: ATOM-CHAR or {@code ]}. */
  ASTRING,
  /** The bytes of a sequence-set: digits, {@code :}, {@code ,} and {@code *}. */
  SEQUENCE,
  /** A FETCH data item name: letters, digits, {@code .} and {@code -} (stops at {@code [}). */
  FETCH_ATT,
  /** Anything a scalar of an unknown item may hold: all but SP, parentheses, DQUOTE, {@code {} and CTL. */
  SKIPPABLE;

  private static final boolean[] ATOM_TABLE = new boolean[256];
  private static final boolean[] SKIP_TABLE = new boolean[256];

  static {
    for (int c = 0x21; c < 0x7f; c++) {
      ATOM_TABLE[c] = "(){%*\"\\]".indexOf(c) < 0;
    }
    for (int c = 0x21; c < 256; c++) {
      SKIP_TABLE[c] = c != 0x7f && "(){\"".indexOf(c) < 0;
    }
  }

  boolean test(byte b) {
    int c = b & 0xff;
    return switch (this) {
      case ATOM -> ATOM_TABLE[c];
      case ASTRING -> ATOM_TABLE[c] || c == ']';
      case FETCH_ATT -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
          || c == '-';
      case SEQUENCE -> (c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*';
      case SKIPPABLE -> SKIP_TABLE[c];
    };
  }

  /** Whether {@code s} is 1*ASTRING-CHAR. */
  static boolean isAstring(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f || !(ATOM_TABLE[c] || c == ']')) {
        return false;
      }
    }
    return true;
  }

  /** Whether every char of {@code s} is an ATOM-CHAR (and s is not empty). */
  static boolean isAtom(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f || !ATOM_TABLE[c]) {
        return false;
      }
    }
    return true;
  }
}
