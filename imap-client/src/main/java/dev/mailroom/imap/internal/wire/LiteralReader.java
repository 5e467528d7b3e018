package dev.mailroom.imap.internal.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * A literal's content read straight off the connection. Closing it (or {@link #drain()}) skips what is left so the
 * response stays framed; the caller's {@code close()} never closes the connection. Reading after the decoder moved
 * on fails with {@link IOException}.
 */
public final class LiteralReader extends InputStream {
  private final InputStream counted;
  private boolean done;

  LiteralReader(InputStream counted) {
    this.counted = counted;
  }

  @Override
  public int read() throws IOException {
    return done ? -1 : counted.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return done ? -1 : counted.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    return done ? 0 : counted.skip(n);
  }

  @Override
  public int available() throws IOException {
    return done ? 0 : counted.available();
  }

  @Override
  public void close() throws IOException {
    drain();
  }

  /** Skips to the end of the literal (the connection ending first is a protocol error). */
  void drain() throws IOException {
    if (!done) {
      counted.close();
      done = true;
    }
  }
}
