package dev.mailroom.client.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Input streams that hand bytes over in chosen segments, as a network would (STYLE.md §6, SECURITY.md R10). */
final class Chunked {
  private Chunked() { }

  /** One byte per read call. */
  static InputStream oneByteAtATime(byte[] bytes) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
          return -1;
        }
        if (len == 0) {
          return 0;
        }
        b[off] = bytes[pos++];
        return 1;
      }
    };
  }

  /** The bytes in two segments, split at {@code offset}. */
  static InputStream splitAt(byte[] bytes, int offset) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
          return -1;
        }
        int end = pos < offset ? offset : bytes.length;
        int n = Math.min(len, end - pos);
        if (n == 0) {
          n = Math.min(len, bytes.length - pos);
        }
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** Every way of delivering {@code bytes}: whole, one byte at a time, and split at every offset. */
  static List<InputStream> everySegmentation(byte[] bytes) {
    List<InputStream> all = new ArrayList<>();
    all.add(new ByteArrayInputStream(bytes));
    all.add(oneByteAtATime(bytes));
    for (int i = 1; i < bytes.length; i++) {
      all.add(splitAt(bytes, i));
    }
    return all;
  }
}
