package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes every line break (CRLF, bare LF, bare CR) as CRLF, the canonical form of text (RFC 2045 §2.10, §6.6; RFC 2049
 * §4), and passes every other byte through. Used for 7bit and 8bit bodies and in front of text-mode base64, so that a
 * built message never contains a bare CR or LF (SECURITY.md M13). A CR at the end of one write and an LF at the start
 * of the next are one line break.
 */
public final class CanonicalLineOutputStream extends EncoderStream {
  private boolean afterCr;

  public CanonicalLineOutputStream(OutputStream sink) {
    super(sink);
  }

  @Override
  protected void encode(byte[] b, int off, int n) throws IOException {
    int end = off + n;
    int run = off;
    for (int p = off; p < end; p++) {
      byte c = b[p];
      if (c == '\r' || c == '\n') {
        stage(b, run, p - run);
        if (c == '\r' || !afterCr) {
          ensure(2);
          buf[len++] = '\r';
          buf[len++] = '\n';
        }
        afterCr = c == '\r';
        run = p + 1;
      } else {
        afterCr = false;
      }
    }
    stage(b, run, end - run);
  }

  private void stage(byte[] b, int off, int n) throws IOException {
    if (n == 0) {
      return;
    }
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
    afterCr = false;
  }
}
