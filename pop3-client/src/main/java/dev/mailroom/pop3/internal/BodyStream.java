package dev.mailroom.pop3.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A message body being read off the connection (RETR, TOP): the transport's un-stuffing stream, plus the bookkeeping
 * the session needs. It knows whether the terminator was reached ({@link #complete()}), so a body cut by a lost
 * connection is never taken for a whole message (SECURITY.md P05). Closing it early reads on to the terminator, so the
 * next reply starts in the right place; if the connection is lost meanwhile, close throws.
 */
public final class BodyStream extends InputStream {
  private final InputStream in;
  private final Pop3Channel channel;
  private boolean complete;
  private boolean closed;
  private long count;
  private final byte[] one = new byte[1]; // reused: some readers call read() per byte

  BodyStream(InputStream in, Pop3Channel channel) {
    this.in = in;
    this.channel = channel;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the message body stream is closed");
    }
    if (complete) {
      return -1;
    }
    int n = in.read(b, off, len);
    if (n == -1) {
      complete = true;
      channel.bodyFinished(this);
    } else {
      count += n;
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return closed || complete ? 0 : in.available();
  }

  /** Whether the terminating dot line was read: the body is whole. */
  public boolean complete() {
    return complete;
  }

  /** How many body bytes were read so far. */
  public long byteCount() {
    return count;
  }

  /** Reads and discards the rest of the body; afterwards {@link #complete()} is true or this threw. */
  public void drain() throws IOException {
    byte[] skip = new byte[8192];
    while (read(skip, 0, skip.length) != -1) {
      // discard
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (channel.isOpen()) {
        drain();
      }
    } finally {
      closed = true;
      channel.bodyFinished(this);
    }
  }
}
