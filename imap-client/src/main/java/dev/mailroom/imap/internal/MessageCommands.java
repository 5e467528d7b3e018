package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ConditionalStoreResult;
import dev.mailroom.imap.CopyResult;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.ResponseCode;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchItem;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.internal.wire.EncodedCommand;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Selected-state message commands (RFC 3501 §6.4, RFC 4315 UID EXPUNGE): SEARCH, FETCH, STORE, COPY, EXPUNGE, each
 * in a UID form chosen by the set type. Sequence-number forms go through
 * {@link RealImapSession#submitSeq} so they are fenced and translated (RFC 9051 §5.5).
 */
final class MessageCommands {
  private final RealImapSession s;

  MessageCommands(RealImapSession session) {
    this.s = session;
  }

  ImapCommand<List<Long>> expunge(UidSet uids) {
    List<Long> expunged = new ArrayList<>();
    ResponseHandler<List<Long>> h = new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Expunge x) {
          expunged.add(x.seq());
          return true;
        }
        if (r instanceof Response.Vanished v && !v.earlier()) { // instead of EXPUNGE under QRESYNC
          expunged.addAll(v.seqs());
          return true;
        }
        return false;
      }

      @Override
      public List<Long> ok(Response.Tagged tagged) {
        return List.copyOf(expunged);
      }
    };
    if (uids == null) {
      return s.submit("EXPUNGE", PendingCommand.MAY_EXPUNGE, h, () -> s.state.encoder("EXPUNGE").build());
    }
    return s.submit("UID EXPUNGE", PendingCommand.MAY_EXPUNGE, h,
        () -> s.state.encoder("UID EXPUNGE").sp().raw(uids.toString()).build());
  }

  ImapCommand<List<FetchedMessage>> fetchBuffered(SeqSet seqs, UidSet uids, FetchSpec spec) {
    List<FetchedMessage> out = new ArrayList<>(); // touched by the reader thread only
    long limit = s.client.limits().maxInMemoryBytes();
    FetchCollector<List<FetchedMessage>> h = new FetchCollector<>(seqs, uids) {
      private final java.util.Map<String, byte[]> bodies = new java.util.HashMap<>();
      private String tooLarge;

      @Override
      public void body(BodyPart part, InputStream content) throws IOException {
        if (part.size() > limit) {
          tooLarge = "a body section of " + part.size() + " bytes exceeds the in-memory limit of " + limit
              + "; use a FetchHandler to stream it";
          return; // drained by the decoder
        }
        bodies.put(part.responseKey(), content.readAllBytes());
      }

      @Override
      public void fetched(FetchedMessage m) {
        java.util.Map<String, byte[]> all = new java.util.HashMap<>(m.bodies());
        all.putAll(bodies);
        bodies.clear();
        out.add(m.withBodies(all));
      }

      @Override
      public List<FetchedMessage> ok(Response.Tagged tagged) throws MailException {
        if (tooLarge != null) {
          throw new MailException(tooLarge);
        }
        return List.copyOf(out);
      }
    };
    return fetch(seqs, uids, spec, h);
  }

  ImapCommand<Long> fetchStreaming(SeqSet seqs, UidSet uids, FetchSpec spec, FetchHandler handler) {
    long[] count = new long[1];
    FetchCollector<Long> h = new FetchCollector<>(seqs, uids) {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Vanished v && v.earlier() && spec.vanished()) {
          handler.vanished(v.uids());
          return true;
        }
        return false;
      }

      @Override
      public void body(BodyPart part, InputStream content) throws IOException {
        handler.body(part, content);
      }

      @Override
      public void fetched(FetchedMessage m) {
        count[0]++;
        handler.message(m);
      }

      @Override
      public Long ok(Response.Tagged tagged) {
        return count[0];
      }
    };
    return fetch(seqs, uids, spec, h);
  }

  private <T> ImapCommand<T> fetch(SeqSet seqs, UidSet uids, FetchSpec spec, FetchCollector<T> h) {
    if (spec.usesModSeq() && !s.state.has(Capability.CONDSTORE)) {
      throw new IllegalStateException("MODSEQ and CHANGEDSINCE need the CONDSTORE capability (RFC 7162)");
    }
    for (FetchItem item : spec.items()) {
      Capability needed = item instanceof FetchItem.Binary || item instanceof FetchItem.BinarySize
          ? Capability.BINARY
          : item == FetchItem.PREVIEW ? Capability.PREVIEW
          : item == FetchItem.SAVEDATE ? Capability.SAVEDATE
          : item == FetchItem.EMAILID || item == FetchItem.THREADID ? Capability.OBJECTID : null;
      if (needed != null && !s.state.has(needed)) {
        throw new IllegalStateException("FETCH " + item.wire() + " needs the " + needed + " capability");
      }
    }
    if (spec.vanished() && (uids == null || !s.state.qresync())) {
      throw new IllegalStateException("the VANISHED modifier needs a UID FETCH and ENABLE QRESYNC (RFC 7162 §3.2.6)");
    }
    if (uids != null) {
      return s.submit("UID FETCH", PendingCommand.MAY_EXPUNGE, h,
          () -> items(s.state.encoder("UID FETCH").sp().raw(uids.toString()), spec));
    }
    return s.submitSeq("FETCH", 0, h, seqs, set -> {
      h.sent = set;
      return items(s.state.encoder("FETCH").sp().raw(set.toString()), spec);
    });
  }

  private static EncodedCommand items(ImapEncoder enc, FetchSpec spec) {
    enc.sp().listStart();
    List<FetchItem> items = spec.items();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        enc.sp();
      }
      enc.raw(items.get(i).wire());
    }
    enc.listEnd();
    if (spec.changedSince().isPresent()) { // fetch-modifier (RFC 4466 §2.4, RFC 7162 §3.1.4.2, §3.2.6)
      enc.sp().raw("(CHANGEDSINCE " + spec.changedSince().getAsLong() + (spec.vanished() ? " VANISHED)" : ")"));
    }
    return enc.build();
  }

  ImapCommand<List<FetchedMessage>> store(SeqSet seqs, UidSet uids, StoreAction action, Set<Flag> flags,
      boolean silent) {
    List<FetchedMessage> out = new ArrayList<>();
    FetchCollector<List<FetchedMessage>> h = new FetchCollector<>(seqs, uids) {
      @Override
      public void fetched(FetchedMessage m) {
        out.add(m);
      }

      @Override
      public List<FetchedMessage> ok(Response.Tagged tagged) {
        return List.copyOf(out);
      }
    };
    Function<ImapEncoder, EncodedCommand> rest = enc -> {
      enc.sp().raw(action.wire() + (silent ? ".SILENT" : "")).sp().flagList(MessageCommands.flagValues(flags));
      return enc.build();
    };
    if (uids != null) {
      return s.submit("UID STORE", PendingCommand.MAY_EXPUNGE, h,
          () -> rest.apply(s.state.encoder("UID STORE").sp().raw(uids.toString())));
    }
    return s.submitSeq("STORE", 0, h, seqs, set -> {
      h.sent = set;
      return rest.apply(s.state.encoder("STORE").sp().raw(set.toString()));
    });
  }

  /** {@code UID STORE set (UNCHANGEDSINCE n) action (flags)} (RFC 7162 §3.1.3); {@code [MODIFIED set]} on the OK. */
  ImapCommand<ConditionalStoreResult> conditionalStore(UidSet uids, StoreAction action, Set<Flag> flags,
      long unchangedSince) {
    if (!s.state.has(Capability.CONDSTORE)) {
      throw new IllegalStateException("UNCHANGEDSINCE needs the CONDSTORE capability (RFC 7162)");
    }
    if (unchangedSince < 0) {
      throw new IllegalArgumentException("UNCHANGEDSINCE needs a mod-sequence of at least 0");
    }
    List<FetchedMessage> out = new ArrayList<>();
    FetchCollector<ConditionalStoreResult> h = new FetchCollector<>(null, uids) {
      @Override
      public void fetched(FetchedMessage m) {
        out.add(m);
      }

      @Override
      public ConditionalStoreResult ok(Response.Tagged tagged) {
        Optional<UidSet> modified = Optional.empty();
        if (tagged.code() != null && tagged.code().is("MODIFIED")) {
          try {
            modified = Optional.of(UidSet.parse(tagged.code().data()));
          } catch (IllegalArgumentException e) {
            throw new MalformedCodeException("malformed MODIFIED: " + tagged.code().data(), e);
          }
        }
        return new ConditionalStoreResult(out, modified);
      }
    };
    return s.submit("UID STORE", PendingCommand.MAY_EXPUNGE, h, () -> {
      return s.state.encoder("UID STORE").sp().raw(uids.toString()).sp()
          .raw("(UNCHANGEDSINCE " + unchangedSince + ")").sp().raw(action.wire()).sp().flagList(MessageCommands.flagValues(flags))
          .build();
    });
  }

  ImapCommand<CopyResult> copy(String verb, SeqSet seqs, UidSet uids, MailboxName destination) {
    CopyResult[] fromUntagged = new CopyResult[1];
    ResponseHandler<CopyResult> h = new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (r instanceof Response.Status st && st.code() != null && st.code().is("COPYUID")
            && fromUntagged[0] == null) {
          fromUntagged[0] = copyUid(st.code());
          return true;
        }
        return (r instanceof Response.Expunge || r instanceof Response.Vanished v && !v.earlier())
            && verb.equals("MOVE");
      }

      @Override
      public CopyResult ok(Response.Tagged tagged) throws MailException {
        if (tagged.code() != null && tagged.code().is("COPYUID")) {
          return copyUid(tagged.code());
        }
        return fromUntagged[0] != null ? fromUntagged[0] : new CopyResult(0, Optional.empty(), Optional.empty());
      }
    };
    if (uids != null) {
      return s.submit("UID " + verb, PendingCommand.MAY_EXPUNGE, h, () -> s.state.encoder("UID " + verb).sp()
          .raw(uids.toString()).sp().mailbox(destination.name()).build());
    }
    int flags = verb.equals("MOVE") ? PendingCommand.MAY_EXPUNGE : 0;
    return s.submitSeq(verb, flags, h, seqs,
        set -> s.state.encoder(verb).sp().raw(set.toString()).sp().mailbox(destination.name()).build());
  }

  /** {@code COPYUID uidvalidity source-set dest-set}, kept as ranges (SECURITY.md I14). */
  static CopyResult copyUid(ResponseCode code) {
    String[] parts = code.data().split(" ");
    try {
      if (parts.length != 3) {
        throw new IllegalArgumentException("COPYUID needs three fields");
      }
      long validity = Long.parseLong(parts[0]);
      if (validity < 1 || validity > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("UIDVALIDITY out of range");
      }
      return new CopyResult(validity, Optional.of(UidSet.parse(parts[1])), Optional.of(UidSet.parse(parts[2])));
    } catch (IllegalArgumentException e) {
      throw new MalformedCodeException("malformed COPYUID: " + code.data(), e);
    }
  }

  /** The wire values of {@code flags}, for {@link ImapEncoder#flagList}. */
  static List<String> flagValues(java.util.Collection<Flag> flags) {
    return flags.stream().map(Flag::value).toList();
  }

  /** A response code whose data breaks its grammar. */
  static final class MalformedCodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedCodeException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Claims the FETCH responses for its set. */
  abstract static class FetchCollector<T> implements ResponseHandler<T> {
    private final UidSet uids;
    volatile SeqSet sent;

    FetchCollector(SeqSet seqs, UidSet uids) {
      this.uids = uids;
      this.sent = seqs;
    }

    @Override
    public boolean acceptsFetch(long seq, Uid uid) {
      if (uids != null) {
        return uid == null || uids.isSavedSearch() || uids.contains(uid.value(), 0xFFFF_FFFFL);
      }
      return sent != null && sent.contains(seq, Long.MAX_VALUE);
    }
  }
}
