package dev.mailroom.client.internal.transport;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.client.trace.ProtocolTrace.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A dot-terminated body (RFC 1939 §3, RFC 5321 §4.5.2) read in constant memory. A line that starts with a dot loses
 * that dot; a line that is a single dot ends the body. Lines are delimited by CRLF only: a bare LF or CR is content,
 * so {@code "\n.\n"} or {@code "\r.\r"} can never end the body early (SECURITY.md P03, P04).
 */
final class DotTerminatedInputStream extends InputStream {
  private final BufferedProtocolInput input;
  private final BufferedSource source;
  private final long maxBytes;
  private final ProtocolTrace trace;
  private boolean atLineStart = true;
  private boolean lastWasCr;
  private boolean done;
  private boolean closed;
  private long count;

  DotTerminatedInputStream(BufferedProtocolInput input, long maxBytes, ProtocolTrace trace) {
    this.input = input;
    this.source = input.source();
    this.maxBytes = maxBytes;
    this.trace = trace;
  }

  private final byte[] one = new byte[1]; // reused: read() is called per byte by some readers


  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (done) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    try {
      if (atLineStart) {
        require(1);
        Buffer buffer = source.getBuffer();
        if (buffer.getByte(0) == '.') {
          require(2);
          if (buffer.getByte(1) == '\r') {
            require(3);
            if (buffer.getByte(2) == '\n') {
              source.skip(3);
              done = true;
              trace.payload(Direction.SERVER, count);
              return -1;
            }
          }
          source.skip(1); // un-stuff: the rest of the line is content
        }
        atLineStart = false;
      }
      require(1);
      Buffer buffer = source.getBuffer();
      long limit = Math.min(len, buffer.size());
      long lf = buffer.indexOf((byte) '\n', 0, limit);
      int n;
      if (lf != -1) {
        n = (int) lf + 1;
        boolean crBefore = lf == 0 ? lastWasCr : buffer.getByte(lf - 1) == '\r';
        atLineStart = crBefore;
        lastWasCr = false;
      } else {
        n = (int) limit;
        lastWasCr = buffer.getByte(n - 1) == '\r';
      }
      buffer.read(b, off, n);
      count += n;
      if (count > maxBytes) {
        throw input.fatal(new MailProtocolException("multi-line response longer than " + maxBytes + " bytes"));
      }
      return n;
    } catch (MailProtocolException e) {
      throw e;
    } catch (IOException e) {
      throw input.fatal(IoFailures.translate(e, "reading a dot-terminated body"));
    }
  }

  private void require(long bytes) throws IOException {
    if (!source.request(bytes)) {
      throw input.fatal(new MailProtocolException(
          "connection closed before the end of a dot-terminated body (no CRLF.CRLF)"));
    }
  }

  @Override
  public int available() {
    return done ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, source.getBuffer().size() - 3));
  }

  /** Reads on to the terminator so the next response starts in the right place. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    byte[] skip = new byte[8192];
    while (!done) {
      read(skip, 0, skip.length);
    }
    closed = true;
  }
}
