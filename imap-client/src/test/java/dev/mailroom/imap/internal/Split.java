package dev.mailroom.imap.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Input streams that deliver bytes in awkward pieces, for split tests (STYLE.md §6, SECURITY.md R10). */
final class Split {
  private Split() { }

  /** One byte per read. */
  static InputStream bytewise(byte[] data) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= data.length) {
          return -1;
        }
        if (len == 0) {
          return 0;
        }
        b[off] = data[pos++];
        return 1;
      }
    };
  }

  /** The first {@code at} bytes in one read, the rest in the next. */
  static InputStream at(byte[] data, int at) {
    return new InputStream() {
      private final ByteArrayInputStream in = new ByteArrayInputStream(data);
      private int pos;

      @Override
      public int read() throws IOException {
        int b = in.read();
        pos += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int limit = pos < at ? Math.min(len, at - pos) : len;
        int n = in.read(b, off, limit);
        if (n > 0) {
          pos += n;
        }
        return n;
      }
    };
  }
}
