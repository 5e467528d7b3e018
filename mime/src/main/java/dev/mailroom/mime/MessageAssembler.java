package dev.mailroom.mime;

import dev.mailroom.mime.codec.EncodedWord;
import dev.mailroom.mime.codec.TransferEncoding;
import dev.mailroom.mime.internal.Boundaries;
import dev.mailroom.mime.internal.EncodedBody;
import dev.mailroom.mime.internal.HeaderFolder;
import dev.mailroom.mime.internal.Source;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@link MessageBuilder}'s state into the entity tree; see the builder's Javadoc for the structure. */
final class MessageAssembler {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MessageBuilder.State s;

  MessageAssembler(MessageBuilder.State state) {
    this.s = state;
  }

  MimeMessage assemble() {
    return new MimeMessage(mixed(messageHeaders()), s.bcc());
  }

  // structure, outermost first; `lead` are the headers that go before the entity's own content headers

  private MimeEntity mixed(List<Header> lead) {
    if (s.attachments().isEmpty() && s.messages().isEmpty()) {
      return related(lead);
    }
    List<MimeEntity> parts = new ArrayList<>();
    if (s.text() != null || s.html() != null || !s.inline().isEmpty()) {
      parts.add(related(List.of()));
    }
    for (Attachment a : s.attachments()) {
      parts.add(attachmentPart(a));
    }
    for (MimeMessage m : s.messages()) {
      parts.add(messagePart(m));
    }
    return multipart(lead, "mixed", null, parts);
  }

  private MimeEntity related(List<Header> lead) {
    if (s.inline().isEmpty()) {
      return alternative(lead);
    }
    MimeEntity root = alternative(List.of());
    List<MimeEntity> parts = new ArrayList<>();
    parts.add(root);
    for (Attachment a : s.inline()) {
      parts.add(attachmentPart(a));
    }
    return multipart(lead, "related", root.contentType().mimeType(), parts);
  }

  private MimeEntity alternative(List<Header> lead) {
    if (s.text() != null && s.html() != null) {
      return multipart(lead, "alternative", null, List.of(textPart(List.of(), s.text(), "plain"),
          textPart(List.of(), s.html(), "html")));
    }
    if (s.html() != null) {
      return textPart(lead, s.html(), "html");
    }
    return textPart(lead, s.text() == null ? "" : s.text(), "plain");
  }

  // entities

