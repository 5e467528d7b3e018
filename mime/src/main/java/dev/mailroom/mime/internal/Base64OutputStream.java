package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

/**
 * Base64 for a MIME body (RFC 2045 §6.8): lines of 76 characters separated by CRLF, no line break after the last
 * line, padding at the end. The JDK's MIME encoder does the work (its block encoder is a HotSpot intrinsic); this
 * class fits it into the {@link EncoderStream} chain, so closing finishes the encoding without closing the sink.
 */
public final class Base64OutputStream extends EncoderStream {
  /** RFC 2045 §6.8: "encoded lines must be represented in lines of no more than 76 characters each". */
  public static final int LINE_LENGTH = 76;

  private static final Base64.Encoder MIME = Base64.getMimeEncoder(LINE_LENGTH, new byte[] {'\r', '\n'});

  private final OutputStream encoder;

  public Base64OutputStream(OutputStream sink) {
    super(sink);
    this.encoder = MIME.wrap(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        writeDirect(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int n) throws IOException {
        writeDirect(b, off, n);
      }

      @Override
      public void close() {
        // the JDK's stream closes what it wraps; the message stream under this encoder stays open
      }
    });
  }

  @Override
  protected void encode(byte[] b, int off, int n) throws IOException {
    encoder.write(b, off, n);
  }

  @Override
  protected void finishEncoding() throws IOException {
    encoder.close(); // the last quantum and its padding
  }
}
