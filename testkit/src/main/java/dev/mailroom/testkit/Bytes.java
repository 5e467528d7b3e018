package dev.mailroom.testkit;

import java.nio.charset.StandardCharsets;

/** Byte helpers for messages and {@code toString()}. */
final class Bytes {
  private static final int MAX_SHOWN = 200;

  private Bytes() {
  }

  /** Shows bytes as text: printable ASCII as is, {@code \r \n \t} and others escaped, long input cut. */
  static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(bytes.length, MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xff;
      switch (b) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        default -> {
          if (b >= 0x20 && b < 0x7f) out.append((char) b);
          else out.append(String.format("\\x%02x", b));
        }
      }
    }
    out.append('\'');
    if (bytes.length > shown) out.append("... (").append(bytes.length).append(" bytes)");
    return out.toString();
  }

  static String escape(String text) {
    return escape(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
