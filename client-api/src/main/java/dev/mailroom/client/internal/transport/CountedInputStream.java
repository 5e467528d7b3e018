package dev.mailroom.client.internal.transport;

import dev.mailroom.client.MailProtocolException;
import java.io.IOException;
import java.io.InputStream;
import okio.BufferedSource;

/** Exactly {@code count} bytes off the source; close skips what was not read, so the framing is kept. */
final class CountedInputStream extends InputStream {
  private final BufferedProtocolInput input;
  private final BufferedSource source;
  private long remaining;
  private boolean closed;

  CountedInputStream(BufferedProtocolInput input, long count) {
    this.input = input;
    this.source = input.source();
    this.remaining = count;
  }

  private final byte[] one = new byte[1]; // reused: read() is called per byte by some readers


  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (remaining == 0) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n;
    try {
      n = source.read(b, off, (int) Math.min(len, remaining));
    } catch (IOException e) {
      throw input.fatal(IoFailures.translate(e, "reading a counted payload"));
    }
    if (n == -1) {
      throw input.fatal(new MailProtocolException(
          "connection closed with " + remaining + " bytes of a counted payload still to come"));
    }
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long toSkip = Math.min(n, remaining);
    if (toSkip <= 0) {
      return 0;
    }
    try {
      source.skip(toSkip);
    } catch (IOException e) {
      throw input.fatal(IoFailures.translate(e, "skipping a counted payload"));
    }
    remaining -= toSkip;
    return toSkip;
  }

  @Override
  public int available() {
    return (int) Math.min(remaining, source.getBuffer().size());
  }

  /** Skips the unread rest so the next read starts after this payload. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      skip(remaining);
      closed = true;
    }
  }
}
