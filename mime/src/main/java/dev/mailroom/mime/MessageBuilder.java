package dev.mailroom.mime;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link MimeMessage}. Immutable: every method returns a new builder, so one can serve as a template.
 *
 * <pre>{@code
 * MimeMessage message = MimeMessage.builder()
 *     .from("Alice Martin <alice@example.org>")
 *     .to("bob@example.org", "Zoë Löwe <zoe@example.org>")
 *     .subject("Grüße aus Zürich")
 *     .text("Hello Bob,\nsee the attached report.\n")
 *     .html("<p>Hello Bob,</p><p><img src=\"cid:logo@example.org\"> see the attached report.</p>")
 *     .inline(Attachment.of(logoPng, "image/png").inline("logo@example.org"))
 *     .attach(Attachment.of(Path.of("report.pdf")))
 *     .build();
 * message.writeTo(out);                  // streams; attachments are read while writing
 * message.byteSize();                    // exact size before writing, when every source is sized
 * }</pre>
 *
 * <p>Structure: text alone is {@code text/plain}; text and HTML are {@code multipart/alternative}; inline parts wrap
 * the HTML (or the alternative) in {@code multipart/related}; attachments and attached messages wrap everything in
 * {@code multipart/mixed}. Header text is RFC 2047-encoded only when needed, or sent as UTF-8 with
 * {@link #utf8Headers(boolean)} (RFC 6532, for SMTPUTF8). Transfer encodings are chosen from the content: 7bit, else
 * 8bit when {@link #allow8bit(boolean)} and lines fit, else quoted-printable or base64. Caller text can never add a
 * header or a part: CR and LF in header values are refused (SECURITY.md M01) and bodies are framed by boundaries
 * that cannot occur in them.
 */
public final class MessageBuilder {
  private static final Set<String> RESERVED = Set.of("from", "sender", "to", "cc", "bcc", "reply-to", "subject",
      "date", "message-id", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
      "content-id");

  /** What the builder held when {@link #build()} was called: the assembler's input. */
  record State(
      List<MailboxAddress> from, MailboxAddress sender, List<MailboxAddress> to, List<MailboxAddress> cc,
      List<MailboxAddress> bcc, List<MailboxAddress> replyTo, String subject, OffsetDateTime date, String messageId,
      List<String[]> extraHeaders, String text, String html, List<Attachment> inline, List<Attachment> attachments,
      List<MimeMessage> messages, boolean utf8Headers, boolean allow8bit) { }

  // Every field holds an immutable value; a setter changes a fresh copy, never this builder.
  private List<MailboxAddress> from = List.of();
  private MailboxAddress sender;
  private List<MailboxAddress> to = List.of();
  private List<MailboxAddress> cc = List.of();
  private List<MailboxAddress> bcc = List.of();
  private List<MailboxAddress> replyTo = List.of();
  private String subject;
  private OffsetDateTime date;
  private String messageId;
  private List<String[]> extraHeaders = List.of();
  private String text;
  private String html;
  private List<Attachment> inline = List.of();
  private List<Attachment> attachments = List.of();
  private List<MimeMessage> messages = List.of();
  private boolean utf8Headers;
  private boolean allow8bit;

  private MessageBuilder() { }

  static MessageBuilder empty() {
    return new MessageBuilder();
  }

  private MessageBuilder copy() {
    MessageBuilder b = new MessageBuilder();
    b.from = from;
    b.sender = sender;
    b.to = to;
    b.cc = cc;
    b.bcc = bcc;
    b.replyTo = replyTo;
    b.subject = subject;
    b.date = date;
    b.messageId = messageId;
    b.extraHeaders = extraHeaders;
    b.text = text;
    b.html = html;
    b.inline = inline;
    b.attachments = attachments;
    b.messages = messages;
    b.utf8Headers = utf8Headers;
    b.allow8bit = allow8bit;
    return b;
  }

  private static List<MailboxAddress> parseAll(String... addresses) {
    List<MailboxAddress> list = new ArrayList<>(addresses.length);
    for (String a : addresses) {
      list.add(MailboxAddress.parse(Objects.requireNonNull(a, "address")));
    }
    return list;
  }

  private static <T> List<T> plus(List<T> list, List<T> more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(more);
    return List.copyOf(all);
  }

  private static <T> List<T> plus(List<T> list, T one) {
    return plus(list, List.of(one));
  }

  /** Adds authors ({@code "Name <a@b>"} or {@code "a@b"}); RFC 5322 requires at least one. */
  public MessageBuilder from(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    MessageBuilder b = copy();
    b.from = plus(from, parsed);
    return b;
  }

  public MessageBuilder from(MailboxAddress... addresses) {
    MessageBuilder b = copy();
    b.from = plus(from, List.of(addresses));
    return b;
  }

  /** The Sender (RFC 5322 §3.6.2), needed when there is more than one author. */
  public MessageBuilder sender(String address) {
    MailboxAddress parsed = MailboxAddress.parse(address);
    MessageBuilder b = copy();
    b.sender = parsed;
    return b;
  }

  public MessageBuilder to(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    MessageBuilder b = copy();
    b.to = plus(to, parsed);
    return b;
  }

  public MessageBuilder to(MailboxAddress... addresses) {
    MessageBuilder b = copy();
    b.to = plus(to, List.of(addresses));
    return b;
  }

  public MessageBuilder cc(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    MessageBuilder b = copy();
    b.cc = plus(cc, parsed);
    return b;
  }

  /**
   * Blind copies: kept with the message for the envelope ({@link MimeMessage#bcc()}), never written into it.
   */
  public MessageBuilder bcc(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    MessageBuilder b = copy();
    b.bcc = plus(bcc, parsed);
    return b;
  }

  public MessageBuilder replyTo(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    MessageBuilder b = copy();
    b.replyTo = plus(replyTo, parsed);
    return b;
  }

  /** The subject; any text (CR and LF are refused), encoded as needed. */
  public MessageBuilder subject(String subject) {
    noLineBreaks("subject", subject);
    MessageBuilder b = copy();
    b.subject = subject;
    return b;
  }

  /** The Date; defaults to now in UTC when the message is built. */
  public MessageBuilder date(OffsetDateTime date) {
    Objects.requireNonNull(date, "date");
    MessageBuilder b = copy();
    b.date = date;
    return b;
  }

  /** The Message-ID, with or without angle brackets; one is generated when not set. */
  public MessageBuilder messageId(String id) {
    String checked = checkMessageId(id);
    MessageBuilder b = copy();
    b.messageId = checked;
    return b;
  }

  /**
   * An extra header field. The fields the builder writes itself (From, To, Subject, Content-Type, …) have their own
   * methods and are refused here; a value with CR or LF is refused (M01); other text is encoded as needed.
   */
  public MessageBuilder header(String name, String value) {
    Header.checkName(name);
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(name + " is set by its own builder method");
    }
    noLineBreaks(name, value);
    MessageBuilder b = copy();
    b.extraHeaders = plus(extraHeaders, new String[] {name, value});
    return b;
  }

  /** The plain-text body; line endings become CRLF. */
  public MessageBuilder text(String text) {
    Objects.requireNonNull(text, "text");
    MessageBuilder b = copy();
    b.text = text;
    return b;
  }

  /** The HTML body; with a text body the two form a multipart/alternative. */
  public MessageBuilder html(String html) {
    Objects.requireNonNull(html, "html");
    MessageBuilder b = copy();
    b.html = html;
    return b;
  }

  /** An inline part (it must have a Content-ID: {@link Attachment#inline(String)}), shown inside the HTML. */
  public MessageBuilder inline(Attachment part) {
    if (!part.isInline()) {
      throw new IllegalArgumentException("an inline part needs a Content-ID: use Attachment.inline(id)");
    }
    MessageBuilder b = copy();
    b.inline = plus(inline, part);
    return b;
  }

  /** An attachment. */
  public MessageBuilder attach(Attachment attachment) {
    Objects.requireNonNull(attachment, "attachment");
    MessageBuilder b = copy();
    b.attachments = plus(attachments, attachment);
    return b;
  }

  /** A whole message, attached as {@code message/rfc822} (a forward). */
  public MessageBuilder attach(MimeMessage message) {
    Objects.requireNonNull(message, "message");
    MessageBuilder b = copy();
    b.messages = plus(messages, message);
    return b;
  }

  /** Writes header text as raw UTF-8 (RFC 6532) instead of RFC 2047 encoded words: only for SMTPUTF8 delivery. */
  public MessageBuilder utf8Headers(boolean enabled) {
    MessageBuilder b = copy();
    b.utf8Headers = enabled;
    return b;
  }

  /** Allows 8bit transfer encoding for text (the server offers 8BITMIME); otherwise text is 7bit, QP or base64. */
  public MessageBuilder allow8bit(boolean enabled) {
    MessageBuilder b = copy();
    b.allow8bit = enabled;
    return b;
  }

  /**
   * Builds the message.
   *
   * @throws IllegalStateException when there is no From address, or several without a Sender
   */
  public MimeMessage build() {
    if (from.isEmpty()) {
      throw new IllegalStateException("a message needs a From address (RFC 5322 §3.6)");
    }
    if (from.size() > 1 && sender == null) {
      throw new IllegalStateException("a message with several authors needs a Sender (RFC 5322 §3.6.2)");
    }
    OffsetDateTime when = date != null ? date : OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    return new MessageAssembler(new State(from, sender, to, cc, bcc, replyTo, subject, when, messageId, extraHeaders,
        text, html, inline, attachments, messages, utf8Headers, allow8bit)).assemble();
  }

  private static void noLineBreaks(String what, String value) {
    Objects.requireNonNull(value, what);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(what + " may not contain CR, LF or NUL (it would start a new header)");
      }
    }
  }

  private static String checkMessageId(String id) {
    Objects.requireNonNull(id, "id");
    String bare = id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    int at = bare.indexOf('@');
    if (at <= 0 || at == bare.length() - 1 || bare.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '<'
        || c == '>' || c == '"' || c == '(' || c == ')' || c == ',' || c == ';' || c == '\\')) {
      throw new IllegalArgumentException("invalid Message-ID (RFC 5322 §3.6.4 needs id-left@id-right): " + id);
    }
    return "<" + bare + ">";
  }
}
