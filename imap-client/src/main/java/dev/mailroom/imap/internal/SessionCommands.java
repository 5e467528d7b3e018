package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ImapCommand;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Commands valid in any state (RFC 3501 §6.1; RFC 2971 ID; RFC 5161 ENABLE). */
final class SessionCommands {
  private final RealImapSession s;

  SessionCommands(RealImapSession session) {
    this.s = session;
  }

  /** An OK handler for LOGIN/AUTHENTICATE: a {@code [CAPABILITY]} code was already applied by the router. */
  static Void capabilitiesFromCode(Response.Tagged tagged) {
    return null;
  }

  PendingCommand<Set<Capability>> capability() {
    Set<Capability>[] seen = newSet();
    return s.submit("CAPABILITY", 0, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Capabilities c && seen[0] == null) {
          seen[0] = c.capabilities();
          return true;
        }
        return false;
      }

      @Override
      public Set<Capability> ok(Response.Tagged tagged) throws dev.mailroom.client.MailProtocolException {
        if (seen[0] == null) {
          throw new dev.mailroom.client.MailProtocolException("CAPABILITY completed without a CAPABILITY response");
        }
        return seen[0];
      }
    }, () -> s.state.encoder("CAPABILITY").build());
  }

  @SuppressWarnings("unchecked")
  private static Set<Capability>[] newSet() {
    return (Set<Capability>[]) new Set<?>[1];
  }

  PendingCommand<Void> simple(String name, int flags) {
    return s.submit(name, flags, tagged -> null, () -> s.state.encoder(name).build());
  }

  PendingCommand<Void> logout() {
    return s.submit("LOGOUT", PendingCommand.BARRIER, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        return r instanceof Response.Status st && st.status() == dev.mailroom.imap.ResponseStatus.BYE;
      }

      @Override
      public Void ok(Response.Tagged tagged) {
        return null;
      }
    }, () -> s.state.encoder("LOGOUT").build());
  }

  ImapCommand<Map<String, String>> id(Map<String, String> fields) {
    Map<String, String> result = new LinkedHashMap<>();
    return s.submit("ID", 0, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Id id) {
          result.putAll(id.fields());
          return true;
        }
        return false;
      }

      @Override
      public Map<String, String> ok(Response.Tagged tagged) {
        return Map.copyOf(result);
      }
    }, () -> {
      var enc = s.state.encoder("ID").sp();
      if (fields == null || fields.isEmpty()) {
        return enc.raw("NIL").build();
      }
      enc.listStart();
      boolean first = true;
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (!first) {
          enc.sp();
        }
        first = false;
        enc.string(e.getKey()).sp();
        if (e.getValue() == null) {
          enc.raw("NIL");
        } else {
          enc.string(e.getValue());
        }
      }
      return enc.listEnd().build();
    });
  }

  PendingCommand<Set<String>> enable(String... capabilities) {
    Set<String> enabled = new LinkedHashSet<>();
    return s.submit("ENABLE", PendingCommand.BARRIER, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Enabled e) {
          enabled.addAll(e.capabilities());
          return true;
        }
        return false;
      }

      @Override
      public Set<String> ok(Response.Tagged tagged) {
        if (enabled.contains("QRESYNC")) {
          s.state.qresync(true);
        }
        return Set.copyOf(enabled);
      }
    }, () -> {
      var enc = s.state.encoder("ENABLE");
      for (String c : capabilities) {
        enc.sp().atom(c);
      }
      return enc.build();
    });
  }

  /**
   * {@code COMPRESS DEFLATE} (RFC 4978): alone on the connection; on OK the reader switches both directions to
   * DEFLATE before it reads the next byte. A second COMPRESS is refused here ({@code [COMPRESSIONACTIVE]}).
   */
  PendingCommand<Void> compress() {
    if (!s.state.has(Capability.COMPRESS_DEFLATE)) {
      throw new IllegalStateException("COMPRESS needs the COMPRESS=DEFLATE capability (RFC 4978)");
    }
    if (s.transport.isCompressed()) {
      throw new IllegalStateException("compression is already active (RFC 4978 COMPRESSIONACTIVE)");
    }
    return s.submit("COMPRESS", PendingCommand.BARRIER, new ResponseHandler<Void>() {
      @Override
      public void completing(Response.Tagged tagged) throws MailException {
        s.transport.startCompression();
      }

      @Override
      public Void ok(Response.Tagged tagged) {
        return null;
      }
    }, () -> s.state.encoder("COMPRESS").sp().atom("DEFLATE").build());
  }

  /** {@code NOTIFY SET ...} or, with null, {@code NOTIFY NONE} (RFC 5465 §3, §8). */
  PendingCommand<Void> notify(dev.mailroom.imap.NotifySpec spec) {
    if (!s.state.has(Capability.NOTIFY)) {
      throw new IllegalStateException("NOTIFY needs the NOTIFY capability (RFC 5465)");
    }
    return s.submit("NOTIFY", PendingCommand.MAY_EXPUNGE, tagged -> null, () -> {
      var enc = s.state.encoder("NOTIFY").sp();
      if (spec == null) {
        return enc.atom("NONE").build();
      }
      enc.atom("SET");
      if (spec.status()) {
        enc.sp().atom("STATUS");
      }
      for (dev.mailroom.imap.NotifySpec.Group g : spec.groups()) {
        enc.sp().listStart().atom(g.filter().wire());
        if (g.filter().namesMailboxes()) {
          enc.sp().listStart();
          for (int i = 0; i < g.mailboxes().size(); i++) {
            if (i > 0) {
              enc.sp();
            }
            enc.mailbox(g.mailboxes().get(i).name());
          }
          enc.listEnd();
        }
        enc.sp();
        if (g.events().isEmpty()) {
          enc.atom("NONE");
        } else {
          enc.listStart();
          boolean first = true;
          for (dev.mailroom.imap.NotifySpec.Event e : new java.util.TreeSet<>(g.events())) {
            if (!first) {
              enc.sp();
            }
            first = false;
            enc.atom(e.wire());
            if (e == dev.mailroom.imap.NotifySpec.Event.MESSAGE_NEW && !g.newMessageItems().isEmpty()) {
              enc.sp().listStart();
              for (int i = 0; i < g.newMessageItems().size(); i++) {
                if (i > 0) {
                  enc.sp();
                }
                enc.raw(g.newMessageItems().get(i).wire());
              }
              enc.listEnd();
            }
          }
          enc.listEnd();
        }
        enc.listEnd();
      }
      return enc.build();
    });
  }
}
