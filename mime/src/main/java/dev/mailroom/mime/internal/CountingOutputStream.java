package dev.mailroom.mime.internal;

import java.io.OutputStream;

/** Discards what is written and counts it. */
public final class CountingOutputStream extends OutputStream {
  private long count;

  @Override
  public void write(int b) {
    count++;
  }

  @Override
  public void write(byte[] b, int off, int n) {
    java.util.Objects.checkFromIndexSize(off, n, b.length);
    count += n;
  }

  /** The number of bytes written so far. */
  public long count() {
    return count;
  }
}
