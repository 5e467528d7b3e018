package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.ImapByeException;
import dev.mailroom.imap.ImapCommandException;
import dev.mailroom.imap.ResponseCode;
import dev.mailroom.imap.ResponseStatus;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.UnsolicitedListener;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The single reader of a session (one platform daemon thread per session, blocking on the socket): decodes each
 * response and routes it. Tagged responses complete the command with that tag (an unknown or repeated tag is a
 * protocol error, SECURITY.md I09); {@code +} goes to the command writing a literal or driving SASL/IDLE; untagged
 * data first updates the capabilities and the {@link MailboxModel}, then goes to the oldest in-flight command that
 * claims it, else to the {@link UnsolicitedListener} (I18). FETCH bodies are streamed to the claiming command's
 * handler on this thread and drained if left unread.
 */
final class ResponseRouter implements Runnable {
  private final ImapDecoder decoder;
  private final ResponseParser parser;
  private final FetchParser fetchParser;
  private final CommandPipeline pipeline;
  private final SessionState session;
  private final java.util.List<UnsolicitedListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile String byeText;

  ResponseRouter(ImapDecoder decoder, CommandPipeline pipeline, SessionState session, UnsolicitedListener listener) {
    this.decoder = decoder;
    this.parser = new ResponseParser(decoder);
    this.fetchParser = new FetchParser(decoder, parser);
    this.pipeline = pipeline;
    this.session = session;
    this.listeners.add(listener);
  }

  ResponseParser parser() {
    return parser;
  }

  @Override
  public void run() {
    try {
      while (!pipeline.isFailed()) {
        route(read());
      }
    } catch (MailException e) {
      String bye = byeText;
      pipeline.fail(bye != null && !(e instanceof FetchParser.FetchConsumerException) ? new ImapByeException(bye) : e);
    } catch (RuntimeException | Error e) {
      pipeline.fail(new MailProtocolException("IMAP response handling failed: " + e, e));
    }
  }

  /** Reads one response; FETCH data is routed while it is read. */
  Response read() throws MailException {
    decoder.beginResponse();
    if (decoder.tryChar('+')) {
      String text = decoder.trySp() ? decoder.restOfLine() : "";
      return new Response.Continuation(text);
    }
    if (decoder.tryChar('*')) {
      decoder.expectSp();
      Long n = decoder.tryNumber();
      if (n != null) {
        decoder.expectSp();
        String name = decoder.expectAtom().toUpperCase(Locale.ROOT);
        switch (name) {
          case "EXISTS" -> {
            decoder.expectEnd();
            return new Response.Exists(n);
          }
          case "RECENT" -> {
            decoder.expectEnd();
            return new Response.Recent(n);
          }
          case "EXPUNGE" -> {
            checkNz(n);
            decoder.expectEnd();
            return new Response.Expunge(n);
          }
          case "FETCH" -> {
            checkNz(n);
            decoder.expectSp();
            return new Response.Fetch(fetch(n));
          }
          default -> {
            decoder.skipResponse();
            return new Response.Other(name);
          }
        }
      }
      return parser.untagged(decoder.expectAtom());
    }
    String tag = decoder.tryAstringChars();
    if (tag == null || tag.indexOf('+') >= 0) {
      throw decoder.error("expected '*', '+' or a tag");
    }
    decoder.expectSp();
    String status = decoder.expectAtom().toUpperCase(Locale.ROOT);
    if (!status.equals("OK") && !status.equals("NO") && !status.equals("BAD")) {
      throw decoder.error("a tagged response must be OK, NO or BAD");
    }
    Response.Status s = parser.statusRest(ResponseStatus.valueOf(status));
    return new Response.Tagged(tag, s.status(), s.code(), s.text());
  }

  private void checkNz(long n) throws MailProtocolException {
    if (n == 0) {
      throw decoder.error("message sequence number 0");
    }
  }

