package dev.mailroom.imap.sync;

import java.util.Objects;

/**
 * What one {@link MailboxSync#run} did.
 *
 * <pre>{@code
 * SyncReport r = sync.run(cursor, handler);
 * System.out.println(r.newMessages() + " new, " + r.flagChanges() + " flag changes via " + r.mode());
 * }</pre>
 *
 * @param cursor the cursor to persist: the next run starts from it
 * @param mode how changes were found
 * @param newMessages how many {@link SyncEvent.NewMessage} events were delivered
 * @param flagChanges how many {@link SyncEvent.FlagsChanged} events were delivered
 * @param vanishedRanges how many {@link SyncEvent.Vanished} events were delivered
 * @param fullResync whether a {@link SyncEvent.FullResyncRequired} was delivered
 */
public record SyncReport(SyncCursor cursor, SyncMode mode, long newMessages, long flagChanges, long vanishedRanges,
    boolean fullResync) {
  public SyncReport {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(mode, "mode");
  }
}