  private MimeEntity multipart(List<Header> lead, String subtype, String relatedType, List<MimeEntity> parts) {
    String boundary = Boundaries.next();
    ContentType type = ContentType.of("multipart", subtype).withParameter("boundary", boundary);
    if (relatedType != null) {
      type = type.withParameter("type", relatedType);
    }
    List<Header> headers = new ArrayList<>(lead);
    headers.add(HeaderFolder.fold("Content-Type", parameterTokens(type.toHeaderValue())));
    byte[] dash = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    List<byte[]> delimiters = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      delimiters.add(concat(i == 0 ? new byte[0] : CRLF, dash, CRLF));
    }
    byte[] close = concat(CRLF, dash, "--".getBytes(StandardCharsets.US_ASCII), CRLF);
    return new Multipart(Headers.of(headers), boundary, new byte[0], parts, delimiters, close, new byte[0],
        List.of());
  }

  private MimePart textPart(List<Header> lead, String text, String subtype) {
    byte[] bytes = crlf(text).getBytes(StandardCharsets.UTF_8);
    ContentAnalysis content = ContentAnalysis.of(bytes);
    TransferEncoding encoding;
    if (content.ascii() && content.maxLineLength() <= 998 && !content.containsBoundaryMarker()) {
      encoding = TransferEncoding.SEVEN_BIT;
    } else if (s.allow8bit() && !content.ascii() && content.maxLineLength() <= 998
        && !content.containsBoundaryMarker()) {
      encoding = TransferEncoding.EIGHT_BIT;
    } else {
      encoding = content.nonAsciiRatio() > 0.3 ? TransferEncoding.BASE64 : TransferEncoding.QUOTED_PRINTABLE;
    }
    ContentType type = ContentType.of("text", subtype).withParameter("charset", content.ascii() ? "us-ascii" : "utf-8");
    List<Header> headers = new ArrayList<>(lead);
    headers.add(HeaderFolder.fold("Content-Type", parameterTokens(type.toHeaderValue())));
    if (encoding != TransferEncoding.SEVEN_BIT) {
      headers.add(Header.ofWireValue("Content-Transfer-Encoding", encoding.token()));
    }
    return new MimePart(Headers.of(headers), new EncodedBody(new Source.Bytes(bytes), encoding), List.of());
  }

  private MimePart attachmentPart(Attachment a) {
    ContentType type = a.contentType();
    List<Header> headers = new ArrayList<>();
    headers.add(HeaderFolder.fold("Content-Type", parameterTokens(type.toHeaderValue())));
    headers.add(Header.ofWireValue("Content-Transfer-Encoding", TransferEncoding.BASE64.token()));
    ContentDisposition disposition = a.isInline() ? ContentDisposition.inline() : ContentDisposition.attachment();
    if (a.fileName().isPresent()) {
      disposition = disposition.withFileName(a.fileName().get());
    }
    headers.add(HeaderFolder.fold("Content-Disposition", parameterTokens(disposition.toHeaderValue())));
    if (a.contentId().isPresent()) {
      headers.add(Header.ofWireValue("Content-ID", "<" + a.contentId().get() + ">"));
    }
    return new MimePart(Headers.of(headers), new EncodedBody(a.source(), TransferEncoding.BASE64), List.of());
  }

  private MessagePart messagePart(MimeMessage message) {
    ContentAnalysis content = ContentAnalysis.of(message);
    List<Header> headers = new ArrayList<>();
    headers.add(Header.ofWireValue("Content-Type", "message/rfc822"));
    // RFC 2046 §5.2.1: message/rfc822 may only be 7bit, 8bit or binary; never re-encoded
    String encoding = content.ascii() && content.maxLineLength() <= 998 && !content.hasNulOrBareLineEnding() ? "7bit"
        : content.maxLineLength() <= 998 && !content.hasNulOrBareLineEnding() ? "8bit" : "binary";
    if (!encoding.equals("7bit")) {
      headers.add(Header.ofWireValue("Content-Transfer-Encoding", encoding));
    }
    headers.add(Header.ofWireValue("Content-Disposition", "attachment"));
    return new MessagePart(Headers.of(headers), message, List.of());
  }

  // message header fields

  private List<Header> messageHeaders() {
    List<Header> headers = new ArrayList<>();
    headers.add(Header.ofWireValue("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(s.date())));
    headers.add(addressHeader("From", s.from()));
    if (s.sender() != null) {
      headers.add(addressHeader("Sender", List.of(s.sender())));
    }
    if (!s.replyTo().isEmpty()) {
      headers.add(addressHeader("Reply-To", s.replyTo()));
    }
    if (!s.to().isEmpty()) {
      headers.add(addressHeader("To", s.to()));
    }
    if (!s.cc().isEmpty()) {
      headers.add(addressHeader("Cc", s.cc()));
    }
    if (s.subject() != null) {
      headers.add(HeaderFolder.fold("Subject", textTokens(s.subject())));
    }
    headers.add(Header.ofWireValue("Message-ID", s.messageId() != null ? s.messageId() : newMessageId()));
    for (String[] extra : s.extraHeaders()) {
      headers.add(HeaderFolder.fold(extra[0], textTokens(extra[1])));
    }
    headers.add(Header.ofWireValue("MIME-Version", "1.0"));
    return headers;
  }

  private Header addressHeader(String name, List<MailboxAddress> addresses) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      String value = addresses.get(i).toHeaderValue(s.utf8Headers());
      List<String> words = HeaderFolder.words(value);
      for (int w = 0; w < words.size(); w++) {
        boolean last = w == words.size() - 1 && i < addresses.size() - 1;
        tokens.add(last ? words.get(w) + "," : words.get(w));
      }
    }
    return HeaderFolder.fold(name, tokens);
  }

  /** Unstructured text (RFC 5322 §3.2.5): as is when it is plain ASCII, else encoded words or UTF-8. */
  private List<String> textTokens(String text) {
    if (s.utf8Headers() || !EncodedWord.needsEncoding(text)) {
      return HeaderFolder.words(text);
    }
    return HeaderFolder.words(EncodedWord.encode(text, StandardCharsets.UTF_8, EncodedWord.Context.TEXT));
  }

  /** Splits a parameterised value after each ';' so folding happens between parameters. */
  private static List<String> parameterTokens(String value) {
    List<String> tokens = new ArrayList<>();
    for (String piece : value.split("(?<=;) ")) {
      tokens.add(piece);
    }
    return tokens;
  }

  private String newMessageId() {
    String domain = s.from().get(0).domain();
    if (!domain.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      domain = java.net.IDN.toASCII(domain, java.net.IDN.ALLOW_UNASSIGNED);
    }
    return "<" + Long.toString(System.currentTimeMillis(), 36) + "." + Long.toString(RANDOM.nextLong() >>> 1, 36)
        + "@" + domain.toLowerCase(Locale.ROOT) + ">";
  }

  private static String crlf(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 40);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append("\r\n");
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n') {
        out.append("\r\n");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
