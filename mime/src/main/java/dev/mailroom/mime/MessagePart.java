package dev.mailroom.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** An encapsulated message ({@code message/rfc822}, {@code message/global}, RFC 2046 §5.2.1): headers and a message. */
public final class MessagePart implements MimeEntity {
  private static final ContentType MESSAGE_RFC822 = ContentType.of("message", "rfc822");

  private final Headers headers;
  private final MimeMessage message;
  private final List<MimeDefect> defects;

  public MessagePart(Headers headers, MimeMessage message, List<MimeDefect> defects) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.message = Objects.requireNonNull(message, "message");
    this.defects = List.copyOf(defects);
  }

  @Override
  public Headers headers() {
    return headers;
  }

  /**
   * The Content-Type; {@code message/rfc822} when the field is missing, as for a body part of a
   * {@code multipart/digest} (RFC 2046 §5.1.5): an encapsulated message is never {@code text/plain}.
   */
  @Override
  public ContentType contentType() {
    if (headers.first("Content-Type").isEmpty()) {
      return MESSAGE_RFC822;
    }
    return headers.contentType();
  }

  /** The message inside. */
  public MimeMessage message() {
    return message;
  }

  @Override
  public List<MimeDefect> defects() {
    return defects;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    headers.writeTo(out);
    message.writeTo(out);
  }

  @Override
  public OptionalLong byteSize() {
    OptionalLong inner = message.byteSize();
    return inner.isPresent() ? OptionalLong.of(headers.byteSize() + inner.getAsLong()) : OptionalLong.empty();
  }

  @Override
  public String toString() {
    return "MessagePart[" + contentType().mimeType() + "]";
  }
}
