package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Base64 (RFC 2045 §6.8, RFC 4648 §4 alphabet) in lines of 76 characters separated by CRLF. No line break follows
 * the last line: in a MIME body the CRLF before the next delimiter belongs to the delimiter (RFC 2046 §5.1.1), so
 * the writer of the message adds it. The output size is exactly
 * {@link dev.mailroom.mime.codec.TransferEncoding#encodedSize(dev.mailroom.mime.codec.TransferEncoding, long)}.
 */
public final class Base64OutputStream extends EncoderStream {
  /** RFC 2045 §6.8: "encoded lines must be represented in lines of no more than 76 characters each". */
  public static final int LINE_LENGTH = 76;

  private static final byte[] ENCODE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(
          java.nio.charset.StandardCharsets.US_ASCII);

  /** Two output characters per 12 input bits: one lookup per half quantum on the hot path. */
  private static final byte[] PAIRS = new byte[4096 * 2];

  static {
    for (int i = 0; i < 4096; i++) {
      PAIRS[2 * i] = ENCODE[i >>> 6];
      PAIRS[2 * i + 1] = ENCODE[i & 63];
    }
  }

  private final byte[] carry = new byte[2];
  private int carryLen;
  private int linePos;

  public Base64OutputStream(OutputStream sink) {
    super(sink);
  }

  @Override
  protected void encode(byte[] b, int off, int n) throws IOException {
    int p = off;
    int end = off + n;
    if (carryLen > 0) {
      while (carryLen < 2 && p < end) {
        carry[carryLen++] = b[p++];
      }
      if (p == end) {
        return;
      }
      quantum(carry[0] & 0xff, carry[1] & 0xff, b[p++] & 0xff);
      carryLen = 0;
    }
    final byte[] enc = ENCODE;
    // Fast path: whole 76-character lines (57 input bytes) from a line start, one bounds check per line.
    if (linePos == LINE_LENGTH && end - p >= 57) {
      ensure(2);
      buf[len++] = '\r';
      buf[len++] = '\n';
      linePos = 0;
    }
    while (linePos == 0 && end - p >= 57) {
      ensure(LINE_LENGTH + 2);
      final byte[] out = buf;
      int o = len;
      final byte[] pairs = PAIRS;
      for (int q = 0; q < 19; q++) {
        int v = (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
        int hi = (v >>> 12) << 1;
        int lo = (v & 0xfff) << 1;
        out[o] = pairs[hi];
        out[o + 1] = pairs[hi + 1];
        out[o + 2] = pairs[lo];
        out[o + 3] = pairs[lo + 1];
        o += 4;
        p += 3;
      }
      if (end - p >= 57) {
        out[o++] = '\r';
        out[o++] = '\n';
        linePos = 0;
      } else {
        linePos = LINE_LENGTH;
      }
      len = o;
    }
    while (end - p >= 3) {
      if (linePos == LINE_LENGTH) {
        ensure(6);
        buf[len++] = '\r';
        buf[len++] = '\n';
        linePos = 0;
      } else {
        ensure(4);
      }
      final byte[] out = buf;
      int v = (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
      int o = len;
      out[o] = enc[v >>> 18];
      out[o + 1] = enc[(v >>> 12) & 63];
      out[o + 2] = enc[(v >>> 6) & 63];
      out[o + 3] = enc[v & 63];
      len = o + 4;
      linePos += 4;
      p += 3;
    }
    while (p < end) {
      carry[carryLen++] = b[p++];
    }
  }

  private void quantum(int a, int b, int c) throws IOException {
    startQuantum();
    int v = a << 16 | b << 8 | c;
    buf[len++] = ENCODE[v >>> 18];
    buf[len++] = ENCODE[(v >>> 12) & 63];
    buf[len++] = ENCODE[(v >>> 6) & 63];
    buf[len++] = ENCODE[v & 63];
    linePos += 4;
  }

  private void startQuantum() throws IOException {
    ensure(6);
    if (linePos == LINE_LENGTH) {
      buf[len++] = '\r';
      buf[len++] = '\n';
      linePos = 0;
    }
  }

  @Override
  protected void finishEncoding() throws IOException {
    if (carryLen == 0) {
      return;
    }
    startQuantum();
    int a = carry[0] & 0xff;
    buf[len++] = ENCODE[a >>> 2];
    if (carryLen == 1) {
      buf[len++] = ENCODE[(a & 3) << 4];
      buf[len++] = '=';
    } else {
      int b = carry[1] & 0xff;
      buf[len++] = ENCODE[(a & 3) << 4 | b >>> 4];
      buf[len++] = ENCODE[(b & 15) << 2];
    }
    buf[len++] = '=';
    linePos += 4;
    carryLen = 0;
  }
}
