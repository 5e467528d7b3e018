package dev.mailroom.imap.sync;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.SelectOptions;
import dev.mailroom.imap.SelectedMailbox;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchItem;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.search.ESearchResult;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.imap.search.SearchReturn;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resumable one-way synchronisation of a mailbox into the caller's store: from a persisted {@link SyncCursor}, it
 * reports what vanished, which flags changed and every new message (bodies streamed), using QRESYNC when the server
 * has it, else CONDSTORE, else plain flag fetches ({@link SyncMode}). A UIDVALIDITY change or a HIGHESTMODSEQ that
 * went backwards is reported as {@link SyncEvent.FullResyncRequired} and handled as a first sync (SECURITY.md I20,
 * I21). New messages come in windows of UIDs, one {@code UID FETCH} each, several in flight.
 *
 * <p>Failures: if the connection drops (SECURITY.md R07), reconnect and run again from the last cursor persisted:
 * with each {@link SyncEvent.NewMessage#resumeFrom()} persisted, no new message is delivered twice or lost; flag and
 * vanish events may repeat (they are idempotent states).
 *
 * <pre>{@code
 * MailboxSync sync = MailboxSync.builder(session, MailboxName.INBOX).build();
 * SyncReport report = sync.run(cursor, event -> {
 *   if (event instanceof SyncEvent.NewMessage n) {
 *     store.add(n.message());
 *     store.saveCursor(n.resumeFrom());
 *   }
 * });
 * store.saveCursor(report.cursor());
 * }</pre>
 *
 * <p>Not thread-safe; one run at a time per session; reuse the instance for later runs on the same session (it
 * enables QRESYNC once). The session ends with the mailbox selected.
 */
public final class MailboxSync {
  /** Default new-message items: UID, FLAGS, INTERNALDATE, RFC822.SIZE and the whole message, not marking it read. */
  public static final FetchSpec DEFAULT_NEW_MESSAGES = FetchSpec.builder().uid().flags().internalDate().size()
      .body(BodySection.whole().asPeek()).build();

  private final ImapSession session;
  private final MailboxName mailbox;
  private final FetchSpec newMessages;
  private final int window;
  private final int windowsInFlight;
  private final SyncMode bestMode;
  private boolean qresyncEnabled;

  private MailboxSync(Builder b) {
    this.session = b.session;
    this.mailbox = b.mailbox;
    this.newMessages = b.newMessages;
    this.window = b.window;
    this.windowsInFlight = b.windowsInFlight;
    this.bestMode = b.bestMode;
  }

  public static Builder builder(ImapSession session, MailboxName mailbox) {
    return new Builder(session, mailbox);
  }

  /** The mode a run would use now, from the session's capabilities and the cap set in the builder. */
  public SyncMode mode() {
    if (bestMode == SyncMode.QRESYNC && session.has(Capability.QRESYNC) && session.has(Capability.ENABLE)) {
      return SyncMode.QRESYNC;
    }
    if (bestMode != SyncMode.FLAGS && session.has(Capability.CONDSTORE)) {
      return SyncMode.CONDSTORE;
    }
    return SyncMode.FLAGS;
  }

  /**
   * Synchronises from {@code cursor}: delivers every change to {@code handler}, then returns the next cursor.
   *
   * @throws MailException if a command fails or the connection is lost (run again from the last cursor)
   * @throws IOException if the handler failed (the connection is closed if it failed mid-body, R12)
   */
  public SyncReport run(SyncCursor cursor, SyncHandler handler) throws MailException, IOException {
    Objects.requireNonNull(cursor, "cursor");
    SyncRun run = new SyncRun(Objects.requireNonNull(handler, "handler"));
    try {
      return run(cursor, run);
    } catch (MailException e) {
      run.rethrow(); // the handler's own failure explains the broken connection better
      throw e;
    }
  }

  private SyncReport run(SyncCursor cursor, SyncRun run) throws MailException, IOException {
    SyncMode mode = mode();
    if (mode == SyncMode.QRESYNC && !qresyncEnabled) {
      session.enable("QRESYNC").await(); // once per session: VANISHED replaces EXPUNGE from now on
      qresyncEnabled = true;
    }
    boolean qresyncSelect = mode == SyncMode.QRESYNC && !cursor.isInitial() && cursor.highestModSeq() > 0;
    SelectedMailbox selected;
    if (qresyncSelect) {
      selected = session.select(mailbox, SelectOptions.qresync(cursor.uidValidity(), cursor.highestModSeq()),
          run.selectChanges(cursor.uidNext())).await();
    } else if (mode == SyncMode.CONDSTORE) {
      selected = session.select(mailbox, SelectOptions.condstore()).await().mailbox();
    } else {
      selected = session.select(mailbox).await(); // with QRESYNC enabled, HIGHESTMODSEQ comes anyway
    }
    run.rethrow();
    long serverModSeq = selected.highestModSeq().orElse(0);
    if (selected.noModSeq()) {
      mode = SyncMode.FLAGS; // RFC 7162 §3.1.2.2: this mailbox keeps no mod-sequences
    }
    SyncCursor from = cursor;
    if (!cursor.isInitial() && cursor.uidValidity() != selected.uidValidity()) {
      run.fullResync("UIDVALIDITY changed from " + cursor.uidValidity() + " to " + selected.uidValidity());
      from = SyncCursor.initial();
    } else if (!cursor.isInitial() && mode != SyncMode.FLAGS && cursor.highestModSeq() > serverModSeq) {
      run.fullResync("HIGHESTMODSEQ went backwards from " + cursor.highestModSeq() + " to " + serverModSeq);
      from = SyncCursor.initial();
    }
    long base = from.isInitial() ? 1 : from.uidNext();
    long sinceModSeq = mode == SyncMode.FLAGS ? 0 : from.highestModSeq();

    // Old messages: QRESYNC told us during the SELECT; otherwise ask, pipelined with the new-message windows.
    List<ImapCommand<?>> old = new ArrayList<>();
    ImapCommand<?> present = null;
    if (!(qresyncSelect && from == cursor) && base > 1) {
      UidSet oldRange = UidSet.range(1, base - 1);
      FetchSpec flags = sinceModSeq > 0
          ? FetchSpec.builder().uid().flags().modSeq().changedSince(sinceModSeq).build()
          : FetchSpec.builder().uid().flags().build();
      old.add(session.fetch(oldRange, flags, run.oldFlags(base)));
      // What is still there, as ranges: ESEARCH ALL when offered, else a plain UID SEARCH turned into runs.
      present = session.has(Capability.ESEARCH)
          ? session.uidSearch(SearchCriteria.uid(oldRange), EnumSet.of(SearchReturn.ALL))
          : session.uidSearch(SearchCriteria.uid(oldRange));
    }

    // New messages: UIDs from base up to UIDNEXT-1 in windows, a few in flight (back-pressure beyond that).
    run.newMessagesFrom(base, selected.uidValidity(), sinceModSeq);
    long last = selected.uidNext().orElse(0) - 1;
    Deque<ImapCommand<Long>> windows = new ArrayDeque<>();
    if (selected.exists() > 0) {
      if (last < 0) { // no UIDNEXT: one open-ended fetch, filtered by UID
        windows.add(session.fetch(UidSet.from(base), newMessages, run.newMessages()));
      }
      for (long next = base; next <= last; next += window) {
        windows.add(session.fetch(UidSet.range(next, Math.min(last, next + window - 1)), newMessages,
            run.newMessages()));
        if (windows.size() >= windowsInFlight) {
          windows.removeFirst().await();
          run.rethrow();
        }
      }
    }
    for (ImapCommand<?> c : old) {
      c.await();
    }
    Optional<UidSet> presentUids = present == null ? null : presentSet(present.await());
    while (!windows.isEmpty()) {
      windows.removeFirst().await();
    }
    run.rethrow();
    if (presentUids != null) {
      run.vanishedOutside(base, presentUids); // on this thread: every reader-thread delivery has finished
    }
    long nextUid = last >= 0 ? last + 1 : Math.max(base, run.highestNewUid() + 1);
    long modSeq = mode == SyncMode.FLAGS ? 0 : Math.max(serverModSeq, selected.highestModSeq().orElse(0));
    SyncCursor done = new SyncCursor(selected.uidValidity(), Math.max(nextUid, base), modSeq);
    return run.report(done, mode);
  }

  private static Optional<UidSet> presentSet(Object result) {
    return result instanceof ESearchResult e ? e.allUids() : ((SearchResult) result).uidSet();
  }

  /** Configures a {@link MailboxSync}. */
  public static final class Builder {
    private final ImapSession session;
    private final MailboxName mailbox;
    private FetchSpec newMessages = DEFAULT_NEW_MESSAGES;
    private int window = 500;
    private int windowsInFlight = 4;
    private SyncMode bestMode = SyncMode.QRESYNC;

    private Builder(ImapSession session, MailboxName mailbox) {
      this.session = Objects.requireNonNull(session, "session");
      this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    /** What to fetch of each new message (UID is always added); default {@link #DEFAULT_NEW_MESSAGES}. */
    public Builder newMessages(FetchSpec spec) {
      List<FetchItem> items = new ArrayList<>(spec.items());
      items.add(FetchItem.UID);
      this.newMessages = new FetchSpec(items);
      return this;
    }

    /** How many UIDs one {@code UID FETCH} of new messages covers (default 500). */
    public Builder window(int uids) {
      if (uids < 1) {
        throw new IllegalArgumentException("window must be positive");
      }
      this.window = uids;
      return this;
    }

    /** How many window fetches may be in flight at once (default 4). */
    public Builder windowsInFlight(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("windowsInFlight must be positive");
      }
      this.windowsInFlight = count;
      return this;
    }

    /** Use at most this mode even if the server offers a better one (for tests and odd servers). */
    public Builder atMost(SyncMode mode) {
      this.bestMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    public MailboxSync build() {
      return new MailboxSync(this);
    }
  }
}