  private FetchedMessage fetch(long seq) throws MailException {
    MailboxModel model = pipeline.model();
    if (model != null && seq > model.exists() && model.exists() > 0) {
      throw new MailProtocolException("FETCH for message " + seq + " beyond EXISTS " + model.exists()
          + " (SECURITY.md I13)");
    }
    ResponseHandler<?>[] target = new ResponseHandler<?>[1];
    java.util.Map<String, byte[]> unclaimed = new java.util.HashMap<>();
    FetchedMessage parsed = fetchParser.parse(seq, (s, uid, section, size, binary, content) -> {
      if (target[0] == null) {
        target[0] = fetchTarget(s, uid);
      }
      BodyPart part = new BodyPart(s, Optional.ofNullable(uid), section, size, binary);
      if (target[0] != null) {
        target[0].body(part, content);
      } else if (size <= decoder.maxInMemoryBytes()) {
        unclaimed.put(part.responseKey(), content.readAllBytes()); // unsolicited: kept if small, else drained
      }
    });
    FetchedMessage m = unclaimed.isEmpty() ? parsed : parsed.withBodies(unclaimed);
    if (target[0] == null) {
      target[0] = fetchTarget(seq, m.uid().orElse(null));
    }
    if (model != null) {
      model.fetched(seq, m.uid().orElse(null), m.flags().orElse(null));
    }
    if (target[0] != null) {
      target[0].fetched(m);
    } else {
      safely(l -> l.fetched(m));
    }
    return m;
  }

  private ResponseHandler<?> fetchTarget(long seq, Uid uid) {
    for (PendingCommand<?> p : pipeline.inFlight()) {
      if (p.handler.acceptsFetch(seq, uid)) {
        return p.handler;
      }
    }
    return null;
  }

  void route(Response r) throws MailException {
    MailboxModel m = pipeline.model();
    if (r instanceof Response.Continuation c) {
      pipeline.continuation(c.text());
    } else if (r instanceof Response.Tagged t) {
      tagged(t);
    } else if (r instanceof Response.Status s) {
      status(s);
    } else if (r instanceof Response.Capabilities c) {
      session.capabilities(c.capabilities());
      offer(r);
    } else if (r instanceof Response.Exists e) {
      if (m != null) {
        m.exists(e.count());
      }
      if (!offer(r) && session.trusted()) {
        safely(l -> l.exists(e.count()));
      }
    } else if (r instanceof Response.Recent rc) {
      if (m != null) {
        m.recent(rc.count());
      }
      offer(r);
    } else if (r instanceof Response.Expunge x) {
      if (m != null) {
        m.expunge(x.seq());
      }
      if (!offer(r) && session.trusted()) {
        safely(l -> l.expunged(x.seq()));
      }
    } else if (r instanceof Response.Vanished v) {
      Response.Vanished routed = v;
      if (!v.earlier() && m != null) {
        if (v.uids().size() > m.exists()) {
          throw new MailProtocolException("VANISHED names " + v.uids().size() + " messages but only " + m.exists()
              + " exist (RFC 7162 §3.2.10.2; SECURITY.md I14)");
        }
        routed = new Response.Vanished(false, v.uids(), m.vanished(v.uids()));
      }
      Response.Vanished claimed = routed;
      if (!offer(claimed) && session.trusted()) {
        safely(l -> l.vanished(claimed.uids(), claimed.earlier()));
      }
    } else if (r instanceof Response.Flags f) {
      if (m != null) {
        m.flags(f.flags());
      }
      offer(r);
    } else if (r instanceof Response.ESearch es && es.tag() != null && !es.updates().isEmpty()
        && searchUpdates.containsKey(es.tag())) {
      dev.mailroom.imap.search.SearchUpdateListener l = searchUpdates.get(es.tag());
      for (Response.Update u : es.updates()) {
        dev.mailroom.imap.UidSet set;
        try {
          set = dev.mailroom.imap.UidSet.parse(u.set());
        } catch (IllegalArgumentException e) {
          throw new MailProtocolException("bad ESEARCH update set: " + u.set());
        }
        try {
          if (u.add()) {
            l.added(u.position(), set);
          } else {
            l.removed(u.position(), set);
          }
        } catch (RuntimeException ignored) {
          // A listener's failure must not break the session.
        }
      }
    } else if (r instanceof Response.StatusData st) {
      if (!offer(r) && session.trusted()) {
        safely(l -> l.mailboxStatus(st.status())); // NOTIFY (RFC 5465 §5) reports other mailboxes this way
      }
    } else if (r instanceof Response.ListData ld) {
      if (!offer(r) && session.trusted()) {
        safely(l -> l.mailboxListed(ld.entry()));
      }
    } else if (!(r instanceof Response.Fetch)) { // FETCH was routed while it was read
      offer(r);
    }
  }

  private boolean offer(Response r) {
    for (PendingCommand<?> p : pipeline.inFlight()) {
      if (p.handler.untagged(r)) {
        return true;
      }
    }
    return false;
  }

