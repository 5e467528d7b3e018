package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeDefect;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Decodes a quoted-printable body (RFC 2045 §6.7) as it is read, in constant memory and linear time.
 *
 * <ul>
 *   <li>{@code =XX} with hex digits in either case gives one byte (lower case is tolerated, §6.7 note (1));</li>
 *   <li>{@code =} before a line break, optionally with transport padding (spaces, tabs) between, is a soft line
 *       break and disappears (rule (5) and the {@code transport-padding} production); CRLF, bare LF and bare CR all
 *       end a line;</li>
 *   <li>{@code =} followed by anything else is kept literally and reported once as
 *       {@code INVALID_QUOTED_PRINTABLE} (§6.7 note (2)); so is an {@code =} at the very end, or {@code =X} with
 *       only one hex digit (note (3));</li>
 *   <li>white space at the end of a line is deleted (rule (3): "it will necessarily have been added by intermediate
 *       transport agents"), and at the end of the body too, whose line break belongs to the next delimiter (RFC 2046
 *       §5.1.1);</li>
 *   <li>hard line breaks come out as CRLF (rule (4)).</li>
 * </ul>
 * A run of white space longer than {@value #MAX_PENDING_WHITESPACE} bytes is passed on as data instead of being held
 * back to see whether it ends the line, which keeps memory constant on a 1 MB line of spaces (SECURITY.md M07).
 * Defect offsets point at the offending {@code =}, counted in encoded bytes from the start of this stream.
 */
public final class QuotedPrintableInputStream extends InputStream {
  /** The longest run of white space held back to decide whether it is trailing. */
  public static final int MAX_PENDING_WHITESPACE = 1024;

  private static final int NORMAL = 0;
  /** After '='. */
  private static final int EQUALS = 1;
  /** After '=' and one hex digit ({@code hexChar}). */
  private static final int EQUALS_HEX = 2;
  /** After '=' and white space (held in {@code ws}). */
  private static final int EQUALS_SPACE = 3;
  /** After a CR written as CRLF: a following LF is part of it. */
  private static final int AFTER_CR = 4;
  /** After a soft break ending in CR: a following LF is part of it. */
  private static final int AFTER_SOFT_CR = 5;

  private static final int OUT_TARGET = 16 * 1024;

  /** Byte classes: 0 literal, 1 special (= SP HT CR LF). */
  private static final boolean[] SPECIAL = new boolean[256];

  static {
    SPECIAL['='] = true;
    SPECIAL[' '] = true;
    SPECIAL['\t'] = true;
    SPECIAL['\r'] = true;
    SPECIAL['\n'] = true;
  }

  private final InputStream in;
  private final DefectReporter defects;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;
  private long consumedBefore;

  private final byte[] out = new byte[OUT_TARGET + MAX_PENDING_WHITESPACE + 16];
  private int outPos;
  private int outLen;

  private final byte[] ws = new byte[MAX_PENDING_WHITESPACE];
  private int wsLen;

  private int state = NORMAL;
  private int hexChar;
  /** Where the '=' being decoded was, for defects. */
  private long equalsOffset;
  private boolean eof;
  private boolean closed;

  public QuotedPrintableInputStream(InputStream in, DefectReporter defects) {
    this.in = Objects.requireNonNull(in, "in");
    this.defects = Objects.requireNonNull(defects, "defects");
  }

  @Override
  public int read() throws IOException {
    if (outPos == outLen && !produce()) {
      return -1;
    }
    return out[outPos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (outPos == outLen && !produce()) {
      return -1;
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  /** Decodes until some output is ready; false at the end. */
  private boolean produce() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    outPos = 0;
    outLen = 0;
    while (outLen == 0) {
      if (pos == limit) {
        if (eof) {
          return false;
        }
        consumedBefore += limit;
        pos = 0;
        limit = 0;
        int r = in.read(buf, 0, buf.length);
        if (r < 0) {
          eof = true;
          finish();
          return outLen > 0;
        }
        limit = r;
      }
      decode();
    }
    return true;
  }

  private void decode() {
    final byte[] src = buf;
    final byte[] dst = out;
    int p = pos;
    final int lim = limit;
    while (p < lim && outLen < OUT_TARGET) {
      int c = src[p] & 0xff;
      switch (state) {
        case NORMAL:
          if (!SPECIAL[c]) {
            if (wsLen > 0) {
              flushWhitespace();
            }
            // Hot path: copy a run of literal bytes.
            int start = p;
            int max = Math.min(lim, p + (OUT_TARGET - outLen));
            p++;
            while (p < max && !SPECIAL[src[p] & 0xff]) {
              p++;
            }
            System.arraycopy(src, start, dst, outLen, p - start);
            outLen += p - start;
            continue;
          }
          if (c == ' ' || c == '\t') {
            if (wsLen == ws.length) {
              flushWhitespace();
            }
            ws[wsLen++] = (byte) c;
          } else if (c == '=') {
            if (wsLen > 0) {
              flushWhitespace();
            }
            equalsOffset = consumedBefore + p;
            state = EQUALS;
          } else {
            wsLen = 0; // trailing white space on a line is deleted
            dst[outLen++] = '\r';
            dst[outLen++] = '\n';
            if (c == '\r') {
              state = AFTER_CR;
            }
          }
          p++;
          break;
        case AFTER_CR:
        case AFTER_SOFT_CR:
          state = NORMAL;
          if (c == '\n') {
            p++;
          }
          break;
        case EQUALS:
          if (Ascii.hexValue(c) >= 0) {
            hexChar = c;
            state = EQUALS_HEX;
            p++;
          } else if (c == '\r') {
            state = AFTER_SOFT_CR;
            p++;
          } else if (c == '\n') {
            state = NORMAL;
            p++;
          } else if (c == ' ' || c == '\t') {
            ws[wsLen++] = (byte) c;
            state = EQUALS_SPACE;
            p++;
          } else {
            invalid("'=' not followed by two hex digits or a line break");
            dst[outLen++] = '=';
            state = NORMAL; // c is decoded again as ordinary input
          }
          break;
        case EQUALS_HEX:
          int low = Ascii.hexValue(c);
          if (low >= 0) {
            dst[outLen++] = (byte) (Ascii.hexValue(hexChar) << 4 | low);
            p++;
          } else {
            invalid("'=' followed by only one hex digit");
            dst[outLen++] = '=';
            dst[outLen++] = (byte) hexChar;
          }
          state = NORMAL;
          break;
        case EQUALS_SPACE:
          if (c == ' ' || c == '\t') {
            if (wsLen == ws.length) {
              invalid("'=' followed by white space and no line break");
              dst[outLen++] = '=';
              flushWhitespace();
              state = NORMAL;
            } else {
              ws[wsLen++] = (byte) c;
              p++;
            }
          } else if (c == '\r' || c == '\n') {
            wsLen = 0; // soft line break after transport padding
            state = c == '\r' ? AFTER_SOFT_CR : NORMAL;
            p++;
          } else {
            invalid("'=' followed by white space and no line break");
            dst[outLen++] = '=';
            state = NORMAL; // the white space stays pending, c is decoded again
          }
          break;
        default:
          throw new IllegalStateException("state " + state);
      }
    }
    pos = p;
  }

  private void finish() {
    switch (state) {
      case EQUALS:
      case EQUALS_SPACE:
        invalid("'=' at the end of the body");
        out[outLen++] = '=';
        break;
      case EQUALS_HEX:
        invalid("'=' followed by only one hex digit at the end of the body");
        out[outLen++] = '=';
        out[outLen++] = (byte) hexChar;
        break;
      default:
        break;
    }
    wsLen = 0; // trailing white space at the end of the body is deleted too
    state = NORMAL;
  }

  private void flushWhitespace() {
    System.arraycopy(ws, 0, out, outLen, wsLen);
    outLen += wsLen;
    wsLen = 0;
  }

  private void invalid(String detail) {
    defects.report(MimeDefect.Kind.INVALID_QUOTED_PRINTABLE, detail, equalsOffset);
  }

  @Override
  public int available() {
    return outLen - outPos;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
