package dev.mailroom.mime.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What a body's bytes look like, for choosing a Content-Transfer-Encoding: whether they fit 7bit or 8bit (RFC 2045
 * §2.7, §2.8: no NUL, CR and LF only as CRLF, lines of at most 998 octets), and how much quoted-printable would cost.
 * Line lengths count octets between line breaks, where CRLF, bare LF and bare CR all end a line.
 *
 * <pre>{@code
 * ContentAnalysis a = ContentAnalysis.of(bytes);
 * TransferEncoding cte = a.suggest(EncodeMode.TEXT, smtpHas8BitMime);
 * }</pre>
 *
 * @param size the number of bytes
 * @param nonAscii bytes above 127
 * @param controls bytes below 32 other than TAB, CR and LF, plus DEL (127); includes NUL
 * @param nuls NUL bytes
 * @param bareCrs CRs not followed by LF
 * @param bareLfs LFs not preceded by CR
 * @param maxLineLength the longest line, in bytes, without its line break
 */
public record ContentAnalysis(long size, long nonAscii, long controls, long nuls, long bareCrs, long bareLfs,
    long maxLineLength) {
  /** RFC 5322 §2.1.1 and RFC 2045 §2.7: lines "MUST be no more than 998 characters" (without CRLF). */
  public static final int MAX_LINE_LENGTH = 998;

  /** Analyses a byte array. */
  public static ContentAnalysis of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** Analyses {@code len} bytes of {@code data} from {@code off}. */
  public static ContentAnalysis of(byte[] data, int off, int len) {
    Analyzer a = analyzer();
    a.write(data, off, len);
    return a.result();
  }

  /** Analyses a stream to its end (constant memory); the stream is not closed. */
  public static ContentAnalysis of(InputStream in) throws IOException {
    Analyzer a = analyzer();
    in.transferTo(a);
    return a.result();
  }

  /** An output stream that analyses what is written to it, e.g. while the body is spooled or copied. */
  public static Analyzer analyzer() {
    return new Analyzer();
  }

  /** Whether every byte is US-ASCII without NUL or other controls (CR, LF, TAB allowed). */
  public boolean isAscii() {
    return nonAscii == 0 && controls == 0;
  }

  /** Whether the bytes are valid 7bit data as they are (RFC 2045 §2.7). */
  public boolean isSevenBit() {
    return nonAscii == 0 && nuls == 0 && bareCrs == 0 && bareLfs == 0 && maxLineLength <= MAX_LINE_LENGTH;
  }

  /** Whether the bytes are valid 8bit data as they are (RFC 2045 §2.8). */
  public boolean isEightBit() {
    return nuls == 0 && bareCrs == 0 && bareLfs == 0 && maxLineLength <= MAX_LINE_LENGTH;
  }

  public boolean hasNul() {
    return nuls > 0;
  }

  public boolean hasBareCr() {
    return bareCrs > 0;
  }

  public boolean hasBareLf() {
    return bareLfs > 0;
  }

  /** The share of bytes quoted-printable must encode as {@code =XX} (non-ASCII and controls), 0 when empty. */
  public double nonAsciiFraction() {
    return size == 0 ? 0 : (double) (nonAscii + controls) / size;
  }

  /**
   * The encoding a builder should use.
   *
   * <ul>
   *   <li>{@link EncodeMode#TEXT} (line breaks will be written as CRLF): 7bit when ASCII without NUL and lines fit;
   *       8bit when {@code eightBitAllowed} (the server offers 8BITMIME, RFC 6152) and only non-ASCII stands in the
   *       way; otherwise quoted-printable when at most one byte in six needs {@code =XX} (then it is no larger than
   *       base64's 4/3), else base64.</li>
   *   <li>{@link EncodeMode#BINARY} (bytes must come back exactly): 7bit or 8bit only when the bytes already are
   *       valid 7bit or 8bit data, else base64.</li>
   * </ul>
   */
  public TransferEncoding suggest(EncodeMode mode, boolean eightBitAllowed) {
    Objects.requireNonNull(mode, "mode");
    if (mode == EncodeMode.BINARY) {
      if (isSevenBit()) {
        return TransferEncoding.SEVEN_BIT;
      }
      return eightBitAllowed && isEightBit() ? TransferEncoding.EIGHT_BIT : TransferEncoding.BASE64;
    }
    boolean linesFit = nuls == 0 && maxLineLength <= MAX_LINE_LENGTH;
    if (linesFit && nonAscii == 0) {
      return TransferEncoding.SEVEN_BIT;
    }
    if (linesFit && eightBitAllowed) {
      return TransferEncoding.EIGHT_BIT;
    }
    return nonAsciiFraction() * 6 <= 1 ? TransferEncoding.QUOTED_PRINTABLE : TransferEncoding.BASE64;
  }

  /** Collects a {@link ContentAnalysis} from the bytes written to it. */
  public static final class Analyzer extends OutputStream {
    private static final byte NORMAL = 0;
    private static final byte HIGH = 1;
    private static final byte CONTROL = 2;
    private static final byte NUL = 3;
    private static final byte CR = 4;
    private static final byte LF = 5;
    private static final byte[] CLASS = new byte[256];

    static {
      for (int c = 0; c < 32; c++) {
        CLASS[c] = CONTROL;
      }
      CLASS['\t'] = NORMAL;
      CLASS[0] = NUL;
      CLASS['\r'] = CR;
      CLASS['\n'] = LF;
      CLASS[127] = CONTROL;
      for (int c = 128; c < 256; c++) {
        CLASS[c] = HIGH;
      }
    }

    private long size;
    private long nonAscii;
    private long controls;
    private long nuls;
    private long bareCrs;
    private long bareLfs;
    private long maxLine;
    private long line;
    private boolean afterCr;

    private Analyzer() { }

    private final byte[] one = new byte[1]; // reused: write(int) may be called per byte


    @Override
    public void write(int b) {
      one[0] = (byte) b;
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      size += len;
      long lineLen = line;
      boolean cr = afterCr;
      long high = 0;
      for (int p = off, end = off + len; p < end; p++) {
        int c = b[p];
        // fast path, no state change: printable ASCII, or a byte of a non-ASCII character, not right after a CR
        if (!cr && (c >= 0x20 ? c != 0x7f : c < 0)) {
          high += c >>> 31;
          lineLen++;
          continue;
        }
        byte k = CLASS[c & 0xff];
        if (k == NORMAL) {
          if (cr) {
            bareCrs++;
            cr = false;
          }
          lineLen++;
          continue;
        }
        if (cr && k != LF) {
          bareCrs++;
        }
        switch (k) {
          case HIGH:
            nonAscii++;
            lineLen++;
            cr = false;
            break;
          case NUL:
            nuls++;
            controls++;
            lineLen++;
            cr = false;
            break;
          case CONTROL:
            controls++;
            lineLen++;
            cr = false;
            break;
          case CR:
            maxLine = Math.max(maxLine, lineLen);
            lineLen = 0;
            cr = true;
            break;
          default: // LF
            if (!cr) {
              bareLfs++;
              maxLine = Math.max(maxLine, lineLen);
              lineLen = 0;
            }
            cr = false;
            break;
        }
      }
      nonAscii += high;
      line = lineLen;
      afterCr = cr;
    }

    /** The analysis of everything written so far. */
    public ContentAnalysis result() {
      return new ContentAnalysis(size, nonAscii, controls, nuls, bareCrs + (afterCr ? 1 : 0), bareLfs,
          Math.max(maxLine, line));
    }
  }
}
