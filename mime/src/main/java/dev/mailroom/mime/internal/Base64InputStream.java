package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeDefect;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes a base64 body (RFC 2045 §6.8, alphabet of RFC 4648 §4) as it is read, in constant memory and linear time.
 *
 * <p>Lenient, as RFC 2045 §6.8 asks ("any characters outside of the base64 alphabet are to be ignored"):
 * <ul>
 *   <li>white space and line breaks are skipped silently;</li>
 *   <li>other characters outside the alphabet are skipped and reported once as {@code INVALID_BASE64};</li>
 *   <li>{@code =} ends the data (RFC 2045 §6.8: "the occurrence of '=' indicates that the end of the data has
 *       been reached"); anything but white space and further {@code =} after it is reported and ignored;</li>
 *   <li>missing padding at the end is tolerated (2 or 3 trailing characters still give 1 or 2 bytes) and
 *       reported; a single dangling character carries fewer than 8 bits and is dropped with a defect.</li>
 * </ul>
 * Defect offsets count encoded bytes from the start of this stream (SECURITY.md M06).
 *
 * <p>The hot path decodes whole quanta of four characters straight from the read buffer into the caller's array.
 */
public final class Base64InputStream extends InputStream {
  private static final byte INVALID = -1;
  private static final byte SKIP = -2;
  private static final byte PAD = -3;
  private static final byte[] DECODE = new byte[256];

  static {
    Arrays.fill(DECODE, INVALID);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      DECODE[alphabet.charAt(i)] = (byte) i;
    }
    DECODE[' '] = SKIP;
    DECODE['\t'] = SKIP;
    DECODE['\r'] = SKIP;
    DECODE['\n'] = SKIP;
    DECODE['\f'] = SKIP;
    DECODE['='] = PAD;
  }

  private final InputStream in;
  private final DefectReporter defects;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;
  private long consumedBefore;

  /** Bits of the current quantum, and how many characters (0..3) it holds. */
  private int quantum;
  private int count;

  /** Decoded bytes that did not fit in the caller's array. */
  private final byte[] pending = new byte[3];
  private int pendingPos;
  private int pendingLen;

  private final byte[] one = new byte[1];
  private boolean padded;
  private boolean eof;
  private boolean closed;

  public Base64InputStream(InputStream in, DefectReporter defects) {
    this.in = Objects.requireNonNull(in, "in");
    this.defects = Objects.requireNonNull(defects, "defects");
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (true) {
      while (pendingPos < pendingLen && n < len) {
        b[off + n++] = pending[pendingPos++];
      }
      if (n == len) {
        return n;
      }
      if (pos == limit) {
        if (eof) {
          return n == 0 ? -1 : n;
        }
        if (n > 0) {
          return n; // never block for more input once there is something to return
        }
        fill();
      } else if (padded) {
        skipAfterPadding();
      } else {
        n = decode(b, off, off + len, n);
      }
    }
  }

  /** Reads more encoded bytes; at the end of the input settles the last quantum and sets {@code eof}. */
  private void fill() throws IOException {
    consumedBefore += limit;
    pos = 0;
    limit = 0;
    int r = in.read(buf, 0, buf.length);
    if (r < 0) {
      if (!padded) {
        settle(consumedBefore, true);
      }
      eof = true;
    } else {
      limit = r;
    }
  }

  /** Decodes from the buffer into {@code b[off + n, end)}; returns the new {@code n}. */
  private int decode(byte[] b, int off, int end, int n) {
    final byte[] in = buf;
    final byte[] table = DECODE;
    int p = pos;
    final int lim = limit;
    int o = off + n;
    int q = quantum;
    int c = count;
    while (p < lim && o < end) {
      if (c == 0) {
        // Hot path: whole quanta of four alphabet characters.
        while (p + 4 <= lim && o + 3 <= end) {
          int v0 = table[in[p] & 0xff];
          int v1 = table[in[p + 1] & 0xff];
          int v2 = table[in[p + 2] & 0xff];
          int v3 = table[in[p + 3] & 0xff];
          if ((v0 | v1 | v2 | v3) < 0) {
            break;
          }
          int v = v0 << 18 | v1 << 12 | v2 << 6 | v3;
          b[o] = (byte) (v >> 16);
          b[o + 1] = (byte) (v >> 8);
          b[o + 2] = (byte) v;
          o += 3;
          p += 4;
        }
        if (p == lim || o == end) {
          break;
        }
      }
      int v = table[in[p] & 0xff];
      if (v >= 0) {
        q = q << 6 | v;
        if (++c == 4) {
          o = put(b, o, end, q);
          q = 0;
          c = 0;
        }
      } else if (v == PAD) {
        pos = p + 1;
        quantum = q;
        count = c;
        settle(consumedBefore + p, false);
        return o - off;
      } else if (v == INVALID) {
        defects.report(MimeDefect.Kind.INVALID_BASE64,
            "character outside the base64 alphabet: 0x" + Integer.toHexString(in[p] & 0xff), consumedBefore + p);
      }
      p++;
    }
    pos = p;
    quantum = q;
    count = c;
    return o - off;
  }

  /** Writes the three bytes of a full quantum, keeping what does not fit in {@code pending}. */
  private int put(byte[] b, int o, int end, int q) {
    if (o + 3 <= end) {
      b[o] = (byte) (q >> 16);
      b[o + 1] = (byte) (q >> 8);
      b[o + 2] = (byte) q;
      return o + 3;
    }
    pending[0] = (byte) (q >> 16);
    pending[1] = (byte) (q >> 8);
    pending[2] = (byte) q;
    pendingPos = 0;
    pendingLen = 3;
    while (o < end) {
      b[o++] = pending[pendingPos++];
    }
    return o;
  }

  /**
   * Ends the data at padding or at the end of the input, leaving the last bytes in {@code pending} (which is empty
   * here): 2 or 3 characters give 1 or 2 bytes; 1 character carries fewer than 8 bits and is dropped (RFC 4648 §3.5
   * asks decoders to reject what no encoder can produce; we flag it instead).
   */
  private void settle(long offset, boolean atEnd) {
    int q = quantum;
    int c = count;
    quantum = 0;
    count = 0;
    padded = !atEnd;
    pendingPos = 0;
    pendingLen = 0;
    if (c == 2) {
      pending[pendingLen++] = (byte) (q >> 4);
    } else if (c == 3) {
      pending[pendingLen++] = (byte) (q >> 10);
      pending[pendingLen++] = (byte) (q >> 2);
    }
    if (c == 1) {
      defects.report(MimeDefect.Kind.INVALID_BASE64, "a single base64 character at the end of a quantum", offset);
    } else if (atEnd && c != 0) {
      defects.report(MimeDefect.Kind.INVALID_BASE64, "missing base64 padding", offset);
    } else if (!atEnd && c == 0) {
      defects.report(MimeDefect.Kind.INVALID_BASE64, "'=' where no padding belongs", offset);
    }
  }

  /** After padding only white space and '=' may follow; the rest is reported once and ignored. */
  private void skipAfterPadding() {
    for (int p = pos; p < limit; p++) {
      int v = DECODE[buf[p] & 0xff];
      if (v != SKIP && v != PAD) {
        defects.report(MimeDefect.Kind.INVALID_BASE64, "data after base64 padding ignored", consumedBefore + p);
        break;
      }
    }
    pos = limit;
  }

  @Override
  public int available() throws IOException {
    return pendingLen - pendingPos;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
