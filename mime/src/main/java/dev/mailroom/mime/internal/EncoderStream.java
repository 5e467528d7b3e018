package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The base of the transfer-encoding output streams: a staging buffer in front of the sink, and a {@link #close()}
 * that finishes the encoding (writes what is pending: the last base64 quantum, held-back white space) and flushes the
 * sink <em>without closing it</em>, so that a message writer can encode one body after another into the same stream.
 * When the sink is itself an encoder stage (text mode base64 is line canonicalisation, then base64) that stage is
 * closed in turn.
 */
public abstract class EncoderStream extends OutputStream {
  private static final int CAPACITY = 8 * 1024;

  private final OutputStream sink;
  /** Staged output; subclasses append at {@code len} after {@link #ensure(int)}. */
  protected final byte[] buf = new byte[CAPACITY];
  protected int len;
  private final byte[] one = new byte[1];
  private boolean closed;

  protected EncoderStream(OutputStream sink) {
    this.sink = Objects.requireNonNull(sink, "out");
  }

  @Override
  public final void write(int b) throws IOException {
    one[0] = (byte) b;
    write(one, 0, 1);
  }

  @Override
  public final void write(byte[] b, int off, int n) throws IOException {
    Objects.checkFromIndexSize(off, n, b.length);
    if (closed) {
      throw new IOException("encoder closed");
    }
    encode(b, off, n);
  }

  /** Encodes {@code n} bytes of {@code b} from {@code off}. */
  protected abstract void encode(byte[] b, int off, int n) throws IOException;

  /** Stages what is still pending at the end of the data. */
  protected abstract void finishEncoding() throws IOException;

  /** Makes room for {@code n} more staged bytes. */
  protected final void ensure(int n) throws IOException {
    if (len + n > buf.length) {
      drain();
    }
  }

  /** Writes the staged bytes to the sink. */
  protected final void drain() throws IOException {
    if (len > 0) {
      sink.write(buf, 0, len);
      len = 0;
    }
  }

  /** Writes straight to the sink after what is staged (for large pass-through writes). */
  protected final void writeDirect(byte[] b, int off, int n) throws IOException {
    drain();
    sink.write(b, off, n);
  }

  /** Writes what is staged and flushes the sink; bytes held back by the encoding stay held back. */
  @Override
  public void flush() throws IOException {
    drain();
    sink.flush();
  }

  /** Finishes the encoding and flushes; the sink stays open. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    finishEncoding();
    drain();
    if (sink instanceof EncoderStream stage) {
      stage.close();
    } else {
      sink.flush();
    }
  }
}
