package dev.mailroom.mime.internal;

/** Renders raw bytes for messages and defect details: printable ASCII as is, the rest escaped. */
public final class Escape {
  private Escape() { }

  /** {@code raw} in double quotes, CR and LF as {@code \r \n}, other bytes outside printable ASCII as {@code \xHH}. */
  public static String quoted(byte[] raw, int max) {
    int n = Math.min(raw.length, max);
    StringBuilder sb = new StringBuilder(n + 8).append('"');
    for (int i = 0; i < n; i++) {
      int c = raw[i] & 0xFF;
      if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
        sb.append(String.format("\\x%02X", c));
      } else {
        sb.append((char) c);
      }
    }
    sb.append('"');
    if (raw.length > n) {
      sb.append("...");
    }
    return sb.toString();
  }
}
