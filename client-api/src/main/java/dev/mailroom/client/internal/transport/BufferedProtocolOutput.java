package dev.mailroom.client.internal.transport;

import dev.mailroom.client.MailException;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.client.trace.ProtocolTrace.Direction;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import okio.BufferedSink;

/** {@link ProtocolOutput} over an okio {@link BufferedSink}. */
final class BufferedProtocolOutput implements ProtocolOutput {
  private static final byte[] CRLF = {'\r', '\n'};

  private final BufferedSink sink;
  private final ProtocolTrace trace;
  private final Runnable onFatal;

  BufferedProtocolOutput(BufferedSink sink, ProtocolTrace trace, Runnable onFatal) {
    this.sink = sink;
    this.trace = trace;
    this.onFatal = onFatal;
  }

  @Override
  public void writeLine(byte[] line, Sensitivity sensitivity) throws MailException {
    Objects.requireNonNull(sensitivity, "sensitivity");
    for (int i = 0; i < line.length; i++) {
      byte b = line[i];
      if (b == '\r' || b == '\n' || b == 0) {
        throw new IllegalArgumentException(
            "refusing to send a line containing " + (b == 0 ? "NUL" : b == '\r' ? "CR" : "LF") + " at " + i);
      }
    }
    try {
      sink.write(line).write(CRLF);
    } catch (IOException e) {
      throw fatal(e, "writing a line");
    }
    trace.line(Direction.CLIENT, traced(line, sensitivity));
  }

  static String traced(byte[] line, Sensitivity sensitivity) {
    int visible = sensitivity.visiblePrefixBytes();
    if (visible >= line.length) {
      return Escaping.forDisplay(line, 0, line.length, 4096);
    }
    return Escaping.forDisplay(line, 0, visible, 4096) + "<redacted>";
  }

  @Override
  public OutputStream payloadStream(boolean flushOnClose) {
    return new TranslatingStream(sink.outputStream(), false, flushOnClose);
  }

  @Override
  public OutputStream dotStuffingStream(boolean flushOnClose) {
    TranslatingStream wire = new TranslatingStream(sink.outputStream(), true, flushOnClose);
    DotStuffingOutputStream stuffer = new DotStuffingOutputStream(wire);
    return new FilterOutputStream(stuffer) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        stuffer.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        stuffer.close(); // the terminator, then a flush
        wire.close(); // the trace line; the connection stays open
      }
    };
  }

  @Override
  public void flush() throws MailException {
    try {
      sink.flush();
    } catch (IOException e) {
      throw fatal(e, "sending");
    }
  }

  private MailException fatal(IOException e, String doing) {
    MailException mail = IoFailures.translate(e, doing);
    onFatal.run();
    return mail;
  }

  /** Counts payload bytes for the trace and turns I/O failures into typed errors; close flushes only. */
  private final class TranslatingStream extends OutputStream {
    private final OutputStream out;
    private final boolean dotStuffed;
    private final boolean flushes;
    private long count;
    private boolean closed;

    TranslatingStream(OutputStream out, boolean dotStuffed, boolean flushes) {
      this.out = out;
      this.dotStuffed = dotStuffed;
      this.flushes = flushes;
    }

    private final byte[] one = new byte[1]; // reused: write(int) may be called per byte


    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("stream closed");
      }
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw fatal(e, "sending a payload");
      }
      count += len;
    }

    @Override
    public void flush() throws IOException {
      if (!flushes) {
        return; // the caller flushes the transport when the whole flight is written
      }
      try {
        out.flush();
      } catch (IOException e) {
        throw fatal(e, "sending a payload");
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        flush();
        closed = true;
        trace.payload(Direction.CLIENT, dotStuffed ? count - 3 : count);
        if (dotStuffed) {
          trace.line(Direction.CLIENT, ".");
        }
      }
    }
  }
}
