package dev.mailroom.imap.internal;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.ProtocolInput;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ListEntry;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus;
import dev.mailroom.imap.Namespaces;
import dev.mailroom.imap.ResponseCode;
import dev.mailroom.imap.ResponseStatus;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import dev.mailroom.imap.internal.wire.ModifiedUtf7;
import dev.mailroom.imap.search.ThreadNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses the non-FETCH responses (RFC 3501 §7 / RFC 9051 §7) from an {@link ImapDecoder} positioned after
 * {@code * } or the tag. Unknown responses are skipped whole.
 */
final class ResponseParser {
  /** SECURITY.md I27: at most this many capabilities are kept. */
  static final int MAX_CAPABILITIES = 512;

  private final ImapDecoder d;
  private boolean utf8Names;

  private final AdminResponseParser admin;

  ResponseParser(ImapDecoder decoder) {
    this.d = decoder;
    this.admin = new AdminResponseParser(decoder, this);
  }

  void utf8Names(boolean value) {
    utf8Names = value;
  }

  /** {@code resp-cond-state} after the status atom: {@code [SP "[" code "]"] [SP text]}. */
  Response.Status statusRest(ResponseStatus status) throws MailException {
    ResponseCode code = null;
    String text = "";
    if (d.trySp()) {
      String rest = d.restOfLine();
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          throw new MailProtocolException("unterminated response code: " + abbreviate(rest));
        }
        String inner = rest.substring(1, close);
        int sp = inner.indexOf(' ');
        String name = sp < 0 ? inner : inner.substring(0, sp);
        if (name.isEmpty()) {
          throw new MailProtocolException("empty response code");
        }
        code = new ResponseCode(name, sp < 0 ? "" : inner.substring(sp + 1));
        String after = rest.substring(close + 1);
        text = after.startsWith(" ") ? after.substring(1) : after;
      } else {
        text = rest;
      }
    } else if (!d.atEnd()) {
      throw d.error("expected SP after " + status);
    }
    d.expectEnd();
    return new Response.Status(status, code, text);
  }

  /** Parses an untagged response whose first atom is {@code name} (the decoder is after it). */
  Response untagged(String name) throws MailException {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "OK", "NO", "BAD", "BYE", "PREAUTH" -> {
        return statusRest(ResponseStatus.valueOf(name.toUpperCase(Locale.ROOT)));
      }
      case "CAPABILITY" -> {
        return new Response.Capabilities(capabilities(d.restOfLine()));
      }
      case "FLAGS" -> {
        d.expectSp();
        Set<Flag> flags = flagList();
        d.expectEnd();
        return new Response.Flags(flags);
      }
      case "LIST", "LSUB" -> {
        return new Response.ListData(listEntry(), name.equalsIgnoreCase("LSUB"));
      }
      case "STATUS" -> {
        return new Response.StatusData(status());
      }
      case "SEARCH" -> {
        List<Long> numbers = new ArrayList<>();
        while (d.trySp()) {
          if (d.peek() == '(') {
            d.skipItem(); // (MODSEQ n) of RFC 7162
            continue;
          }
          numbers.add(d.expectNzNumber());
        }
        d.expectEnd();
        return new Response.Search(numbers);
      }
      case "ESEARCH" -> {
        return esearch();
      }
      case "SORT" -> {
        return sort();
      }
      case "QUOTA" -> {
        return admin.quota();
      }
      case "QUOTAROOT" -> {
        return admin.quotaRoot();
      }
      case "ACL" -> {
        return admin.acl();
      }
      case "LISTRIGHTS" -> {
        return admin.listRights();
      }
      case "MYRIGHTS" -> {
        return admin.myRights();
      }
      case "METADATA" -> {
        return admin.metadata();
      }
      case "THREAD" -> {
        return thread();
      }
      case "VANISHED" -> {
        // expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids (RFC 7162 §7)
        d.expectSp();
        boolean earlier = false;
        if (d.tryListStart()) {
          String tagAtom = d.expectAtom();
          if (!tagAtom.equalsIgnoreCase("EARLIER")) {
            throw d.error("VANISHED with (" + tagAtom + ")");
          }
          d.expectListEnd();
          d.expectSp();
          earlier = true;
        }
        String set = d.expectSequenceSet();
        if (set.contains("*")) {
          throw new MailProtocolException("'*' in VANISHED (RFC 7162 §7: known-uids)");
        }
        d.expectEnd();
        return new Response.Vanished(earlier, uidSet(set), List.of());
      }
      case "NAMESPACE" -> {
        d.expectSp();
        List<Namespaces.Namespace> personal = namespaceList();
        d.expectSp();
        List<Namespaces.Namespace> other = namespaceList();
        d.expectSp();
        List<Namespaces.Namespace> shared = namespaceList();
        d.expectEnd();
        return new Response.NamespaceData(new Namespaces(personal, other, shared));
      }
      case "ID" -> {
        d.expectSp();
        Map<String, String> fields = new LinkedHashMap<>();
        if (!d.tryNil()) {
          d.expectListStart();
          while (!d.tryListEnd()) {
            String k = d.expectString();
            d.expectSp();
            fields.put(k, d.expectNString());
            d.trySp();
          }
        }
        d.expectEnd();
        return new Response.Id(fields);
      }
      case "ENABLED" -> {
        Set<String> caps = new LinkedHashSet<>();
        while (d.trySp()) {
          caps.add(d.expectAtom().toUpperCase(Locale.ROOT));
        }
        d.expectEnd();
        return new Response.Enabled(caps);
      }
      default -> {
        d.skipResponse();
        return new Response.Other(name);
      }
    }
  }

  /** Capability atoms from {@code text}, bounded (I27). */
  static Set<Capability> capabilities(String text) throws MailProtocolException {
    Set<Capability> caps = new LinkedHashSet<>();
    for (String word : text.trim().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (caps.size() >= MAX_CAPABILITIES) {
        break;
      }
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (c <= 0x20 || c >= 0x7f) {
          throw new MailProtocolException("invalid capability atom");
        }
      }
      caps.add(Capability.of(word));
    }
    return caps;
  }

  Set<Flag> flagList() throws MailException {
    Set<Flag> flags = new LinkedHashSet<>();
    d.expectListStart();
    while (!d.tryListEnd()) {
      flags.add(flag(d.expectFlag()));
      if (!d.trySp() && d.peek() != ')') {
        throw d.error("expected SP or ')' in a flag list");
      }
    }
    return flags;
  }

  private Flag flag(String s) throws MailProtocolException {
    try {
      return new Flag(s);
    } catch (IllegalArgumentException e) {
      throw new MailProtocolException("invalid flag from the server: " + abbreviate(s));
    }
  }

  private ListEntry listEntry() throws MailException {
    d.expectSp();
    Set<String> attributes = new LinkedHashSet<>();
    d.expectListStart();
    while (!d.tryListEnd()) {
      attributes.add(d.expectFlag());
      d.trySp();
    }
    d.expectSp();
    Character delimiter = null;
    if (!d.tryNil()) {
      String q = d.tryQuoted();
      if (q == null || q.length() != 1) {
        throw d.error("expected a one-character hierarchy delimiter");
      }
      delimiter = q.charAt(0);
    }
    d.expectSp();
    MailboxName name = mailbox(d.expectAstring());
    MailboxName oldName = null;
    Set<String> childInfo = new LinkedHashSet<>();
    if (d.trySp()) {
      // mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")" (RFC 5258 §9)
      d.expectListStart();
      while (!d.tryListEnd()) {
        String tag = d.expectAstring().toUpperCase(Locale.ROOT);
        d.expectSp();
        if (tag.equals("OLDNAME") && d.tryListStart()) {
          oldName = mailbox(d.expectAstring());
          d.expectListEnd();
        } else if (tag.equals("CHILDINFO") && d.tryListStart()) {
          while (!d.tryListEnd()) {
            childInfo.add(d.expectString().toUpperCase(Locale.ROOT));
            d.trySp();
          }
        } else {
          d.skipItem();
        }
        d.trySp();
      }
    }
    d.expectEnd();
    return new ListEntry(attributes, delimiter, name, java.util.Optional.empty(),
        java.util.Optional.ofNullable(oldName), childInfo);
  }

  MailboxName mailbox(String wire) throws MailProtocolException {
    if (wire.isEmpty()) {
      throw new MailProtocolException("empty mailbox name from the server");
    }
    try {
      return MailboxName.of(utf8Names ? wire : ModifiedUtf7.decode(wire));
    } catch (IllegalArgumentException e) {
      throw new MailProtocolException("mailbox name from the server: " + e.getMessage());
    }
  }

  private MailboxStatus status() throws MailException {
    d.expectSp();
    MailboxName name = mailbox(d.expectAstring());
    d.expectSp();
    Map<String, Long> items = new LinkedHashMap<>();
    d.expectListStart();
    while (!d.tryListEnd()) {
      String item = d.expectAtom().toUpperCase(Locale.ROOT);
      d.expectSp();
      if (d.peek() >= '0' && d.peek() <= '9') {
        items.put(item, d.expectNumber64());
      } else {
        d.skipItem(); // MAILBOXID (objectid) of RFC 8474, APPENDLIMIT NIL of RFC 7889, ...
        items.putIfAbsent(item, -1L);
      }
      d.trySp();
    }
    if (items.isEmpty()) {
      throw d.error("STATUS without items"); // SECURITY.md I17
    }
    d.expectEnd();
    return new MailboxStatus(name, opt(items, "MESSAGES"), opt(items, "RECENT"), opt(items, "UIDNEXT"),
        opt(items, "UIDVALIDITY"), opt(items, "UNSEEN"), opt(items, "HIGHESTMODSEQ"), opt(items, "SIZE"),
        opt(items, "APPENDLIMIT"));
  }

  private static OptionalLong opt(Map<String, Long> m, String key) {
    Long v = m.get(key);
    return v == null || v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** {@code esearch-response} (RFC 4731 §5, RFC 7162 §7 MODSEQ); unknown return data is skipped. */
  private Response esearch() throws MailException {
    String tag = null;
    boolean uid = false;
    long min = -1;
    long max = -1;
    long count = -1;
    long modSeq = -1;
    String all = null;
    Response.Partial partial = null;
    List<Response.Update> updates = new ArrayList<>();
    while (d.trySp()) {
      if (d.tryListStart()) {
        String name = d.expectAtom();
        d.expectSp();
        String value = d.expectString();
        d.expectListEnd();
        if (name.equalsIgnoreCase("TAG")) {
          tag = value;
        }
        continue;
      }
      String key = d.expectAtom().toUpperCase(Locale.ROOT);
      if (key.equals("UID")) {
        uid = true;
        continue;
      }
      d.expectSp();
      switch (key) {
        case "ALL" -> {
          all = d.expectSequenceSet();
          if (all.contains("*")) {
            throw new MailProtocolException("'*' in an ESEARCH result");
          }
        }
        case "COUNT" -> count = d.expectNumber();
        case "MIN" -> min = d.expectNzNumber();
        case "MAX" -> max = d.expectNzNumber();
        case "MODSEQ" -> modSeq = ModSeq.check(d.expectNumber64());
        case "PARTIAL" -> { // "PARTIAL" SP "(" partial-range SP (sequence-set / "NIL") ")" (RFC 5267 §5)
          d.expectListStart();
          String range = d.expectSequenceSet();
          int colon = range.indexOf(':');
          if (colon < 0 || range.indexOf(',') >= 0 || range.contains("*")) {
            throw d.error("bad PARTIAL range " + range);
          }
          long a = Long.parseLong(range.substring(0, colon));
          long b = Long.parseLong(range.substring(colon + 1));
          d.expectSp();
          String set = d.tryNil() ? null : d.expectSequenceSet();
          if (set != null && set.contains("*")) {
            throw new MailProtocolException("'*' in an ESEARCH PARTIAL result");
          }
          d.expectListEnd();
          partial = new Response.Partial(Math.min(a, b), Math.max(a, b), set);
        }
        case "ADDTO", "REMOVEFROM" -> { // "(" context-position SP sequence-set *(SP ...) ")"
          d.expectListStart();
          while (!d.tryListEnd()) {
            long position = d.expectNumber();
            d.expectSp();
            String set = d.expectSequenceSet();
            if (set.contains("*")) {
              throw new MailProtocolException("'*' in an ESEARCH " + key);
            }
            updates.add(new Response.Update(key.equals("ADDTO"), position, set));
            if (updates.size() > AdminResponseParser.MAX_ITEMS) {
              throw new MailProtocolException("too many ESEARCH updates in one response");
            }
            d.trySp();
          }
        }
        default -> d.skipItem();
      }
    }
    d.expectEnd();
    return new Response.ESearch(tag, uid, min, max, count, all, modSeq, partial, updates);
  }

  /** {@code sort-data} (RFC 5256 §5, RFC 7162 §7): numbers, then an optional {@code (MODSEQ n)}. */
  private Response sort() throws MailException {
    List<Long> numbers = new ArrayList<>();
    while (d.trySp()) {
      if (d.peek() == '(') {
        d.skipItem();
        continue;
      }
      numbers.add(d.expectNzNumber());
    }
    d.expectEnd();
    return new Response.Sort(numbers);
  }

  /** SECURITY.md I16: a thread tree deeper than this (nesting plus reply chains) is refused. */
  static final int MAX_THREAD_DEPTH = 1000;

  /** {@code thread-data = "THREAD" [SP 1*thread-list]} (RFC 5256 §5). */
  private Response thread() throws MailException {
    List<ThreadNode> threads = new ArrayList<>();
    if (d.trySp()) {
      while (d.peek() == '(') {
        threads.add(threadList(0));
      }
    }
    d.expectEnd();
    return new Response.Thread(threads);
  }

  /** {@code thread-list = "(" (thread-members / thread-nested) ")"}; a chain {@code a b c} nests c under b under a. */
  private ThreadNode threadList(int depth) throws MailException {
    d.expectListStart();
    List<Long> chain = new ArrayList<>();
    List<ThreadNode> nested = new ArrayList<>();
    while (!d.tryListEnd()) {
      if (d.peek() == '(') {
        if (depth + chain.size() + 1 > MAX_THREAD_DEPTH) {
          throw new MailProtocolException("THREAD nesting deeper than " + MAX_THREAD_DEPTH + " (SECURITY.md I16)");
        }
        nested.add(threadList(depth + chain.size() + 1));
        continue;
      }
      if (!nested.isEmpty()) {
        throw d.error("a thread member after nested threads");
      }
      if (!chain.isEmpty()) {
        d.expectSp();
        if (d.peek() == '(') {
          continue;
        }
      }
      chain.add(d.expectNzNumber());
      if (depth + chain.size() > MAX_THREAD_DEPTH) {
        throw new MailProtocolException("THREAD chain deeper than " + MAX_THREAD_DEPTH + " (SECURITY.md I16)");
      }
    }
    if (chain.isEmpty() && nested.isEmpty()) {
      throw d.error("empty thread list");
    }
    if (chain.isEmpty()) {
      return new ThreadNode(0, nested);
    }
    ThreadNode node = new ThreadNode(chain.get(chain.size() - 1), nested);
    for (int i = chain.size() - 2; i >= 0; i--) {
      node = new ThreadNode(chain.get(i), List.of(node));
    }
    return node;
  }

  private static UidSet uidSet(String set) throws MailProtocolException {
    try {
      return UidSet.parse(set);
    } catch (IllegalArgumentException e) {
      throw new MailProtocolException("bad UID set from the server: " + abbreviate(set) + " (SECURITY.md I15)");
    }
  }

  private List<Namespaces.Namespace> namespaceList() throws MailException {
    List<Namespaces.Namespace> list = new ArrayList<>();
    if (d.tryNil()) {
      return list;
    }
    d.expectListStart();
    while (!d.tryListEnd()) {
      d.expectListStart();
      String prefix = d.expectString();
      d.expectSp();
      Character delim = null;
      if (!d.tryNil()) {
        String q = d.expectString();
        if (q.length() != 1) {
          throw d.error("bad namespace delimiter");
        }
        delim = q.charAt(0);
      }
      while (d.trySp()) {
        d.skipItem(); // namespace-response-extensions
      }
      d.expectListEnd();
      list.add(new Namespaces.Namespace(prefix, delim));
    }
    return list;
  }

  /** A decoder over {@code text} alone, for response-code data such as PERMANENTFLAGS or COPYUID. */
  static ImapDecoder over(String text) {
    return new ImapDecoder(ProtocolInput.of((text + "\r\n").getBytes(StandardCharsets.UTF_8),
        Limits.defaults()));
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
