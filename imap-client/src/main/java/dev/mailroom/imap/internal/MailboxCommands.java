package dev.mailroom.imap.internal;

import dev.mailroom.imap.Capability;
import dev.mailroom.imap.SelectOptions;
import dev.mailroom.imap.SelectResult;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ListEntry;
import dev.mailroom.imap.ListOptions;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus;
import dev.mailroom.imap.Namespaces;
import dev.mailroom.imap.SelectedMailbox;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import dev.mailroom.imap.internal.wire.ModifiedUtf7;
import java.util.ArrayList;
import java.util.List;

/** Mailbox commands of the authenticated state (RFC 3501 §6.3, RFC 2342, RFC 3691) and CLOSE. */
final class MailboxCommands {
  private final RealImapSession s;

  MailboxCommands(RealImapSession session) {
    this.s = session;
  }

  /** SELECT or EXAMINE: runs alone; the new model collects the untagged data and is valid once OK arrives. */
  ImapCommand<SelectedMailbox> select(MailboxName name, boolean examine) {
    return select(name, examine ? SelectOptions.none().asReadOnly() : SelectOptions.none(), null, m -> m);
  }

  /** SELECT with RFC 7162 parameters, the resynchronisation data collected into a {@link SelectResult}. */
  ImapCommand<SelectResult> selectCollecting(MailboxName name, SelectOptions options) {
    List<FetchedMessage> changed = new ArrayList<>();
    UidSet[] vanished = new UidSet[1];
    return select(name, options, new FetchHandler() {
      @Override
      public void message(FetchedMessage m) {
        changed.add(m);
      }

      @Override
      public void vanished(UidSet uids) {
        vanished[0] = vanished[0] == null ? uids : vanished[0].union(uids);
      }
    }, mailbox -> new SelectResult(mailbox, Optional.ofNullable(vanished[0]), changed));
  }

  /**
   * SELECT/EXAMINE with {@code options}; with a handler, the FETCH and {@code VANISHED (EARLIER)} responses of a
   * QRESYNC SELECT (RFC 7162 §3.2.5) go to it (they are part of the SELECT's response set, not unsolicited).
   */
  <T> PendingCommand<T> select(MailboxName name, SelectOptions options, FetchHandler changes,
      java.util.function.Function<SelectedMailbox, T> result) {
    if (options.requestCondstore() && !s.state.has(Capability.CONDSTORE)) {
      throw new IllegalStateException("SELECT (CONDSTORE) needs the CONDSTORE capability");
    }
    if (options.qresync().isPresent() && !s.state.qresync()) {
      throw new IllegalStateException("SELECT (QRESYNC ...) needs ENABLE QRESYNC first (RFC 7162 §3.2.3)");
    }
    String verb = options.readOnly() ? "EXAMINE" : "SELECT";
    MailboxModel[] model = new MailboxModel[1];
    return s.submit(verb, PendingCommand.BARRIER, new ResponseHandler<T>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Vanished v && v.earlier() && changes != null) {
          changes.vanished(v.uids());
          return true;
        }
        // The SELECT response set (RFC 3501 §6.3.1) already updated the new model; it is not unsolicited.
        return r instanceof Response.Exists || r instanceof Response.Recent || r instanceof Response.Flags
            || r instanceof Response.Status st && st.status() == dev.mailroom.imap.ResponseStatus.OK
            && st.code() != null && !st.code().is("ALERT");
      }

      @Override
      public boolean acceptsFetch(long seq, Uid uid) {
        return changes != null;
      }

      @Override
      public void body(BodyPart part, InputStream content) throws IOException {
        changes.body(part, content);
      }

      @Override
      public void fetched(FetchedMessage message) {
        changes.message(message);
      }

