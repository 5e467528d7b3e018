package dev.mailroom.imap.internal;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.AclEntry;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ListRights;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.Quota;
import dev.mailroom.imap.QuotaRoots;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** QUOTA (RFC 9208), ACL (RFC 4314) and METADATA (RFC 5464) commands. */
final class AdminCommands {
  /** RFC 9208 §9 resource-name is an atom; here restricted to letters, digits and '-'. */
  private static final Pattern RESOURCE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
  /** RFC 4314 §2.1 rights: lower-case letters and digits, optionally prefixed with + or - for SETACL. */
  private static final Pattern RIGHTS = Pattern.compile("[+-]?[a-z0-9]{0,64}");
  /** RFC 5464 §3.2: entries start /private or /shared, no wildcards, no empty components, printable ASCII. */
  private static final Pattern ENTRY = Pattern.compile("/(private|shared)(/[!-~&&[^*%/]]+)*",
      Pattern.CASE_INSENSITIVE);

  private final RealImapSession s;

  AdminCommands(RealImapSession session) {
    this.s = session;
  }

  ImapCommand<QuotaRoots> quotaRoot(MailboxName mailbox) {
    require(Capability.QUOTA, "GETQUOTAROOT");
    List<String> roots = new ArrayList<>();
    List<Quota> quotas = new ArrayList<>();
    boolean[] got = new boolean[1];
    return s.submit("GETQUOTAROOT", PendingCommand.MAY_EXPUNGE, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.QuotaRootData q && !got[0] && q.mailbox().equals(mailbox)) {
          got[0] = true;
          roots.addAll(q.roots());
          return true;
        }
        if (r instanceof Response.QuotaData q && got[0]) {
          quotas.add(q.quota());
          return true;
        }
        return false;
      }

