package dev.mailroom.mime.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where a body (a leaf body, a preamble or an epilogue) ends: at the next delimiter line of a boundary on the
 * {@link BoundaryStack}, or at the end of the input. It hands the body out as runs of the window ({@link #available()}
 * then {@link #consume(int)}), so no body is ever held whole.
 *
 * <p>The scan looks for {@code "--"} at a line start (RFC 2046 §5.1.1: "The boundary delimiter MUST occur at the
 * beginning of a line"), that is after LF or CR, or at the very start of the body. The line ending before the
 * delimiter belongs to the delimiter, not to the body (RFC 2046 §5.1.1 NOTE): it is CRLF, or a bare LF or CR. Bytes
 * that might still turn out to be such a line ending, or the start of a delimiter that cannot be decided yet, are held
 * back until more input is read; everything else is released at once.
 *
 * @param <T> the owner type of the boundary stack
 */
public final class BodyScanner<T> {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long DASHES = 0x2D2D2D2D2D2D2D2DL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final InputWindow w;
  private final BoundaryStack<T> boundaries;

  private boolean atLineStart;
  private long safeEnd;
  private boolean endsAtSafeEnd;
  private boolean matched;
  private long delimiterEnd;
  private T owner;
  private boolean close;
  private boolean bareEnding;

  public BodyScanner(InputWindow window, BoundaryStack<T> boundaries) {
    this.w = window;
    this.boundaries = boundaries;
  }

  /** Starts a body at the window position, which is a line start. */
  public void begin() {
    atLineStart = true;
    safeEnd = w.position();
    endsAtSafeEnd = false;
    matched = false;
    owner = null;
  }

  /**
   * The number of body bytes at the window position that are known to belong to the body ({@code > 0}), or 0 when
   * the body ends here: then {@link #matched()} tells whether a delimiter line follows (else the input ended).
   */
  public int available() throws IOException {
    while (true) {
      long position = w.position();
      if (safeEnd > position) {
        return (int) (safeEnd - position);
      }
      if (endsAtSafeEnd) {
        return 0;
      }
      scan();
    }
  }

  /** Marks {@code n} bytes (at most {@link #available()}) as consumed. */
  public void consume(int n) {
    if (n > 0) {
      w.pos += n;
      atLineStart = false;
    }
  }

  /** After {@link #available()} returned 0: whether a delimiter line starts at the window position. */
  public boolean matched() {
    return matched;
  }

  /** After a match: the absolute offset one past the delimiter line. */
  public long delimiterEnd() {
    return delimiterEnd;
  }

  /** After a match: whose boundary it is. */
  public T owner() {
    return owner;
  }

  /** After a match: whether it is a close delimiter. */
  public boolean close() {
    return close;
  }

  /** After a match: whether a line ending in the delimiter line (before or after it) was not CRLF. */
  public boolean bareEnding() {
    return bareEnding;
  }

  private void scan() throws IOException {
    while (true) {
      byte[] buf = w.buf;
      int pos = w.pos;
      int limit = w.limit;
      boolean eof = w.eof();
      int hold = -1;
      int i = pos;
      while (true) {
        i = indexOfDash(buf, i, limit);
        if (i >= limit) {
          break;
        }
        boolean lineStart = i == pos ? atLineStart : buf[i - 1] == '\n' || buf[i - 1] == '\r';
        if (lineStart) {
          int r = boundaries.match(buf, i, limit, eof);
          if (r == BoundaryStack.MATCH) {
            int lead = leadStart(buf, pos, i);
            safeEnd = w.offsetOf(lead);
            endsAtSafeEnd = true;
            matched = true;
            delimiterEnd = w.offsetOf(boundaries.matchedEnd());
            owner = boundaries.matchedOwner();
            close = boundaries.matchedClose();
            bareEnding = boundaries.matchedBareEnding() || (lead < i && i - lead == 1);
            return;
          }
          if (r == BoundaryStack.NEED_MORE) {
            hold = leadStart(buf, pos, i);
            break;
          }
        }
        i++;
      }
      if (hold < 0) {
        if (eof) {
          safeEnd = w.offsetOf(limit);
          endsAtSafeEnd = true;
          matched = false;
          return;
        }
        hold = limit;
        if (hold > pos && (buf[hold - 1] == '\n' || buf[hold - 1] == '\r')) {
          hold--;
          if (hold > pos && buf[hold] == '\n' && buf[hold - 1] == '\r') {
            hold--;
          }
        }
      }
      if (hold > pos) {
        safeEnd = w.offsetOf(hold);
        return;
      }
      if (!w.fill() && !w.eof()) {
        throw new IllegalStateException("window too small for a delimiter line");
      }
    }
  }

  /**
   * The index of the first {@code '-'} in {@code buf[from, limit)}, or {@code limit}. Eight bytes at a time: XOR with
   * eight dashes turns a dash into a zero byte, and the lowest byte flagged by the classic "has zero byte" test is
   * always a real zero (a false flag can only sit above a real one).
   */
  static int indexOfDash(byte[] buf, int from, int limit) {
    int i = from;
    while (i + 8 <= limit) {
      long w = (long) LONGS.get(buf, i) ^ DASHES;
      long zero = (w - ONES) & ~w & HIGHS;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
      i += 8;
    }
    while (i < limit && buf[i] != '-') {
      i++;
    }
    return i;
  }

  private static int leadStart(byte[] buf, int pos, int i) {
    if (i == pos) {
      return i;
    }
    if (buf[i - 1] == '\n' && i - 2 >= pos && buf[i - 2] == '\r') {
      return i - 2;
    }
    return i - 1;
  }
}
