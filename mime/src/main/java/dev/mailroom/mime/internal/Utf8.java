package dev.mailroom.mime.internal;

/** Checks header bytes for RFC 6532 validity (well-formed UTF-8, no NUL). */
public final class Utf8 {
  private Utf8() { }

  /** Whether {@code b} has a NUL byte or a byte sequence that is not well-formed UTF-8 (RFC 3629 §4). */
  public static boolean hasInvalidBytes(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i];
      if (c > 0) {
        i++;
        continue;
      }
      if (c == 0) {
        return true;
      }
      c &= 0xFF;
      int extra;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        min = 0x10000;
      } else {
        return true;
      }
      if (i + extra >= n) {
        return true;
      }
      int cp = c & (0x3F >> extra);
      for (int k = 1; k <= extra; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return true;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return true;
      }
      i += extra + 1;
    }
    return false;
  }
}
