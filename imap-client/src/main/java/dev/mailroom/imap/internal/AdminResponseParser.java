package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.AclEntry;
import dev.mailroom.imap.ListRights;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.Quota;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrative responses: QUOTA and QUOTAROOT (RFC 9208 §9), ACL, LISTRIGHTS and MYRIGHTS (RFC 4314 §4),
 * METADATA (RFC 5464 §5). Lists are bounded by the line limit; values by the in-memory literal limit.
 */
final class AdminResponseParser {
  /** SECURITY.md I27-style bound on list lengths in one response. */
  static final int MAX_ITEMS = 10_000;

  private final ImapDecoder d;
  private final ResponseParser names;

  AdminResponseParser(ImapDecoder decoder, ResponseParser names) {
    this.d = decoder;
    this.names = names;
  }

  /** {@code "QUOTA" SP quota-root-name SP quota-list}. */
  Response quota() throws MailException {
    d.expectSp();
    String root = d.expectAstring();
    d.expectSp();
    d.expectListStart();
    List<Quota.Resource> resources = new ArrayList<>();
    while (!d.tryListEnd()) {
      String name = d.expectAtom();
      d.expectSp();
      long usage = d.expectNumber64();
      d.expectSp();
      long limit = d.expectNumber64();
      resources.add(new Quota.Resource(name, usage, limit));
      bound(resources.size());
      if (!d.trySp() && d.peek() != ')') {
        throw d.error("expected SP or ')' in a quota list");
      }
    }
    d.expectEnd();
    return new Response.QuotaData(new Quota(root, resources));
  }

  /** {@code "QUOTAROOT" SP mailbox *(SP quota-root-name)}. */
  Response quotaRoot() throws MailException {
    d.expectSp();
    MailboxName mailbox = names.mailbox(d.expectAstring());
    List<String> roots = new ArrayList<>();
    while (d.trySp()) {
      roots.add(d.expectAstring());
      bound(roots.size());
    }
    d.expectEnd();
    return new Response.QuotaRootData(mailbox, roots);
  }

  /** {@code "ACL" SP mailbox *(SP identifier SP rights)}. */
  Response acl() throws MailException {
    d.expectSp();
    MailboxName mailbox = names.mailbox(d.expectAstring());
    List<AclEntry> entries = new ArrayList<>();
    while (d.trySp()) {
      String identifier = d.expectAstring();
      d.expectSp();
      entries.add(new AclEntry(identifier, d.expectAstring()));
      bound(entries.size());
    }
    d.expectEnd();
    return new Response.Acl(mailbox, entries);
  }

  /** {@code "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)}. */
  Response listRights() throws MailException {
    d.expectSp();
    MailboxName mailbox = names.mailbox(d.expectAstring());
    d.expectSp();
    String identifier = d.expectAstring();
    d.expectSp();
    String required = d.expectAstring();
    List<String> optional = new ArrayList<>();
    while (d.trySp()) {
      optional.add(d.expectAstring());
      bound(optional.size());
    }
    d.expectEnd();
    return new Response.ListRightsData(mailbox, new ListRights(identifier, required, optional));
  }

  /** {@code "MYRIGHTS" SP mailbox SP rights}. */
  Response myRights() throws MailException {
    d.expectSp();
    MailboxName mailbox = names.mailbox(d.expectAstring());
    d.expectSp();
    String rights = d.expectAstring();
    d.expectEnd();
    return new Response.MyRights(mailbox, rights);
  }

  /** {@code "METADATA" SP mailbox SP (entry-values / entry-list)}; {@code ""} is the server. */
  Response metadata() throws MailException {
    d.expectSp();
    String wire = d.expectAstring();
    MailboxName mailbox = wire.isEmpty() ? null : names.mailbox(wire);
    d.expectSp();
    Map<String, byte[]> values = new LinkedHashMap<>();
    if (d.tryListStart()) {
      while (!d.tryListEnd()) {
        String entry = d.expectAstring();
        d.expectSp();
        values.put(entry, value());
        bound(values.size());
        if (!d.trySp() && d.peek() != ')') {
          throw d.error("expected SP or ')' in METADATA entry values");
        }
      }
      d.expectEnd();
      return new Response.Metadata(mailbox, values, false);
    }
    values.put(d.expectAstring(), null);
    while (d.trySp()) {
      values.put(d.expectAstring(), null);
      bound(values.size());
    }
    d.expectEnd();
    return new Response.Metadata(mailbox, values, true);
  }

  /** {@code value = nstring / literal8}: NIL is null. */
  private byte[] value() throws MailException {
    if (d.tryNil()) {
      return null;
    }
    Long n = d.tryLiteralHeader(true);
    if (n != null) {
      return d.literalBytes(n);
    }
    String q = d.tryQuoted();
    if (q == null) {
      throw d.error("expected a METADATA value");
    }
    return q.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void bound(int n) throws MailProtocolException {
    if (n > MAX_ITEMS) {
      throw new MailProtocolException("more than " + MAX_ITEMS + " items in one response");
    }
  }
}
