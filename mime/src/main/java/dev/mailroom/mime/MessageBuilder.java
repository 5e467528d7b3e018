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

  /** Everything a builder holds; copied on every change. */
  record State(
      List<MailboxAddress> from, MailboxAddress sender, List<MailboxAddress> to, List<MailboxAddress> cc,
      List<MailboxAddress> bcc, List<MailboxAddress> replyTo, String subject, OffsetDateTime date, String messageId,
      List<String[]> extraHeaders, String text, String html, List<Attachment> inline, List<Attachment> attachments,
      List<MimeMessage> messages, boolean utf8Headers, boolean allow8bit) {

    State with(java.util.function.UnaryOperator<Mutable> change) {
      Mutable m = new Mutable(this);
      change.apply(m);
      return m.freeze();
    }
  }

  /** A scratch copy of {@link State} for one change. */
  static final class Mutable {
    List<MailboxAddress> from;
    MailboxAddress sender;
    List<MailboxAddress> to;
    List<MailboxAddress> cc;
    List<MailboxAddress> bcc;
    List<MailboxAddress> replyTo;
    String subject;
    OffsetDateTime date;
    String messageId;
    List<String[]> extraHeaders;
    String text;
    String html;
    List<Attachment> inline;
    List<Attachment> attachments;
    List<MimeMessage> messages;
    boolean utf8Headers;
    boolean allow8bit;

    Mutable(State s) {
      from = s.from;
      sender = s.sender;
      to = s.to;
      cc = s.cc;
      bcc = s.bcc;
      replyTo = s.replyTo;
      subject = s.subject;
      date = s.date;
      messageId = s.messageId;
      extraHeaders = s.extraHeaders;
      text = s.text;
      html = s.html;
      inline = s.inline;
      attachments = s.attachments;
      messages = s.messages;
      utf8Headers = s.utf8Headers;
      allow8bit = s.allow8bit;
    }

    State freeze() {
      return new State(List.copyOf(from), sender, List.copyOf(to), List.copyOf(cc), List.copyOf(bcc),
          List.copyOf(replyTo), subject, date, messageId, List.copyOf(extraHeaders), text, html, List.copyOf(inline),
          List.copyOf(attachments), List.copyOf(messages), utf8Headers, allow8bit);
    }
  }

  private static final MessageBuilder EMPTY = new MessageBuilder(new State(List.of(), null, List.of(), List.of(),
      List.of(), List.of(), null, null, null, List.of(), null, null, List.of(), List.of(), List.of(), false, false));

  private final State state;

  private MessageBuilder(State state) {
    this.state = state;
  }

  static MessageBuilder empty() {
    return EMPTY;
  }

  private MessageBuilder change(java.util.function.UnaryOperator<Mutable> change) {
    return new MessageBuilder(state.with(change));
  }

  private static List<MailboxAddress> parseAll(String... addresses) {
    List<MailboxAddress> list = new ArrayList<>(addresses.length);
    for (String a : addresses) {
      list.add(MailboxAddress.parse(Objects.requireNonNull(a, "address")));
    }
    return list;
  }

  private static List<MailboxAddress> plus(List<MailboxAddress> list, List<MailboxAddress> more) {
    List<MailboxAddress> all = new ArrayList<>(list);
    all.addAll(more);
    return all;
  }

  /** Adds authors ({@code "Name <a@b>"} or {@code "a@b"}); RFC 5322 requires at least one. */
  public MessageBuilder from(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    return change(m -> {
      m.from = plus(m.from, parsed);
      return m;
    });
  }

  public MessageBuilder from(MailboxAddress... addresses) {
    return change(m -> {
      m.from = plus(m.from, List.of(addresses));
      return m;
    });
  }

  /** The Sender (RFC 5322 §3.6.2), needed when there is more than one author. */
  public MessageBuilder sender(String address) {
    MailboxAddress parsed = MailboxAddress.parse(address);
    return change(m -> {
      m.sender = parsed;
      return m;
    });
  }

  public MessageBuilder to(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    return change(m -> {
      m.to = plus(m.to, parsed);
      return m;
    });
  }

  public MessageBuilder to(MailboxAddress... addresses) {
    return change(m -> {
      m.to = plus(m.to, List.of(addresses));
      return m;
    });
  }

  public MessageBuilder cc(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    return change(m -> {
      m.cc = plus(m.cc, parsed);
      return m;
    });
  }

  /**
   * Blind copies: kept with the message for the envelope ({@link MimeMessage#bcc()}), never written into it.
   */
  public MessageBuilder bcc(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    return change(m -> {
      m.bcc = plus(m.bcc, parsed);
      return m;
    });
  }

  public MessageBuilder replyTo(String... addresses) {
    List<MailboxAddress> parsed = parseAll(addresses);
    return change(m -> {
      m.replyTo = plus(m.replyTo, parsed);
      return m;
    });
  }

  /** The subject; any text (CR and LF are refused), encoded as needed. */
  public MessageBuilder subject(String subject) {
    noLineBreaks("subject", subject);
    return change(m -> {
      m.subject = subject;
      return m;
    });
  }

  /** The Date; defaults to now in UTC when the message is built. */
  public MessageBuilder date(OffsetDateTime date) {
    Objects.requireNonNull(date, "date");
    return change(m -> {
      m.date = date;
      return m;
    });
  }

  /** The Message-ID, with or without angle brackets; one is generated when not set. */
  public MessageBuilder messageId(String id) {
    String checked = checkMessageId(id);
    return change(m -> {
      m.messageId = checked;
      return m;
    });
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
    return change(m -> {
      List<String[]> headers = new ArrayList<>(m.extraHeaders);
      headers.add(new String[] {name, value});
      m.extraHeaders = headers;
      return m;
    });
  }

  /** The plain-text body; line endings become CRLF. */
  public MessageBuilder text(String text) {
    Objects.requireNonNull(text, "text");
    return change(m -> {
      m.text = text;
      return m;
    });
  }

  /** The HTML body; with a text body the two form a multipart/alternative. */
  public MessageBuilder html(String html) {
    Objects.requireNonNull(html, "html");
    return change(m -> {
      m.html = html;
      return m;
    });
  }

  /** An inline part (it must have a Content-ID: {@link Attachment#inline(String)}), shown inside the HTML. */
  public MessageBuilder inline(Attachment part) {
    if (!part.isInline()) {
      throw new IllegalArgumentException("an inline part needs a Content-ID: use Attachment.inline(id)");
    }
    return change(m -> {
      List<Attachment> list = new ArrayList<>(m.inline);
      list.add(part);
      m.inline = list;
      return m;
    });
  }

  /** An attachment. */
  public MessageBuilder attach(Attachment attachment) {
    Objects.requireNonNull(attachment, "attachment");
    return change(m -> {
      List<Attachment> list = new ArrayList<>(m.attachments);
      list.add(attachment);
      m.attachments = list;
      return m;
    });
  }

  /** A whole message, attached as {@code message/rfc822} (a forward). */
  public MessageBuilder attach(MimeMessage message) {
    Objects.requireNonNull(message, "message");
    return change(m -> {
      List<MimeMessage> list = new ArrayList<>(m.messages);
      list.add(message);
      m.messages = list;
      return m;
    });
  }

  /** Writes header text as raw UTF-8 (RFC 6532) instead of RFC 2047 encoded words: only for SMTPUTF8 delivery. */
  public MessageBuilder utf8Headers(boolean enabled) {
    return change(m -> {
      m.utf8Headers = enabled;
      return m;
    });
  }

  /** Allows 8bit transfer encoding for text (the server offers 8BITMIME); otherwise text is 7bit, QP or base64. */
  public MessageBuilder allow8bit(boolean enabled) {
    return change(m -> {
      m.allow8bit = enabled;
      return m;
    });
  }

  /**
   * Builds the message.
   *
   * @throws IllegalStateException when there is no From address, or several without a Sender
   */
  public MimeMessage build() {
    if (state.from().isEmpty()) {
      throw new IllegalStateException("a message needs a From address (RFC 5322 §3.6)");
    }
    if (state.from().size() > 1 && state.sender() == null) {
      throw new IllegalStateException("a message with several authors needs a Sender (RFC 5322 §3.6.2)");
    }
    State s = state;
    if (s.date() == null) {
      s = s.with(m -> {
        m.date = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        return m;
      });
    }
    return new MessageAssembler(s).assemble();
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
