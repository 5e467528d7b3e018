package dev.mailroom.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads streams to the end and counts bytes, so decoding cannot be skipped by a lazy library. */
final class CountingSink extends OutputStream {
  private final byte[] buffer = new byte[16 * 1024];
  long count;

  long drain(InputStream in) throws IOException {
    long n = 0;
    try (in) {
      int r;
      while ((r = in.read(buffer)) != -1) {
        n += r;
      }
    }
    count += n;
    return n;
  }

  @Override
  public void write(int b) {
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    count += len;
  }
}
