package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import dev.mailroom.mime.codec.TransferEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * A built leaf body: a {@link Source} transfer-encoded as it is read, so attachments are never loaded whole. Its
 * wire size is exact when the source size is known: computed for base64, counted once by encoding for
 * quoted-printable, the source size for 7bit, 8bit and binary (whose content the builder already normalised).
 */
public final class EncodedBody implements MimeBody {
  private static final int CHUNK = 16 * 1024;

  private final Source source;
  private final TransferEncoding encoding;
  private volatile long countedSize = -1;

  public EncodedBody(Source source, TransferEncoding encoding) {
    this.source = source;
    this.encoding = encoding;
  }

  public Source source() {
    return source;
  }

  public TransferEncoding encoding() {
    return encoding;
  }

  @Override
  public void writeRawTo(OutputStream out) throws IOException {
    OutputStream encoder = encoding.encode(out);
    try (InputStream in = source.open()) {
      in.transferTo(encoder);
    }
    encoder.close(); // writes the encoder's tail (padding, last line) and flushes; TransferEncoding never closes out
  }

  @Override
  public InputStream openRaw() throws IOException {
    return new EncodingInputStream(source.open(), encoding);
  }

  @Override
  public OptionalLong rawSize() {
    OptionalLong size = source.size();
    if (size.isEmpty()) {
      return size;
    }
    return switch (encoding) {
      case BASE64 -> OptionalLong.of(TransferEncoding.encodedSize(TransferEncoding.BASE64, size.getAsLong()));
      case QUOTED_PRINTABLE -> OptionalLong.of(countQuotedPrintable());
      default -> size;
    };
  }

  private long countQuotedPrintable() {
    long known = countedSize;
    if (known >= 0) {
      return known;
    }
    try (InputStream in = source.open()) {
      countedSize = encoding.countEncoded(in, dev.mailroom.mime.codec.EncodeMode.TEXT);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot size a quoted-printable body", e);
    }
    return countedSize;
  }

  /** Pulls source bytes through an encoder: reads a chunk, encodes it into a buffer, serves the buffer. */
  private static final class EncodingInputStream extends InputStream {
    private final InputStream in;
    private final Buffer buffer = new Buffer();
    private final OutputStream encoder;
    private final byte[] chunk = new byte[CHUNK];
    private int position;
    private boolean finished;

    EncodingInputStream(InputStream in, TransferEncoding encoding) {
      this.in = in;
      this.encoder = encoding.encode(buffer);
    }

    private final byte[] one = new byte[1]; // reused: read() is called per byte by some readers


    @Override
    public int read() throws IOException {
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (position >= buffer.size()) {
        if (finished) {
          return -1;
        }
        buffer.reset();
        position = 0;
        int n = in.read(chunk);
        if (n == -1) {
          encoder.close();
          finished = true;
        } else {
          encoder.write(chunk, 0, n);
        }
      }
      int n = Math.min(len, buffer.size() - position);
      System.arraycopy(buffer.bytes(), position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private static final class Buffer extends ByteArrayOutputStream {
      byte[] bytes() {
        return buf;
      }
    }
  }
}
