package dev.mailroom.client.internal.transport;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.client.trace.ProtocolTrace.Direction;
import java.io.IOException;
import java.io.InputStream;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;

/** {@link ProtocolInput} over an okio {@link BufferedSource}: a socket, or bytes in memory for tests. */
final class BufferedProtocolInput implements ProtocolInput {
  private final BufferedSource source;
  private final Limits limits;
  private final ProtocolTrace trace;
  private final java.util.function.Consumer<MailException> onFatal;

  BufferedProtocolInput(BufferedSource source, Limits limits, ProtocolTrace trace,
      java.util.function.Consumer<MailException> onFatal) {
    this.source = source;
    this.limits = limits;
    this.trace = trace;
    this.onFatal = onFatal;
  }

  static BufferedProtocolInput ofBytes(byte[] bytes, Limits limits, ProtocolTrace trace) {
    return new BufferedProtocolInput(new Buffer().write(bytes), limits, trace, e -> { });
  }

  static BufferedProtocolInput ofStream(InputStream in, Limits limits, ProtocolTrace trace) {
    return new BufferedProtocolInput(Okio.buffer(Okio.source(in)), limits, trace, e -> { });
  }

  BufferedSource source() {
    return source;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public byte[] readLine() throws MailException {
    return readLine(limits.maxLineBytes());
  }

  @Override
  public byte[] readLine(int maxBytes) throws MailException {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes < 1");
    }
    try {
      long scanLimit = maxBytes + 2L;
      long lf = source.indexOf((byte) '\n', 0, scanLimit);
      if (lf == -1) {
        long buffered = source.getBuffer().size();
        if (buffered >= scanLimit) {
          throw fatal(new MailProtocolException("line longer than " + maxBytes + " bytes: "
              + preview(source.getBuffer(), 64)));
        }
        throw fatal(new MailProtocolException(buffered == 0
            ? "connection closed by the server"
            : "connection closed in the middle of a line: " + preview(source.getBuffer(), 64)));
      }
      if (lf == 0 || source.getBuffer().getByte(lf - 1) != '\r') {
        throw fatal(new MailProtocolException("bare LF: lines must end with CRLF: "
            + preview(source.getBuffer(), (int) Math.min(lf + 1, 64))));
      }
      long cr = source.getBuffer().indexOf((byte) '\r', 0, lf - 1);
      if (cr != -1) {
        throw fatal(new MailProtocolException("bare CR inside a line: "
            + preview(source.getBuffer(), (int) Math.min(lf + 1, 64))));
      }
      byte[] line = source.readByteArray(lf - 1);
      source.skip(2);
      trace.line(Direction.SERVER, Escaping.forDisplay(line, 0, line.length, 4096));
      return line;
    } catch (MailException e) {
      throw e;
    } catch (IOException e) {
      throw fatal(IoFailures.translate(e, "reading a line"));
    }
  }

  @Override
  public byte[] readExactly(int byteCount) throws MailException {
    if (byteCount < 0) {
      throw new IllegalArgumentException("byteCount < 0");
    }
    if (byteCount > limits.maxInMemoryBytes()) {
      throw fatal(new MailProtocolException(byteCount + " bytes exceed the in-memory limit of "
          + limits.maxInMemoryBytes()));
    }
    try {
      byte[] bytes = source.readByteArray(byteCount);
      trace.payload(Direction.SERVER, byteCount);
      return bytes;
    } catch (IOException e) {
      throw fatal(IoFailures.translate(e, "reading " + byteCount + " bytes"));
    }
  }

  @Override
  public InputStream readCounted(long byteCount) {
    if (byteCount < 0) {
      throw new IllegalArgumentException("byteCount < 0");
    }
    trace.payload(Direction.SERVER, byteCount);
    return new CountedInputStream(this, byteCount);
  }

  @Override
  public InputStream readDotTerminated(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes < 0");
    }
    return new DotTerminatedInputStream(this, maxBytes, trace);
  }

  @Override
  public int peekByte() throws MailException {
    try {
      source.require(1);
      return source.getBuffer().getByte(0) & 0xff;
    } catch (IOException e) {
      throw fatal(IoFailures.translate(e, "waiting for data"));
    }
  }

  @Override
  public long bufferedByteCount() {
    return source.getBuffer().size();
  }

  /** Marks the connection broken by {@code e} (closing it) and returns {@code e} for throwing. */
  MailException fatal(MailException e) {
    onFatal.accept(e);
    return e;
  }

  private static String preview(Buffer buffer, int bytes) {
    int n = (int) Math.min(bytes, buffer.size());
    byte[] head = new byte[n];
    for (int i = 0; i < n; i++) {
      head[i] = buffer.getByte(i);
    }
    return "'" + Escaping.forDisplay(head, 0, n, 64) + "'";
  }
}
