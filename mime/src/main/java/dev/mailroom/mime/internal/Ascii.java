package dev.mailroom.mime.internal;

/** Small US-ASCII helpers shared by the codecs: hex digits and escaping for defect details. */
public final class Ascii {
  /** Upper-case hex digits, as RFC 2045 §6.7 rule (1) and RFC 2047 §4.2 require for encoders. */
  public static final byte[] HEX_UPPER = {
      '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

  private static final byte[] HEX_VALUE = new byte[256];

  static {
    java.util.Arrays.fill(HEX_VALUE, (byte) -1);
    for (int i = 0; i < 10; i++) {
      HEX_VALUE['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX_VALUE['A' + i] = (byte) (10 + i);
      HEX_VALUE['a' + i] = (byte) (10 + i);
    }
  }

  private Ascii() { }

  /** The value of a hex digit in either case, or -1. Accepts any int (a char or an unsigned byte). */
  public static int hexValue(int c) {
    return c >= 0 && c < 256 ? HEX_VALUE[c] : -1;
  }

  /** Whether {@code c} is SPACE or HTAB (RFC 5234 WSP). */
  public static boolean isWsp(int c) {
    return c == ' ' || c == '\t';
  }

  /**
   * Text for a defect detail: at most {@code max} characters of {@code s}, with control characters, DEL and
   * non-ASCII written as {@code \\uXXXX} so that a detail never carries a raw line break (MimeDefect contract).
   */
  public static String escape(CharSequence s, int max) {
    return escape(s, max, true);
  }

  /** As {@link #escape(CharSequence, int)}, but printable non-ASCII stays as it is (for toString). */
  public static String escapeControls(CharSequence s, int max) {
    return escape(s, max, false);
  }

  private static String escape(CharSequence s, int max, boolean nonAscii) {
    int end = Math.min(s.length(), max);
    StringBuilder out = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && (nonAscii || c <= 0x9f))) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (end < s.length()) {
      out.append("...");
    }
    return out.toString();
  }
}
