package dev.mailroom.smtp.internal;

/** xtext (RFC 3461 §4): printable ASCII except {@code +} and {@code =}, which with everything else become {@code +XX}. */
public final class XText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private XText() { }

  /** Encodes {@code value}, which must be ASCII (checked by {@link #checkDsnText}). */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '!' && c <= '~' && c != '+' && c != '=') {
        out.append(c);
      } else {
        out.append('+').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Checks a DSN value before it is xtext-encoded: 1 to {@code maxLength} characters of printable US-ASCII and
   * space (RFC 3461 §4.2, §4.4); CR, LF, NUL and non-ASCII are refused (SECURITY.md S04).
   */
  public static void checkDsnText(String value, int maxLength, String name) {
    if (value.isEmpty() || value.length() > maxLength) {
      throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c > '~') {
        throw new IllegalArgumentException(name + " may hold only printable ASCII; found U+"
            + String.format("%04X", (int) c) + " at " + i);
      }
    }
  }
}
