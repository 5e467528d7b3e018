package dev.mailroom.mime.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails when a stream yields more or fewer bytes than declared: a message whose size was announced (SMTP
 * {@code SIZE=}, an IMAP literal) must not then be written with another size.
 */
final class SizeCheckingInputStream extends FilterInputStream {
  private final long declared;
  private long seen;

  SizeCheckingInputStream(InputStream in, long declared) {
    super(in);
    this.declared = declared;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b == -1 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    count(n);
    return n;
  }

  private void count(int n) throws IOException {
    if (n == -1) {
      if (seen != declared) {
        throw new IOException("attachment stream gave " + seen + " bytes but its declared size is " + declared);
      }
      return;
    }
    seen += n;
    if (seen > declared) {
      throw new IOException("attachment stream gave more than its declared " + declared + " bytes");
    }
  }
}
