package dev.mailroom.imap.sync;

import dev.mailroom.imap.Uid;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one {@link MailboxSync#run}: turns FETCH and VANISHED data into {@link SyncEvent}s for the handler,
 * counts them, and keeps the handler's first failure. Reader-thread callbacks and the caller thread never call the
 * handler at the same time: the caller delivers only before the first command or after the last one completed.
 */
final class SyncRun {
  private final SyncHandler handler;
  private IOException failure;
  private long newCount;
  private long flagCount;
  private long vanishedCount;
  private boolean fullResync;
  private long base;
  private long uidValidity;
  private long modSeq;
  private long highestNewUid;

  SyncRun(SyncHandler handler) {
    this.handler = handler;
  }

  void fullResync(String reason) throws IOException {
    fullResync = true;
    handler.event(new SyncEvent.FullResyncRequired(reason));
  }

  /** The FETCH and {@code VANISHED (EARLIER)} data of a QRESYNC SELECT: UIDs below {@code uidNext} are old. */
  FetchHandler selectChanges(long uidNext) {
    return new OldFlags(uidNext, true);
  }

  /** Flags of old messages (all of them, or those changed since a mod-sequence). */
  FetchHandler oldFlags(long below) {
    return new OldFlags(below, false);
  }

  /** Turns FETCH FLAGS of messages below a UID into {@link SyncEvent.FlagsChanged}, and VANISHED if asked. */
  private final class OldFlags implements FetchHandler {
    private final long below;
    private final boolean vanished;

    OldFlags(long below, boolean vanished) {
      this.below = below;
      this.vanished = vanished;
    }

    @Override
    public void message(FetchedMessage m) {
      if (m.uid().isPresent() && m.uid().get().value() < below && m.flags().isPresent()) {
        deliver(new SyncEvent.FlagsChanged(m.uid().get(), m.flags().get(), m.modSeq()));
        flagCount++;
      }
    }

    @Override
    public void vanished(UidSet uids) {
      if (vanished) {
        deliver(new SyncEvent.Vanished(uids));
        vanishedCount++;
      }
    }
  }

  void newMessagesFrom(long firstUid, long validity, long sinceModSeq) {
    this.base = firstUid;
    this.uidValidity = validity;
    this.modSeq = sinceModSeq;
  }

  /** New messages: bodies to the handler, then the event with the cursor to resume after it. */
  FetchHandler newMessages() {
    return new FetchHandler() {
      @Override
      public void body(BodyPart part, InputStream content) throws IOException {
        if (part.uid().isPresent() && part.uid().get().value() < base) {
          return; // "UID n:*" also returns the last message when nothing is new (RFC 3501 §6.4.8); drained
        }
        if (failure == null) {
          try {
            handler.body(part, content);
          } catch (dev.mailroom.client.MailException e) {
            throw e; // the connection failed under the handler
          } catch (IOException e) {
            failure = e;
            throw e;
          }
        }
      }

      @Override
      public void message(FetchedMessage m) {
        Uid uid = m.uid().orElse(null);
        if (uid == null || uid.value() < base) {
          return;
        }
        highestNewUid = Math.max(highestNewUid, uid.value());
        deliver(new SyncEvent.NewMessage(m, new SyncCursor(uidValidity, uid.value() + 1, modSeq)));
        newCount++;
      }
    };
  }

  long highestNewUid() {
    return highestNewUid;
  }

  /** The UIDs in {@code [1, below)} not in {@code present}, as ranges: what vanished since the last run. */
  void vanishedOutside(long below, java.util.Optional<UidSet> present) throws IOException {
    List<long[]> ranges = new ArrayList<>(present.map(UidSet::ranges).orElse(List.of()));
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    UidSet set = null;
    long expect = 1;
    for (long[] r : ranges) {
      long lo = Math.min(r[0], r[1]);
      long hi = Math.max(r[0], r[1]);
      if (lo >= below) {
        break;
      }
      if (lo > expect) {
        UidSet gap = UidSet.range(expect, lo - 1);
        set = set == null ? gap : set.union(gap);
      }
      expect = Math.max(expect, hi + 1);
    }
    if (expect < below) {
      UidSet gap = UidSet.range(expect, below - 1);
      set = set == null ? gap : set.union(gap);
    }
    if (set != null) {
      vanishedCount++;
      handler.event(new SyncEvent.Vanished(set));
    }
  }

  private void deliver(SyncEvent event) {
    if (failure != null) {
      return;
    }
    try {
      handler.event(event);
    } catch (IOException e) {
      failure = e;
      throw new UncheckedIOException(e); // fails the command; the caller gets the IOException from rethrow()
    } catch (RuntimeException e) {
      failure = new IOException("the sync handler failed: " + e, e);
      throw e;
    }
  }

  void rethrow() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  SyncReport report(SyncCursor cursor, SyncMode mode) {
    return new SyncReport(cursor, mode, newCount, flagCount, vanishedCount, fullResync);
  }
}
