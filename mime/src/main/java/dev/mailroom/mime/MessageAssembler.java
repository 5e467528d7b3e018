package dev.mailroom.mime;

import dev.mailroom.mime.codec.ContentAnalysis;
import dev.mailroom.mime.codec.EncodeMode;
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
    while (anyMessageContains(parts, ("--" + boundary).getBytes(StandardCharsets.US_ASCII))) {
      boundary = Boundaries.next(); // practically never: 24 random characters
    }
    ContentType type = ContentType.of("multipart", subtype).withParameter("boundary", boundary);
    if (relatedType != null) {
      type = type.withParameter("type", relatedType);
    }
    List<Header> headers = new ArrayList<>(lead);
    headers.add(HeaderFolder.fold("Content-Type", parameterTokens(type.toHeaderValueParts())));
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
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ContentAnalysis content = ContentAnalysis.of(bytes);
    if (content.hasBareCr() || content.hasBareLf()) { // line breaks become CRLF (the analysis tells when needed)
      bytes = crlf(text).getBytes(StandardCharsets.UTF_8);
      content = ContentAnalysis.of(bytes);
    }
    TransferEncoding encoding = content.suggest(EncodeMode.TEXT, s.allow8bit());
    if (encoding.isIdentity() && indexOf(bytes, Boundaries.MARKER) >= 0) {
      // a 7bit/8bit body holding our boundary prefix: quoted-printable turns its '=' into "=3D", so no delimiter
      encoding = TransferEncoding.QUOTED_PRINTABLE;
    }
    boolean ascii = content.nonAscii() == 0;
    ContentType type = ContentType.of("text", subtype).withParameter("charset", ascii ? "us-ascii" : "utf-8");
    List<Header> headers = new ArrayList<>(lead);
    headers.add(HeaderFolder.fold("Content-Type", parameterTokens(type.toHeaderValueParts())));
    if (encoding != TransferEncoding.SEVEN_BIT) {
      headers.add(Header.ofWireValue("Content-Transfer-Encoding", encoding.token()));
    }
    return new MimePart(Headers.of(headers), new EncodedBody(new Source.Bytes(bytes), encoding), List.of());
  }

  private MimePart attachmentPart(Attachment a) {
    ContentType type = a.contentType();
    List<Header> headers = new ArrayList<>();
    headers.add(HeaderFolder.fold("Content-Type", parameterTokens(type.toHeaderValueParts())));
    headers.add(Header.ofWireValue("Content-Transfer-Encoding", TransferEncoding.BASE64.token()));
    ContentDisposition disposition = a.isInline() ? ContentDisposition.INLINE : ContentDisposition.ATTACHMENT;
    if (a.fileName().isPresent()) {
      disposition = disposition.withFilename(a.fileName().get());
    }
    headers.add(HeaderFolder.fold("Content-Disposition", parameterTokens(disposition.toHeaderValueParts())));
    if (a.contentId().isPresent()) {
      headers.add(Header.ofWireValue("Content-ID", "<" + a.contentId().get() + ">"));
    }
    return new MimePart(Headers.of(headers), new EncodedBody(a.source(), TransferEncoding.BASE64), List.of());
  }

  private MessagePart messagePart(MimeMessage message) {
    ContentAnalysis.Analyzer analyzer = ContentAnalysis.analyzer();
    try {
      message.writeTo(analyzer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the attached message", e);
    }
    ContentAnalysis content = analyzer.result();
    List<Header> headers = new ArrayList<>();
    headers.add(Header.ofWireValue("Content-Type", "message/rfc822"));
    // RFC 2046 §5.2.1: message/rfc822 may only be 7bit, 8bit or binary; never re-encoded
    String encoding = content.isSevenBit() ? "7bit" : content.isEightBit() ? "8bit" : "binary";
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
      MailboxAddress address = addresses.get(i);
      if (!s.utf8Headers() && !address.isAscii()) {
        throw new IllegalArgumentException("the address " + address.address()
            + " is not ASCII: it needs an SMTPUTF8 message (utf8Headers(true), RFC 6532)");
      }
      String value = s.utf8Headers() ? address.toUtf8HeaderValue() : address.toHeaderValue();
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
    boolean raw = s.utf8Headers() && !EncodedWord.containsControl(text) && !text.contains("=?");
    return HeaderFolder.words(raw ? text : EncodedWord.encode(text));
  }

  /** A parameterised value as fold tokens: each part but the last ends with ';', so folds fall between them. */
  private static List<String> parameterTokens(List<String> parts) {
    List<String> tokens = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      tokens.add(i < parts.size() - 1 ? parts.get(i) + ";" : parts.get(i));
    }
    return tokens;
  }

  private static boolean anyMessageContains(List<MimeEntity> parts, byte[] needle) {
    for (MimeEntity part : parts) {
      if (part instanceof MessagePart message) {
        NeedleSearch search = new NeedleSearch(needle);
        try {
          message.message().writeTo(search);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot read the attached message", e);
        }
        if (search.found) {
          return true;
        }
      }
    }
    return false;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Looks for a byte string in what is written, across write boundaries, keeping only the last few bytes. */
  private static final class NeedleSearch extends java.io.OutputStream {
    private final byte[] needle;
    private byte[] carry = new byte[0];
    boolean found;

    NeedleSearch(byte[] needle) {
      this.needle = needle;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (found) {
        return;
      }
      byte[] joined = new byte[carry.length + len];
      System.arraycopy(carry, 0, joined, 0, carry.length);
      System.arraycopy(b, off, joined, carry.length, len);
      found = indexOf(joined, needle) >= 0;
      int keep = Math.min(joined.length, needle.length - 1);
      carry = java.util.Arrays.copyOfRange(joined, joined.length - keep, joined.length);
    }
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
