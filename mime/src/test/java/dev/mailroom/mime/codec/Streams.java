package dev.mailroom.mime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.mime.MimeDefect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: inputs that arrive in pieces, and decoding the same bytes every way a stream can deliver them. */
final class Streams {
  private Streams() { }

  /** Delivers {@code data} in reads of at most {@code chunk} bytes, with a cut forced at {@code split}. */
  static InputStream pieces(byte[] data, int split, int chunk) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (pos >= data.length) {
          return -1;
        }
        int end = Math.min(data.length, pos + Math.min(len, chunk));
        if (pos < split && end > split) {
          end = split;
        }
        int n = end - pos;
        System.arraycopy(data, pos, b, off, n);
        pos = end;
        return n;
      }
    };
  }

  static byte[] readAll(InputStream in, int readSize) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] b = new byte[readSize];
      int n;
      while ((n = in.read(b, 0, readSize)) >= 0) {
        if (n == 0) {
          throw new AssertionError("read returned 0 for a non-empty buffer");
        }
        out.write(b, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] readBytewise(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        out.write(c);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decoded bytes and defects, in one piece. */
  record Decoded(byte[] bytes, List<MimeDefect> defects) {
    List<MimeDefect.Kind> kinds() {
      return defects.stream().map(MimeDefect::kind).toList();
    }
  }

  static Decoded decode(TransferEncoding te, byte[] encoded) {
    List<MimeDefect> defects = new ArrayList<>();
    byte[] out = readAll(te.decode(new java.io.ByteArrayInputStream(encoded), defects::add), 8192);
    return new Decoded(out, defects);
  }

  /**
   * Decodes {@code encoded} whole, then split at every offset, then fed one byte per read and read one byte at a
   * time, and with small caller buffers; asserts every way gives the same bytes and the same defect kinds.
   */
  static Decoded decodeEveryWay(TransferEncoding te, byte[] encoded) {
    Decoded whole = decode(te, encoded);
    for (int split = 0; split <= encoded.length; split++) {
      List<MimeDefect> defects = new ArrayList<>();
      byte[] out = readAll(te.decode(pieces(encoded, split, Integer.MAX_VALUE), defects::add), 7);
      assertArrayEquals(whole.bytes(), out, "split at " + split);
      assertEquals(whole.kinds(), defects.stream().map(MimeDefect::kind).toList(), "defects, split at " + split);
    }
    for (int readSize : new int[] {1, 2, 3, 4, 5}) {
      List<MimeDefect> defects = new ArrayList<>();
      byte[] out = readAll(te.decode(pieces(encoded, -1, 1), defects::add), readSize);
      assertArrayEquals(whole.bytes(), out, "one byte per read, read size " + readSize);
      assertEquals(whole.kinds(), defects.stream().map(MimeDefect::kind).toList());
    }
    byte[] bytewise = readBytewise(te.decode(pieces(encoded, -1, 3), d -> { }));
    assertArrayEquals(whole.bytes(), bytewise, "read()");
    return whole;
  }

  /** Encodes with one write, then with every split, then one byte per write; asserts they agree. */
  static byte[] encodeEveryWay(TransferEncoding te, EncodeMode mode, byte[] raw) {
    byte[] whole = encode(te, mode, raw, Integer.MAX_VALUE, -1);
    for (int split = 0; split <= raw.length; split++) {
      assertArrayEquals(whole, encode(te, mode, raw, Integer.MAX_VALUE, split), "split at " + split);
    }
    assertArrayEquals(whole, encode(te, mode, raw, 1, -1), "one byte per write");
    return whole;
  }

  static byte[] encode(TransferEncoding te, EncodeMode mode, byte[] raw) {
    return encode(te, mode, raw, Integer.MAX_VALUE, -1);
  }

  static byte[] encode(TransferEncoding te, EncodeMode mode, byte[] raw, int chunk, int split) {
    try {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      try (OutputStream enc = te.encode(sink, mode)) {
        int pos = 0;
        while (pos < raw.length) {
          int end = (int) Math.min(raw.length, (long) pos + chunk);
          if (pos < split && end > split) {
            end = split;
          }
          if (chunk == 1) {
            enc.write(raw[pos]);
          } else {
            enc.write(raw, pos, end - pos);
          }
          pos = end;
        }
      }
      return sink.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  static String string(byte[] b) {
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  static byte[] repeat(String s, int times) {
    return ascii(s.repeat(times));
  }

  static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }
}
