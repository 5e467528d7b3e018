package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Quoted-printable (RFC 2045 §6.7) that is safe for SMTP and mbox.
 *
 * <ul>
 *   <li>Bytes 33..126 except {@code =} are written as themselves (rule (2)); every other byte as {@code =XX} with
 *       upper-case hex (rule (1)).</li>
 *   <li>A space or tab is written as itself unless it ends a line or the body, where it is encoded (rule (3)).</li>
 *   <li>Encoded lines hold at most 76 characters including the {@code =} of a soft line break (rule (5)).</li>
 *   <li>{@code .} and {@code F} at the start of a line are encoded ({@code =2E}, {@code =46}), so no line is ever a
 *       lone dot (the SMTP end of data, RFC 5321 §4.1.1.4) or starts with {@code From } (mbox).</li>
 *   <li>Text mode: CRLF, bare LF and bare CR in the input are line breaks and come out as CRLF hard breaks (rule
 *       (4)). Binary mode: CR and LF are data and come out as {@code =0D} and {@code =0A} (the §6.7 warning to
 *       implementors), so the encoded body has soft breaks only.</li>
 * </ul>
 */
public final class QuotedPrintableOutputStream extends EncoderStream {
  /** The longest encoded line, not counting CRLF (RFC 2045 §6.7 rule (5)). */
  public static final int MAX_LINE = 76;

  private static final boolean[] LITERAL = new boolean[256];

  /** Literal bytes that are literal at any line position (so not '.' or 'F'): copied in runs. */
  private static final boolean[] RUN = new boolean[256];

  static {
    for (int c = 33; c <= 126; c++) {
      LITERAL[c] = c != '=';
      RUN[c] = c != '=' && c != '.' && c != 'F';
    }
  }

  private final boolean text;
  private int linePos;
  private int pendingSpace = -1;
  private boolean afterCr;

  /** @param text whether line breaks are text line breaks (true) or data (false) */
  public QuotedPrintableOutputStream(OutputStream sink, boolean text) {
    super(sink);
    this.text = text;
  }

  @Override
  protected void encode(byte[] b, int off, int n) throws IOException {
    // The hot loop keeps the stream's state in locals and checks room once per byte (one token is at most 6
    // bytes: a soft break and an =XX); the state goes back to the fields when the loop ends or drains.
    final byte[] out = buf;
    final int limit = out.length - 8;
    final byte[] hex = Ascii.HEX_UPPER;
    int o = len;
    int pos = linePos;
    int pending = pendingSpace;
    boolean cr = afterCr;
    final boolean[] run = RUN;
    for (int p = off, end = off + n; p < end; p++) {
      if (o > limit) {
        len = o;
        drain();
        o = len;
      }
      if (pending < 0 && !cr) { // a run of plain characters that fits on the line: copied as is
        int stop = Math.min(end, p + Math.min(limit - o, MAX_LINE - 1 - pos));
        int q = p;
        while (q < stop && run[b[q] & 0xff]) {
          q++;
        }
        if (q > p) {
          System.arraycopy(b, p, out, o, q - p);
          o += q - p;
          pos += q - p;
          p = q;
          if (p == end) {
            break;
          }
          if (o > limit) {
            len = o;
            drain();
            o = len;
          }
        }
      }
      int c = b[p] & 0xff;
      if (text) {
        if (c == '\n' && cr) {
          cr = false;
          continue;
        }
        cr = c == '\r';
        if (c == '\r' || c == '\n') {
          if (pending >= 0) { // white space at the end of a line is encoded (rule (3))
            if (pos + 3 > MAX_LINE - 1) {
              out[o++] = '=';
              out[o++] = '\r';
              out[o++] = '\n';
              pos = 0;
            }
            out[o++] = '=';
            out[o++] = hex[pending >>> 4];
            out[o++] = hex[pending & 15];
            pending = -1;
          }
          out[o++] = '\r';
          out[o++] = '\n';
          pos = 0;
          continue;
        }
      }
      if (pending >= 0) { // white space followed by more text on the line stays literal
        if (pos + 1 > MAX_LINE - 1) {
          out[o++] = '=';
          out[o++] = '\r';
          out[o++] = '\n';
          pos = 0;
        }
        out[o++] = (byte) pending;
        pos++;
        pending = -1;
        if (o > limit) {
          len = o;
          drain();
          o = len;
        }
      }
      if (c == ' ' || c == '\t') {
        pending = c; // decided by what follows: literal inside a line, encoded at its end
        continue;
      }
      boolean literal = LITERAL[c];
      boolean plain = literal && !(pos == 0 && (c == '.' || c == 'F'));
      if (pos + (plain ? 1 : 3) > MAX_LINE - 1) {
        out[o++] = '=';
        out[o++] = '\r';
        out[o++] = '\n';
        pos = 0;
        plain = literal && c != '.' && c != 'F';
      }
      if (plain) {
        out[o++] = (byte) c;
        pos++;
      } else {
        out[o++] = '=';
        out[o++] = hex[c >>> 4];
        out[o++] = hex[c & 15];
        pos += 3;
      }
    }
    len = o;
    linePos = pos;
    pendingSpace = pending;
    afterCr = cr;
  }

  /** Writes held-back white space at the end of a line, encoded. */
  private void endLine() throws IOException {
    if (pendingSpace >= 0) {
      token(pendingSpace, false);
      pendingSpace = -1;
    }
  }

  private void token(int c, boolean literal) throws IOException {
    boolean plain = literal && !(linePos == 0 && (c == '.' || c == 'F'));
    if (linePos + (plain ? 1 : 3) > MAX_LINE - 1) {
      ensure(3);
      buf[len++] = '=';
      buf[len++] = '\r';
      buf[len++] = '\n';
      linePos = 0;
      plain = literal && c != '.' && c != 'F';
    }
    ensure(3);
    if (plain) {
      buf[len++] = (byte) c;
      linePos++;
    } else {
      buf[len++] = '=';
      buf[len++] = Ascii.HEX_UPPER[c >>> 4];
      buf[len++] = Ascii.HEX_UPPER[c & 15];
      linePos += 3;
    }
  }

  @Override
  protected void finishEncoding() throws IOException {
    endLine();
    afterCr = false;
  }
}
