package dev.mailroom.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * One MIME entity: a header block and a body. A leaf is a {@link MimePart}, a {@code multipart/*} a
 * {@link Multipart}, and an encapsulated message ({@code message/rfc822}, {@code message/global}) a
 * {@link MessagePart}. Entities are immutable.
 *
 * <pre>{@code
 * if (entity instanceof MimePart part) {
 *   try (InputStream in = part.openDecoded()) { ... }
 * } else if (entity instanceof Multipart multipart) {
 *   multipart.parts().forEach(...);
 * } else if (entity instanceof MessagePart message) {
 *   message.message().headers();
 * }
 * }</pre>
 */
public sealed interface MimeEntity permits MimePart, Multipart, MessagePart {
  /** The entity's header fields. */
  Headers headers();

  /** The Content-Type, with the RFC 2045 §5.2 default when missing or broken. */
  default ContentType contentType() {
    return headers().contentType();
  }

  /** What the parser tolerated in this entity (not in its children); empty for built entities. */
  List<MimeDefect> defects();

  /** Writes the entity: byte for byte what was parsed, when nothing was changed. */
  void writeTo(OutputStream out) throws IOException;

  /** The exact number of bytes {@link #writeTo} writes, when every body's size is known. */
  OptionalLong byteSize();
}
