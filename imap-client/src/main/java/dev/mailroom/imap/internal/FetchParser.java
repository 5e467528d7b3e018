package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.BodyStructure;
import dev.mailroom.imap.fetch.Envelope;
import dev.mailroom.imap.fetch.FetchExtensions;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses {@code msg-att} of a FETCH response (RFC 3501 §7.4.2, RFC 9051 §7.5.2). Body sections are handed to a
 * {@link BodySink} as they come, literals as streams straight off the connection; the decoder drains what the sink
 * leaves unread.
 */
final class FetchParser {
  /** RFC 3501 date-time: {@code "dd-Mon-yyyy hh:mm:ss +zzzz"} (day may be space-padded). */
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);

  /** Where body sections go. */
  interface BodySink {
    void body(long seq, Uid uidSoFar, BodySection section, long size, boolean binary, InputStream content)
        throws IOException;
  }

  private final ImapDecoder d;
  private final ResponseParser responses;
  private final StructureParser structures;

  FetchParser(ImapDecoder decoder, ResponseParser responses) {
    this.d = decoder;
    this.responses = responses;
    this.structures = new StructureParser(decoder);
  }

  /** Parses {@code (att SP att ...)} of message {@code seq}; the decoder is after {@code FETCH SP}. */
  FetchedMessage parse(long seq, BodySink sink) throws MailException {
    Uid uid = null;
    Set<Flag> flags = null;
    OffsetDateTime internalDate = null;
    long size = -1;
    Envelope envelope = null;
    BodyStructure structure = null;
    Map<String, byte[]> bodies = new HashMap<>();
    long modSeq = -1;
    Map<String, Long> binarySizes = new HashMap<>();
    String preview = null;
    OffsetDateTime saveDate = null;
    String emailId = null;
    String threadId = null;
    d.expectListStart();
    while (!d.tryListEnd()) {
      String name = d.expectFetchAttName().toUpperCase(Locale.ROOT);
      switch (name) {
        case "UID" -> {
          d.expectSp();
          long n = d.expectNzNumber();
          uid = Uid.of(n);
        }
        case "FLAGS" -> {
          d.expectSp();
          flags = responses.flagList();
        }
        case "INTERNALDATE" -> {
          d.expectSp();
          internalDate = dateTime(d.expectString());
        }
        case "RFC822.SIZE" -> {
          d.expectSp();
          size = d.expectNumber64();
        }
        case "ENVELOPE" -> {
          d.expectSp();
          envelope = structures.envelope();
        }
        case "MODSEQ" -> {
          d.expectSp(); // fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")" (RFC 7162 §7)
          d.expectListStart();
          modSeq = ModSeq.check(d.expectNumber64());
          d.expectListEnd();
        }
        case "BODYSTRUCTURE" -> {
          d.expectSp();
          structure = structures.body();
        }
        case "BODY", "BINARY", "RFC822", "RFC822.HEADER", "RFC822.TEXT" -> {
          if (name.equals("BODY") && d.peek() == ' ') {
            d.expectSp();
            structure = structures.body(); // non-extensible BODY
            break;
          }
          BodySection section = rfc822Section(name);
          if (section == null) {
            section = sectionSpec();
          }
          d.expectSp();
          deliver(seq, uid, section, name.equals("BINARY"), sink);
        }
        case "BINARY.SIZE" -> { // RFC 3516 §4.2: "BINARY.SIZE" section-binary SP number
          String part = sectionSpec().part();
          d.expectSp();
          binarySizes.put(part, d.expectNumber64());
        }
        case "PREVIEW" -> { // RFC 8970 §6: "PREVIEW" SP nstring
          d.expectSp();
          preview = d.expectNString();
          if (preview != null && preview.length() > 1024) {
            throw new MailProtocolException("PREVIEW longer than 256 characters (RFC 8970 §2; SECURITY.md I17)");
          }
        }
        case "SAVEDATE" -> { // RFC 8514 §4: "SAVEDATE" SP (date-time / nil)
          d.expectSp();
          saveDate = d.tryNil() ? null : dateTime(d.expectString());
        }
        case "EMAILID" -> { // RFC 8474 §7: "EMAILID" SP "(" objectid ")"
          d.expectSp();
          emailId = objectId();
        }
        case "THREADID" -> { // "THREADID" SP ( "(" objectid ")" / nil )
          d.expectSp();
          threadId = d.tryNil() ? null : objectId();
        }
        default -> {
          if (d.peek() == '[') {
            sectionSpec(); // future section-like items
          }
          d.expectSp();
          d.skipItem(); // items of extensions not modelled here
        }
      }
      if (!d.trySp() && d.peek() != ')') {
        throw d.error("expected SP or ')' in FETCH data");
      }
    }
    d.expectEnd();
    return new FetchedMessage(seq, Optional.ofNullable(uid), Optional.ofNullable(flags),
        Optional.ofNullable(internalDate), size, envelope, structure, bodies,
        modSeq < 0 ? OptionalLong.empty() : OptionalLong.of(modSeq),
        binarySizes.isEmpty() && preview == null && saveDate == null && emailId == null && threadId == null
            ? FetchExtensions.NONE
            : new FetchExtensions(binarySizes, Optional.ofNullable(preview), Optional.ofNullable(saveDate),
                Optional.ofNullable(emailId), Optional.ofNullable(threadId)));
  }

  /** {@code "(" objectid ")"}, objectid = 1*255(ALPHA / DIGIT / "_" / "-") (RFC 8474 §7). */
  private String objectId() throws MailException {
    d.expectListStart();
    String id = d.expectAtom();
    if (!id.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new MailProtocolException("invalid objectid: " + (id.length() > 40 ? id.substring(0, 40) : id));
    }
    d.expectListEnd();
    return id;
  }

  private void deliver(long seq, Uid uid, BodySection section, boolean binary, BodySink sink) throws MailException {
    Long n = d.tryLiteralHeader(binary);
    InputStream content;
    long size;
    if (n != null) {
      size = n;
      content = d.literalStream(n);
    } else if (d.tryNil()) {
      return;
    } else {
      String q = d.tryQuoted();
      if (q == null) {
        throw d.error("expected a body section's nstring");
      }
      byte[] b = q.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      size = b.length;
      content = new ByteArrayInputStream(b);
    }
    try {
      sink.body(seq, uid, section, size, binary, content);
      content.close();
    } catch (MailException e) {
      throw e;
    } catch (IOException e) {
      throw new FetchConsumerException(e);
    }
  }

  private static BodySection rfc822Section(String name) {
    return switch (name) {
      case "RFC822" -> BodySection.whole();
      case "RFC822.HEADER" -> BodySection.header();
      case "RFC822.TEXT" -> BodySection.text();
      default -> null;
    };
  }

  /** {@code "[" section-spec "]" ["<" number ">"]}; header field names are not kept. */
  private BodySection sectionSpec() throws MailException {
    d.expectChar('[');
    StringBuilder spec = new StringBuilder();
    int guard = 0;
    while (d.peek() != ']') {
      int c = d.peek();
      if (c < 0 || ++guard > 4096) {
        throw d.error("unterminated section spec");
      }
      if (c == '(' || c == ')' || c == ' ' || c == '"') {
        if (c == '(') {
          d.skipItem();
        } else if (c == '"') {
          d.tryQuoted();
        } else {
          d.tryChar((char) c);
        }
        continue;
      }
      spec.append((char) c);
      d.tryChar((char) c);
    }
    d.expectChar(']');
    long origin = -1;
    if (d.tryChar('<')) {
      origin = d.expectNumber();
      d.expectChar('>');
    }
    return parseSpec(spec.toString(), origin);
  }

  private BodySection parseSpec(String spec, long origin) throws MailProtocolException {
    String upper = spec.toUpperCase(Locale.ROOT);
    StringBuilder part = new StringBuilder();
    String rest = upper;
    while (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
      int dot = rest.indexOf('.');
      String num = dot < 0 ? rest : rest.substring(0, dot);
      if (!num.chars().allMatch(Character::isDigit)) {
        break;
      }
      part.append(part.length() == 0 ? "" : ".").append(num);
      rest = dot < 0 ? "" : rest.substring(dot + 1);
    }
    BodySection.Kind kind = switch (rest) {
      case "" -> BodySection.Kind.WHOLE;
      case "HEADER" -> BodySection.Kind.HEADER;
      case "HEADER.FIELDS" -> BodySection.Kind.HEADER_FIELDS;
      case "HEADER.FIELDS.NOT" -> BodySection.Kind.HEADER_FIELDS_NOT;
      case "TEXT" -> BodySection.Kind.TEXT;
      case "MIME" -> BodySection.Kind.MIME;
      default -> throw new MailProtocolException("unknown body section: " + spec);
    };
    try {
      return new BodySection(part.toString(), kind, List.of(), false, origin, -1);
    } catch (IllegalArgumentException e) {
      throw new MailProtocolException("invalid body section from the server: " + spec);
    }
  }

  static OffsetDateTime dateTime(String s) throws MailProtocolException {
    if (s.length() > 40) {
      throw new MailProtocolException("INTERNALDATE too long (SECURITY.md I17)");
    }
    try {
      return OffsetDateTime.parse(s.trim(), DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new MailProtocolException("invalid INTERNALDATE: " + s);
    }
  }

  /** A {@link dev.mailroom.imap.fetch.FetchHandler} threw: the connection cannot be resynchronised (R12). */
  static final class FetchConsumerException extends MailProtocolException {
    private static final long serialVersionUID = 1L;

    FetchConsumerException(IOException cause) {
      super("the FETCH handler failed mid-literal; the connection was closed: " + cause.getMessage(), cause);
    }
  }
}
