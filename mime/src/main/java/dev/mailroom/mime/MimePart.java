package dev.mailroom.mime;

import dev.mailroom.mime.codec.MimeCharsets;
import dev.mailroom.mime.codec.TransferEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A leaf entity: headers and a body that is not itself MIME structure (text, an image, an attachment, an opaque
 * part the parser would not descend into).
 *
 * <pre>{@code
 * try (InputStream in = part.openDecoded()) {        // base64 / quoted-printable undone
 *   Files.copy(in, target);
 * }
 * String text = part.decodedText();                   // decoded and charset-converted
 * }</pre>
 */
public final class MimePart implements MimeEntity {
  private final Headers headers;
  private final MimeBody body;
  private final List<MimeDefect> defects;

  public MimePart(Headers headers, MimeBody body, List<MimeDefect> defects) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
    this.defects = List.copyOf(defects);
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /** The body in its wire form. */
  public MimeBody body() {
    return body;
  }

  @Override
  public List<MimeDefect> defects() {
    return defects;
  }

  /** The Content-Transfer-Encoding; 7bit when missing, binary (opaque) when unknown. */
  public TransferEncoding transferEncoding() {
    return headers.value("Content-Transfer-Encoding")
        .map(v -> TransferEncoding.parse(v).orElse(TransferEncoding.BINARY))
        .orElse(TransferEncoding.SEVEN_BIT);
  }

  /** The body with its transfer encoding undone, streamed from its storage. */
  public InputStream openDecoded() throws IOException {
    return transferEncoding().decode(body.openRaw(), d -> { });
  }

  /** The body's raw (still encoded) form. */
  public InputStream openRaw() throws IOException {
    return body.openRaw();
  }

  /** The charset of a text part, or US-ASCII (RFC 2045 §5.2) when missing; UTF-8 when unknown to the JDK. */
  public Charset charset() {
    return contentType().parameter("charset")
        .map(label -> MimeCharsets.lookup(label).orElse(StandardCharsets.UTF_8))
        .orElse(StandardCharsets.US_ASCII);
  }

  /** The decoded body converted to text with {@link #charset()}; invalid bytes become U+FFFD. */
  public String decodedText() throws IOException {
    try (InputStream in = openDecoded()) {
      return new String(in.readAllBytes(), charset());
    }
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    headers.writeTo(out);
    try (InputStream in = body.openRaw()) {
      in.transferTo(out);
    }
  }

  @Override
  public OptionalLong byteSize() {
    OptionalLong size = body.rawSize();
    return size.isPresent() ? OptionalLong.of(headers.byteSize() + size.getAsLong()) : OptionalLong.empty();
  }

  @Override
  public String toString() {
    return "MimePart[" + contentType().mimeType() + "]";
  }
}