      @Override
      public T ok(Response.Tagged tagged) {
        model[0].valid(true);
        return result.apply(model[0]);
      }
    }, () -> {
      model[0] = new MailboxModel(name, options.readOnly());
      s.pipeline.model(model[0]);
      s.router.endAllSearchUpdates();
      ImapEncoder enc = s.state.encoder(verb).sp().mailbox(name.name());
      if (options.qresync().isPresent()) {
        SelectOptions.Qresync q = options.qresync().get();
        enc.sp().raw("(QRESYNC (" + q.uidValidity() + " " + q.modSeq()
            + q.knownUids().map(k -> " " + k).orElse("") + "))");
      } else if (options.requestCondstore()) {
        enc.sp().raw("(CONDSTORE)");
      }
      return enc.build();
    });
  }

  /** CLOSE or UNSELECT: the model becomes invalid. */
  ImapCommand<Void> deselect(String verb) {
    return s.submit(verb, PendingCommand.BARRIER, tagged -> {
      s.pipeline.model(null);
      s.router.endAllSearchUpdates();
      return null;
    }, () -> s.state.encoder(verb).build());
  }

  ImapCommand<Void> named(String verb, MailboxName name) {
    return s.submit(verb, PendingCommand.MAY_EXPUNGE, tagged -> null,
        () -> s.state.encoder(verb).sp().mailbox(name.name()).build());
  }

  ImapCommand<Void> rename(MailboxName from, MailboxName to) {
    return s.submit("RENAME", PendingCommand.MAY_EXPUNGE, tagged -> null,
        () -> s.state.encoder("RENAME").sp().mailbox(from.name()).sp().mailbox(to.name()).build());
  }

  ImapCommand<List<ListEntry>> list(String verb, String reference, String pattern) {
    return list(verb, reference, List.of(pattern), ListOptions.builder().build());
  }

  /**
   * LIST, LSUB, or LIST-EXTENDED (RFC 5258) with LIST-STATUS (RFC 5819): the STATUS responses the server sends for
   * listed mailboxes are attached to their entries.
   */
  ImapCommand<List<ListEntry>> list(String verb, String reference, List<String> patterns, ListOptions options) {
    boolean extended = !options.selection().isEmpty() || !options.returns().isEmpty() || patterns.size() != 1;
    if (extended && !s.state.has(Capability.LIST_EXTENDED)) {
      throw new IllegalStateException("LIST selection/return options and several patterns need LIST-EXTENDED");
    }
    if (!options.status().isEmpty() && !s.state.has(Capability.LIST_STATUS)) {
      throw new IllegalStateException("LIST RETURN (STATUS ...) needs LIST-STATUS (RFC 5819)");
    }
    boolean specialUse = options.selection().contains(ListOptions.Selection.SPECIAL_USE)
        || options.returns().contains(ListOptions.Return.SPECIAL_USE);
    if (specialUse && !s.state.has(Capability.SPECIAL_USE)) {
      throw new IllegalStateException("the SPECIAL-USE list options need the SPECIAL-USE capability (RFC 6154)");
    }
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("LIST needs a pattern");
    }
    List<ListEntry> entries = new ArrayList<>();
    java.util.Map<MailboxName, MailboxStatus> statuses = new java.util.HashMap<>();
    boolean lsub = verb.equals("LSUB");
    boolean wantStatus = !options.status().isEmpty();
    return s.submit(verb, PendingCommand.MAY_EXPUNGE, new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.ListData l && l.lsub() == lsub) {
          entries.add(l.entry());
          return true;
        }
        if (wantStatus && r instanceof Response.StatusData st) {
          statuses.put(st.status().mailbox(), st.status());
          return true;
        }
        return false;
      }

      @Override
      public List<ListEntry> ok(Response.Tagged tagged) {
        List<ListEntry> out = new ArrayList<>();
        for (ListEntry e : entries) {
          MailboxStatus st = statuses.get(e.name());
          out.add(st == null ? e : e.withStatus(st));
        }
        return List.copyOf(out);
      }
    }, () -> {
      ImapEncoder enc = s.state.encoder(verb).sp();
      if (!options.selection().isEmpty()) {
        enc.raw("(" + String.join(" ", options.selection().stream().sorted().map(ListOptions.Selection::wire)
            .toList()) + ")").sp();
      }
      enc.string(nameText(reference)).sp();
      if (patterns.size() == 1) {
        enc.string(nameText(patterns.get(0)));
      } else {
        enc.listStart();
        for (int i = 0; i < patterns.size(); i++) {
          if (i > 0) {
            enc.sp();
          }
          enc.string(nameText(patterns.get(i)));
        }
        enc.listEnd();
      }
      List<String> ret = new ArrayList<>(options.returns().stream().sorted().map(ListOptions.Return::wire).toList());
      if (wantStatus) {
        ret.add("STATUS (" + String.join(" ", options.status().stream().map(Enum::name).toList()) + ")");
      }
      if (!ret.isEmpty()) {
        enc.sp().raw("RETURN (" + String.join(" ", ret) + ")");
      }
      return enc.build();
    });
  }

  /** {@code CREATE name (USE (attributes))} (RFC 6154 §3; needs CREATE-SPECIAL-USE). */
  ImapCommand<Void> createSpecialUse(MailboxName name, java.util.Set<String> uses) {
    if (!s.state.has(Capability.CREATE_SPECIAL_USE)) {
      throw new IllegalStateException("CREATE (USE ...) needs CREATE-SPECIAL-USE (RFC 6154 §3)");
    }
    if (uses.isEmpty()) {
      throw new IllegalArgumentException("CREATE (USE ()) needs at least one special use");
    }
    return s.submit("CREATE", PendingCommand.MAY_EXPUNGE, tagged -> null, () -> {
      return s.state.encoder("CREATE").sp().mailbox(name.name()).sp().raw("(USE ")
          .flagList(new java.util.TreeSet<>(uses)).raw(")").build();
    });
  }

  private String nameText(String text) {
    return s.state.utf8() ? text : ModifiedUtf7.encode(text);
  }

  ImapCommand<Namespaces> namespace() {
    return s.submit("NAMESPACE", PendingCommand.MAY_EXPUNGE, ResponseHandler.first(
        r -> r instanceof Response.NamespaceData n ? n.namespaces() : null,
        "NAMESPACE completed without a NAMESPACE response"),
        () -> s.state.encoder("NAMESPACE").build());
  }

  ImapCommand<MailboxStatus> status(MailboxName name, MailboxStatus.StatusItem... items) {
    if (items.length == 0) {
      throw new IllegalArgumentException("STATUS needs at least one item");
    }
    return s.submit("STATUS", PendingCommand.MAY_EXPUNGE, ResponseHandler.first(
        r -> r instanceof Response.StatusData d && d.status().mailbox().equals(name) ? d.status() : null,
        "STATUS completed without a STATUS response for " + name), () -> {
      ImapEncoder enc = s.state.encoder("STATUS").sp().mailbox(name.name()).sp().listStart();
      for (int i = 0; i < items.length; i++) {
        if (i > 0) {
          enc.sp();
        }
        enc.atom(items[i].name());
      }
      return enc.listEnd().build();
    });
  }
}