      @Override
      public QuotaRoots ok(Response.Tagged tagged) throws MailProtocolException {
        if (!got[0]) {
          throw new MailProtocolException("GETQUOTAROOT completed without a QUOTAROOT response");
        }
        return new QuotaRoots(mailbox, roots, quotas);
      }
    }, () -> s.state.encoder("GETQUOTAROOT").sp().mailbox(mailbox.name()).build());
  }

  ImapCommand<Quota> quota(String root) {
    require(Capability.QUOTA, "GETQUOTA");
    return s.submit("GETQUOTA", PendingCommand.MAY_EXPUNGE, ResponseHandler.first(
        r -> r instanceof Response.QuotaData q && q.quota().root().equals(root) ? q.quota() : null,
        "GETQUOTA completed without a QUOTA response for \"" + root + "\""),
        () -> s.state.encoder("GETQUOTA").sp().string(root).build());
  }

  ImapCommand<Void> setQuota(String root, Map<String, Long> limits) {
    require(Capability.QUOTA, "SETQUOTA");
    Map<String, Long> copy = new LinkedHashMap<>(limits);
    copy.forEach((k, v) -> {
      if (!RESOURCE.matcher(k).matches() || v == null || v < 0) {
        throw new IllegalArgumentException("invalid quota resource " + k + " " + v);
      }
    });
    return s.submit("SETQUOTA", PendingCommand.MAY_EXPUNGE, tagged -> null, () -> {
      ImapEncoder enc = s.state.encoder("SETQUOTA").sp().string(root).sp().listStart();
      boolean first = true;
      for (Map.Entry<String, Long> e : copy.entrySet()) {
        if (!first) {
          enc.sp();
        }
        first = false;
        enc.atom(e.getKey()).sp().number(e.getValue());
      }
      return enc.listEnd().build();
    });
  }

  ImapCommand<List<AclEntry>> acl(MailboxName mailbox) {
    require(Capability.ACL, "GETACL");
    List<AclEntry> entries = new ArrayList<>();
    boolean[] got = new boolean[1];
    return s.submit("GETACL", PendingCommand.MAY_EXPUNGE, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Acl a && !got[0] && a.mailbox().equals(mailbox)) {
          got[0] = true;
          entries.addAll(a.entries());
          return true;
        }
        return false;
      }

      @Override
      public List<AclEntry> ok(Response.Tagged tagged) {
        return List.copyOf(entries);
      }
    }, () -> s.state.encoder("GETACL").sp().mailbox(mailbox.name()).build());
  }

  ImapCommand<Void> setAcl(MailboxName mailbox, String identifier, String rights) {
    require(Capability.ACL, "SETACL");
    if (!RIGHTS.matcher(rights).matches()) {
      throw new IllegalArgumentException("rights must be [+-] and lower-case letters/digits: " + rights);
    }
    return s.submit("SETACL", PendingCommand.MAY_EXPUNGE, tagged -> null, () -> s.state.encoder("SETACL").sp()
        .mailbox(mailbox.name()).sp().astring(identifier).sp().astring(rights).build());
  }

  ImapCommand<Void> deleteAcl(MailboxName mailbox, String identifier) {
    require(Capability.ACL, "DELETEACL");
    return s.submit("DELETEACL", PendingCommand.MAY_EXPUNGE, tagged -> null, () -> s.state.encoder("DELETEACL")
        .sp().mailbox(mailbox.name()).sp().astring(identifier).build());
  }

  ImapCommand<ListRights> listRights(MailboxName mailbox, String identifier) {
    require(Capability.ACL, "LISTRIGHTS");
    return s.submit("LISTRIGHTS", PendingCommand.MAY_EXPUNGE, ResponseHandler.first(
        r -> r instanceof Response.ListRightsData l && l.mailbox().equals(mailbox) ? l.rights() : null,
        "LISTRIGHTS completed without a LISTRIGHTS response"),
        () -> s.state.encoder("LISTRIGHTS").sp().mailbox(mailbox.name()).sp().astring(identifier).build());
  }

  ImapCommand<String> myRights(MailboxName mailbox) {
    require(Capability.ACL, "MYRIGHTS");
    return s.submit("MYRIGHTS", PendingCommand.MAY_EXPUNGE, ResponseHandler.first(
        r -> r instanceof Response.MyRights m && m.mailbox().equals(mailbox) ? m.rights() : null,
        "MYRIGHTS completed without a MYRIGHTS response"),
        () -> s.state.encoder("MYRIGHTS").sp().mailbox(mailbox.name()).build());
  }

  /** {@code GETMETADATA mailbox (entries)}; an empty mailbox is the server's metadata. */
  ImapCommand<Map<String, byte[]>> metadata(Optional<MailboxName> mailbox, List<String> entries) {
    requireMetadata(mailbox);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("GETMETADATA needs at least one entry");
    }
    entries.forEach(AdminCommands::checkEntry);
    Map<String, byte[]> values = new LinkedHashMap<>();
    return s.submit("GETMETADATA", PendingCommand.MAY_EXPUNGE, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Metadata m && !m.changeNotice()
            && java.util.Objects.equals(m.mailbox(), mailbox.orElse(null))) {
          m.values().forEach((k, v) -> {
            if (v != null) {
              values.put(k, v);
            }
          });
          return true;
        }
        return false;
      }

      @Override
      public Map<String, byte[]> ok(Response.Tagged tagged) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      }
    }, () -> {
      ImapEncoder enc = s.state.encoder("GETMETADATA").sp();
      target(enc, mailbox).sp().listStart();
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          enc.sp();
        }
        enc.astring(entries.get(i));
      }
      return enc.listEnd().build();
    });
  }

  /** {@code SETMETADATA mailbox (entry value)}; an empty value (NIL) removes the entry. */
  ImapCommand<Void> setMetadata(Optional<MailboxName> mailbox, String entry, Optional<byte[]> value) {
    requireMetadata(mailbox);
    checkEntry(entry);
    byte[] bytes = value.map(byte[]::clone).orElse(null);
    boolean hasNul = bytes != null
        && new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\0') >= 0;
    if (hasNul && !s.state.has(Capability.BINARY)) {
      throw new IllegalArgumentException("a METADATA value with NUL needs literal8, which needs BINARY (RFC 3516)");
    }
    return s.submit("SETMETADATA", PendingCommand.MAY_EXPUNGE, tagged -> null, () -> {
      ImapEncoder enc = s.state.encoder("SETMETADATA").sp();
      target(enc, mailbox).sp().listStart().astring(entry).sp();
      if (bytes == null) {
        enc.raw("NIL");
      } else {
        enc.literal(bytes.length, new java.io.ByteArrayInputStream(bytes), hasNul); // literal8 only for NUL
      }
      return enc.listEnd().build();
    });
  }

  private ImapEncoder target(ImapEncoder enc, Optional<MailboxName> mailbox) {
    return mailbox.isPresent() ? enc.mailbox(mailbox.get().name()) : enc.raw("\"\"");
  }

  private static void checkEntry(String entry) {
    if (!ENTRY.matcher(entry).matches()) {
      throw new IllegalArgumentException("not a METADATA entry name (RFC 5464 §3.2): " + entry);
    }
  }

  private void requireMetadata(Optional<MailboxName> mailbox) {
    if (mailbox.isPresent()) {
      require(Capability.METADATA, "mailbox METADATA");
    } else if (!s.state.has(Capability.METADATA) && !s.state.has(Capability.METADATA_SERVER)) {
      throw new IllegalStateException("server METADATA needs METADATA or METADATA-SERVER (RFC 5464)");
    }
  }

  private void require(Capability c, String what) {
    if (!s.state.has(c)) {
      throw new IllegalStateException(what + " needs the " + c + " capability");
    }
  }
}
