package dev.mailroom.samples.cli;

/**
 * Makes a sender's text safe to print on a terminal: control characters (C0, DEL, C1), bidirectional overrides and
 * line separators become {@code \\uXXXX}, so a subject or file name cannot move the cursor, change colours or forge
 * output lines (escape-sequence injection).
 */
final class Display {
  private Display() { }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029;
      if (unsafe) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