  private void status(Response.Status s) throws MailException {
    ResponseCode code = s.code();
    if (s.status() == ResponseStatus.BYE) {
      byeText = s.text();
      offer(s);
      return;
    }
    if (code != null) {
      mailboxCode(code);
    }
    if (!offer(s)) {
      boolean beforeTls = !session.trusted();
      safely(l -> l.status(s.status(), code, s.text(), beforeTls));
    }
  }

  /** Response codes that update the session or the selected mailbox wherever they appear. */
  void mailboxCode(ResponseCode code) throws MailException {
    MailboxModel m = pipeline.model();
    switch (code.name()) {
      case "CAPABILITY" -> session.capabilities(ResponseParser.capabilities(code.data()));
      case "UIDVALIDITY" -> {
        if (m != null) {
          m.uidValidity(number(code));
        }
      }
      case "UIDNEXT" -> {
        if (m != null) {
          m.uidNext(number(code));
        }
      }
      case "UNSEEN" -> {
        if (m != null) {
          m.unseen(number(code));
        }
      }
      case "HIGHESTMODSEQ" -> {
        if (m != null) {
          m.highestModSeq(ModSeq.check(number64(code))); // a lower value later is ignored (I21)
        }
      }
      case "NOMODSEQ" -> {
        if (m != null) {
          m.markNoModSeq();
        }
      }
      case "PERMANENTFLAGS" -> {
        if (m != null) {
          ImapDecoder d = ResponseParser.over(code.data());
          d.beginResponse();
          m.permanentFlags(new ResponseParser(d).flagList());
        }
      }
      case "READ-ONLY" -> {
        if (m != null) {
          m.readOnly(true);
        }
      }
      case "READ-WRITE" -> {
        if (m != null) {
          m.readOnly(false);
        }
      }
      default -> { }
    }
  }

  private static long number(ResponseCode code) throws MailException {
    ImapDecoder d = ResponseParser.over(code.data());
    d.beginResponse();
    long n = d.expectNumber();
    d.expectEnd();
    return n;
  }

  private static long number64(ResponseCode code) throws MailException {
    ImapDecoder d = ResponseParser.over(code.data());
    d.beginResponse();
    long n = d.expectNumber64();
    d.expectEnd();
    return n;
  }

  private void tagged(Response.Tagged t) throws MailException {
    PendingCommand<?> p = pipeline.byTag(t.tag());
    if (p == null) {
      throw new MailProtocolException("tagged response for unknown or completed tag '" + t.tag()
          + "' (SECURITY.md I09)");
    }
    if (p.writing && t.status() == ResponseStatus.OK && !p.is(PendingCommand.INTERACTIVE)) {
      throw new MailProtocolException(p.name + " completed before it was fully sent (SECURITY.md T20)");
    }
    if (t.code() != null) {
      mailboxCode(t.code());
    }
    if (t.status() == ResponseStatus.OK) {
      p.handler.completing(t);
    }
    complete(p, t);
  }

  private <T> void complete(PendingCommand<T> p, Response.Tagged t) {
    pipeline.complete(p);
    if (t.status() != ResponseStatus.OK) {
      p.future.completeExceptionally(new ImapCommandException(p.name, t.status(), t.code(), t.text()));
      return;
    }
    try {
      p.future.complete(p.handler.ok(t));
    } catch (MailException e) {
      p.future.completeExceptionally(e);
    } catch (RuntimeException e) {
      p.future.completeExceptionally(new MailProtocolException(p.name + ": " + e, e));
    }
  }

  /** Live searches (RFC 5267 UPDATE) by the tag of the command that started them. */
  private final java.util.Map<String, dev.mailroom.imap.search.SearchUpdateListener> searchUpdates =
      new java.util.concurrent.ConcurrentHashMap<>();

  void searchUpdates(String tag, dev.mailroom.imap.search.SearchUpdateListener l) {
    searchUpdates.put(tag, l);
  }

  void endSearchUpdates(String tag) {
    searchUpdates.remove(tag);
  }

  /** Updates cease when the mailbox is deselected (RFC 5267 §4.3). */
  void endAllSearchUpdates() {
    searchUpdates.clear();
  }

  /** Adds a listener for unsolicited data until the returned handle is closed. */
  AutoCloseable addListener(UnsolicitedListener l) {
    listeners.add(java.util.Objects.requireNonNull(l, "listener"));
    return () -> listeners.remove(l);
  }

  private void safely(Consumer<UnsolicitedListener> call) {
    try {
      for (UnsolicitedListener l : listeners) {
        call.accept(l);
      }
    } catch (RuntimeException ignored) {
      // A listener's failure must not break the session.
    }
  }
}
