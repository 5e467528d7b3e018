package dev.mailroom.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An immutable Internet message (RFC 5322) with MIME structure (RFC 2045, 2046): its top-level entity and views on
 * it. Parse one from bytes, a stream or a file, or build one; either way {@link #writeTo(OutputStream)} streams it.
 */
public final class MimeMessage {
  private final MimeEntity root;
  private final List<MailboxAddress> bcc;

  /** A message whose top-level entity is {@code root}. */
  public MimeMessage(MimeEntity root) {
    this(root, List.of());
  }

  /** A message with blind-copy recipients kept beside it for the envelope, never written into it. */
  public MimeMessage(MimeEntity root, List<MailboxAddress> bcc) {
    this.root = Objects.requireNonNull(root, "root");
    this.bcc = List.copyOf(bcc);
  }

  /**
   * A builder for a new message.
   *
   * <pre>{@code
   * MimeMessage m = MimeMessage.builder().from("alice@example.org").to("bob@example.org")
   *     .subject("Hi").text("Hello Bob").build();
   * }</pre>
   */
  public static MessageBuilder builder() {
    return MessageBuilder.empty();
  }

  /** Blind-copy recipients set on the builder: for the SMTP envelope only, never in the written message. */
  public List<MailboxAddress> bcc() {
    return bcc;
  }

  /** The top-level entity: the message's own headers and body. */
  public MimeEntity root() {
    return root;
  }

  /** The message's header fields. */
  public Headers headers() {
    return root.headers();
  }

  /** Writes the message; a parsed message that was not modified is written back byte for byte. */
  public void writeTo(OutputStream out) throws IOException {
    root.writeTo(out);
  }

  /** The exact number of bytes {@link #writeTo} writes, when every body's size is known. */
  public OptionalLong byteSize() {
    return root.byteSize();
  }

  /** The whole message in memory. */
  public byte[] toByteArray() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTo(out);
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "MimeMessage[" + root + "]";
  }
}
