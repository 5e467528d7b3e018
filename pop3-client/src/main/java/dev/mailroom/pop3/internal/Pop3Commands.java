package dev.mailroom.pop3.internal;

import dev.mailroom.client.internal.transport.Escaping;

/**
 * Builds command lines from typed values (RFC 1939 §3: keyword, then arguments separated by single spaces, each at
 * most 40 characters). Caller text is checked before anything is written, so no argument can end the line or add
 * one (SECURITY.md P02): CR, LF, NUL and other control characters are refused everywhere, spaces where they would
 * split an argument.
 */
public final class Pop3Commands {
  private Pop3Commands() { }

  /** {@code KEYWORD n} for a message number. */
  public static String withNumber(String keyword, int number) {
    if (number < 1) {
      throw new IllegalArgumentException("message numbers start at 1: " + number);
    }
    return keyword + " " + number;
  }

  /** {@code TOP n lines}. */
  public static String top(int number, int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("TOP needs a line count of 0 or more: " + lines);
    }
    return withNumber("TOP", number) + " " + lines;
  }

  /** {@code USER name}: the name may not hold spaces or control characters. */
  public static String user(String name) {
    return "USER " + word(name, "user name");
  }

  /** {@code PASS secret}: the password may not hold spaces (RFC 1939 §7 leaves them ambiguous) or controls. */
  public static String pass(String password) {
    return "PASS " + word(password, "password");
  }

  /** {@code APOP name digest}. */
  public static String apop(String name, String digest) {
    return "APOP " + word(name, "user name") + " " + digest;
  }

  /** {@code LANG tag}: a language tag or {@code *} (RFC 6856 §3). */
  public static String lang(String tag) {
    if (tag.equals("*")) {
      return "LANG *";
    }
    if (tag.isEmpty() || tag.length() > 40) {
      throw new IllegalArgumentException("a language tag is 1 to 40 characters");
    }
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
        throw new IllegalArgumentException("a language tag holds letters, digits and '-' only (RFC 5646): '"
            + Escaping.escape(tag, 64) + "'");
      }
    }
    return "LANG " + tag;
  }

  /** Checks one argument: not empty, no space, no control character (SECURITY.md P02). */
  static String word(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
        throw new IllegalArgumentException("the " + what + " holds a space or a control character at index " + i
            + " (SECURITY.md P02)");
      }
    }
    return value;
  }
}
