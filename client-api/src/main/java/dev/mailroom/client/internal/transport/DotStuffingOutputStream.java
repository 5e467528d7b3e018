package dev.mailroom.client.internal.transport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Dot-stuffs a message body for SMTP DATA (RFC 5321 §4.5.2) and makes SMTP smuggling impossible: every line ending
 * in the input, whether CRLF, a bare LF or a bare CR, becomes CRLF; a dot at the start of a line is doubled; and
 * {@link #close()} ends the body with a CRLF if it lacks one and exactly one {@code .CRLF} terminator (SECURITY.md
 * S05, S06, S07). So the output contains no bare CR or LF and no terminator before the end, whatever is written.
 *
 * <p>Closing does not close the underlying stream; it flushes it.
 */
public final class DotStuffingOutputStream extends FilterOutputStream {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] TERMINATOR = {'.', '\r', '\n'};

  private boolean atLineStart = true;
  private boolean pendingCr;
  private boolean closed;

  public DotStuffingOutputStream(OutputStream out) {
    super(Objects.requireNonNull(out, "out"));
  }

  private final byte[] one = new byte[1]; // reused: write(int) may be called per byte


  @Override
  public void write(int b) throws IOException {
    one[0] = (byte) b;
      write(one, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    int runStart = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (c != '\r' && c != '\n' && !pendingCr && !(atLineStart && c == '.')) {
        atLineStart = false;
        continue; // ordinary byte: part of the current run
      }
      out.write(b, runStart, i - runStart);
      runStart = i + 1;
      if (c == '\n') {
        out.write(CRLF); // CRLF, or a bare LF, becomes CRLF
        pendingCr = false;
        atLineStart = true;
        continue;
      }
      if (pendingCr) {
        out.write(CRLF); // a bare CR becomes CRLF
        pendingCr = false;
        atLineStart = true;
      }
      if (c == '\r') {
        pendingCr = true;
        continue;
      }
      if (atLineStart && c == '.') {
        out.write('.');
      }
      out.write(c);
      atLineStart = false;
    }
    out.write(b, runStart, end - runStart);
  }

  /** Ends the body: a missing final CRLF, then {@code .CRLF}, then a flush. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (pendingCr || !atLineStart) {
      out.write(CRLF);
    }
    out.write(TERMINATOR);
    out.flush();
  }
}
