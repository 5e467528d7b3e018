package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.OutputStream;

/** The binary transfer encoding (RFC 2045 §2.9): bytes pass through unchanged. */
public final class PassThroughOutputStream extends EncoderStream {
  public PassThroughOutputStream(OutputStream sink) {
    super(sink);
  }

  @Override
  protected void encode(byte[] b, int off, int n) throws IOException {
    if (n > buf.length / 2) {
      writeDirect(b, off, n);
      return;
    }
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  @Override
  protected void finishEncoding() {
    // nothing is held back
  }
}
