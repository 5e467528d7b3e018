package dev.mailroom.mime;

import dev.mailroom.mime.internal.RangeBodyStore;
import dev.mailroom.mime.internal.SpoolingBodyStore;
import dev.mailroom.mime.internal.TreeBuilder;
import dev.mailroom.mime.parse.MimeParser;
import dev.mailroom.mime.parse.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  // ---- Parsing (MimeParser + TreeBuilder). Keep this block self-contained: other sections of this file are separate.

  /**
   * Parses a message from {@code in} with {@link ParseOptions#defaults()}: bodies over 1 MiB are spooled to
   * temporary files. Malformed input is tolerated and reported as {@link MimeDefect}s on the entities; the message
   * writes back byte for byte what was read (except an mbox {@code From } line, {@link MimeDefect.Kind#MBOX_FROM_LINE}).
   * Does not close {@code in}.
   *
   * @throws MimeParseException when the input goes past a {@link dev.mailroom.mime.parse.ParserLimits} bound
   */
  public static MimeMessage parse(InputStream in) throws IOException {
    return parse(in, ParseOptions.defaults());
  }

  /**
   * Parses a message from {@code in}; see {@link ParseOptions} for where bodies are kept. Does not close {@code in}.
   *
   * @throws MimeParseException when the input goes past a {@link dev.mailroom.mime.parse.ParserLimits} bound
   */
  public static MimeMessage parse(InputStream in, ParseOptions options) throws IOException {
    Objects.requireNonNull(in, "in");
    return TreeBuilder.build(MimeParser.of(in, options.limits()),
        new SpoolingBodyStore(options.spoolThreshold(), options.spoolDirectory()));
  }

  /**
   * Parses a message held in memory, with default limits. The bytes are copied once; bodies are ranges of that copy.
   *
   * @throws MimeParseException when the input goes past a {@link dev.mailroom.mime.parse.ParserLimits} bound
   */
  public static MimeMessage parse(byte[] bytes) throws IOException {
    byte[] copy = bytes.clone();
    return TreeBuilder.build(MimeParser.of(copy, dev.mailroom.mime.parse.ParserLimits.defaults()),
        RangeBodyStore.of(copy));
  }

  /**
   * Parses a message file. Bodies are not copied: each is a range of the file, read when opened, so the file must
   * stay in place and unchanged while the message is used. Only {@link ParseOptions#limits()} applies.
   *
   * @throws MimeParseException when the input goes past a {@link dev.mailroom.mime.parse.ParserLimits} bound
   */
  public static MimeMessage parse(Path file, ParseOptions options) throws IOException {
    Path absolute = file.toAbsolutePath();
    try (InputStream in = Files.newInputStream(absolute)) {
      return TreeBuilder.build(MimeParser.of(in, options.limits()), RangeBodyStore.of(absolute));
    }
  }

  // ---- End of parsing.

  /** The top-level entity: the message's own headers and body. */
  public MimeEntity root() {
    return root;
  }

  /** The message's header fields. */
  public Headers headers() {
    return root.headers();
  }

  // ---- Views on common fields and parts (read from the headers and the tree on each call).

  /** The Subject, RFC 2047 decoded. */
  public java.util.Optional<String> subject() {
    return headers().text("Subject");
  }

  /** The From addresses (every From field; usually one). */
  public AddressList from() {
    return addresses("From");
  }

  /** The To addresses. */
  public AddressList to() {
    return addresses("To");
  }

  /** The Cc addresses. */
  public AddressList cc() {
    return addresses("Cc");
  }

  /** The Reply-To addresses. */
  public AddressList replyTo() {
    return addresses("Reply-To");
  }

  private AddressList addresses(String field) {
    List<Address> all = new java.util.ArrayList<>();
    for (Header h : headers().all(field)) {
      all.addAll(AddressList.parse(h.value(), d -> { }).addresses());
    }
    return new AddressList(all);
  }

  /** The Date, parsed leniently (RFC 5322 §3.3 and common broken forms); empty when missing or unreadable. */
  public java.util.Optional<java.time.OffsetDateTime> date() {
    return headers().value("Date").flatMap(v -> MimeDates.parse(v, d -> { }));
  }

  /** The Message-ID as written, with angle brackets. */
  public java.util.Optional<String> messageId() {
    return headers().value("Message-ID").map(String::strip);
  }

  /** Every leaf part, depth first, including those inside attached messages. */
  public List<MimePart> leaves() {
    List<MimePart> leaves = new java.util.ArrayList<>();
    java.util.ArrayDeque<MimeEntity> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      MimeEntity e = stack.pop();
      if (e instanceof MimePart part) {
        leaves.add(part);
      } else if (e instanceof Multipart multipart) {
        for (int i = multipart.parts().size() - 1; i >= 0; i--) {
          stack.push(multipart.parts().get(i));
        }
      } else if (e instanceof MessagePart message) {
        stack.push(message.message().root());
      }
    }
    return leaves;
  }

  /** The first {@code text/plain} part that is not an attachment, outside attached messages. */
  public java.util.Optional<MimePart> textBody() {
    return ownParts().stream().filter(p -> p.contentType().mimeType().equals("text/plain") && !p.isAttachment())
        .findFirst();
  }

  /** The first {@code text/html} part that is not an attachment, outside attached messages. */
  public java.util.Optional<MimePart> htmlBody() {
    return ownParts().stream().filter(p -> p.contentType().mimeType().equals("text/html") && !p.isAttachment())
        .findFirst();
  }

  /** The parts sent as attachments, outside attached messages (see {@link MimePart#isAttachment()}). */
  public List<MimePart> attachments() {
    return ownParts().stream().filter(MimePart::isAttachment).toList();
  }

  /** Messages attached as {@code message/rfc822} (forwards), at any depth of this message's own structure. */
  public List<MimeMessage> attachedMessages() {
    List<MimeMessage> messages = new java.util.ArrayList<>();
    collect(root, null, messages);
    return messages;
  }

  private List<MimePart> ownParts() {
    List<MimePart> parts = new java.util.ArrayList<>();
    collect(root, parts, null);
    return parts;
  }

  private static void collect(MimeEntity entity, List<MimePart> parts, List<MimeMessage> messages) {
    java.util.ArrayDeque<MimeEntity> stack = new java.util.ArrayDeque<>();
    stack.push(entity);
    while (!stack.isEmpty()) {
      MimeEntity e = stack.pop();
      if (e instanceof MimePart part && parts != null) {
        parts.add(part);
      } else if (e instanceof Multipart multipart) {
        for (int i = multipart.parts().size() - 1; i >= 0; i--) {
          stack.push(multipart.parts().get(i));
        }
      } else if (e instanceof MessagePart message && messages != null) {
        messages.add(message.message());
      }
    }
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
