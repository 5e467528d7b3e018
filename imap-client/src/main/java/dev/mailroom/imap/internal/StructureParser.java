package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.fetch.Address;
import dev.mailroom.imap.fetch.BodyStructure;
import dev.mailroom.imap.fetch.Envelope;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ENVELOPE and BODYSTRUCTURE (RFC 3501 §7.4.2, §9 {@code body}). Recursion is bounded by the decoder's list depth
 * (SECURITY.md I16), so a hostile nesting ends in a protocol error long before the stack runs out.
 */
final class StructureParser {
  private final ImapDecoder d;

  StructureParser(ImapDecoder decoder) {
    this.d = decoder;
  }

  Envelope envelope() throws MailException {
    d.expectListStart();
    String date = d.expectNString();
    d.expectSp();
    String subject = d.expectNString();
    d.expectSp();
    List<Address> from = addresses();
    d.expectSp();
    List<Address> sender = addresses();
    d.expectSp();
    List<Address> replyTo = addresses();
    d.expectSp();
    List<Address> to = addresses();
    d.expectSp();
    List<Address> cc = addresses();
    d.expectSp();
    List<Address> bcc = addresses();
    d.expectSp();
    String inReplyTo = d.expectNString();
    d.expectSp();
    String messageId = d.expectNString();
    d.expectListEnd();
    return new Envelope(date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId);
  }

  private List<Address> addresses() throws MailException {
    List<Address> list = new ArrayList<>();
    if (d.tryNil()) {
      return list;
    }
    d.expectListStart();
    while (!d.tryListEnd()) {
      d.expectListStart();
      String name = d.expectNString();
      d.expectSp();
      String route = d.expectNString();
      d.expectSp();
      String mailbox = d.expectNString();
      d.expectSp();
      String host = d.expectNString();
      d.expectListEnd();
      list.add(new Address(name, route, mailbox, host));
      d.trySp();
    }
    return list;
  }

  BodyStructure body() throws MailException {
    d.expectListStart();
    if (d.peek() == '(') {
      List<BodyStructure> parts = new ArrayList<>();
      while (d.peek() == '(') {
        parts.add(body());
      }
      d.expectSp();
      String subtype = d.expectString();
      Map<String, String> params = Map.of();
      BodyStructure.Disposition disposition = null;
      if (d.trySp()) {
        params = parameters();
        if (d.trySp()) {
          disposition = disposition();
        }
      }
      skipExtensions();
      return new BodyStructure.Multipart(parts, subtype, params, disposition);
    }
    String type = d.expectString();
    d.expectSp();
    String subtype = d.expectString();
    d.expectSp();
    Map<String, String> params = parameters();
    d.expectSp();
    String id = d.expectNString();
    d.expectSp();
    String description = d.expectNString();
    d.expectSp();
    String encoding = d.expectString();
    d.expectSp();
    long size = d.expectNumber64();
    long lines = -1;
    BodyStructure.Embedded embedded = null;
    String t = type.toUpperCase(Locale.ROOT);
    String s = subtype.toUpperCase(Locale.ROOT);
    if (t.equals("MESSAGE") && (s.equals("RFC822") || s.equals("GLOBAL")) && d.peek() == ' ') {
      d.expectSp();
      Envelope envelope = envelope();
      d.expectSp();
      BodyStructure inner = body();
      d.expectSp();
      lines = d.expectNumber64();
      embedded = new BodyStructure.Embedded(envelope, inner);
    } else if (t.equals("TEXT")) {
      d.expectSp();
      lines = d.expectNumber64();
    }
    BodyStructure.Disposition disposition = null;
    if (d.trySp()) {
      d.expectNString(); // MD5
      if (d.trySp()) {
        disposition = disposition();
      }
    }
    skipExtensions();
    return new BodyStructure.SinglePart(type, subtype, params, id, description, encoding, size, lines, embedded,
        disposition);
  }

  private void skipExtensions() throws MailException {
    while (d.trySp()) {
      d.skipItem(); // language, location, extensions
    }
    d.expectListEnd();
  }

  private Map<String, String> parameters() throws MailException {
    Map<String, String> params = new LinkedHashMap<>();
    if (d.tryNil()) {
      return params;
    }
    d.expectListStart();
    while (!d.tryListEnd()) {
      String k = d.expectString();
      d.expectSp();
      String v = d.expectString();
      params.put(k.toLowerCase(Locale.ROOT), v);
      d.trySp();
    }
    return params;
  }

  private BodyStructure.Disposition disposition() throws MailException {
    if (d.tryNil()) {
      return null;
    }
    d.expectListStart();
    String type = d.expectString();
    d.expectSp();
    Map<String, String> params = parameters();
    d.expectListEnd();
    return new BodyStructure.Disposition(type, params);
  }
}
