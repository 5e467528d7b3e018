package dev.mailroom.imap.sync;

/**
 * Where a mailbox synchronisation stands: what the caller persists between runs (RFC 4549 §3; RFC 7162 §3.2.5). A
 * cursor is only meaningful for the mailbox it came from.
 *
 * <pre>{@code
 * SyncCursor cursor = store.load().orElse(SyncCursor.initial());
 * SyncReport report = sync.run(cursor, handler);
 * store.save(report.cursor());
 * }</pre>
 *
 * @param uidValidity the mailbox's UIDVALIDITY the cached UIDs belong to, or 0 before the first sync
 * @param uidNext every message with a UID below this has been delivered as new
 * @param highestModSeq the mailbox's HIGHESTMODSEQ the flags were in sync with, or 0 if unknown (no CONDSTORE)
 */
public record SyncCursor(long uidValidity, long uidNext, long highestModSeq) {
  public SyncCursor {
    if (uidValidity < 0 || uidValidity > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("UIDVALIDITY out of range: " + uidValidity);
    }
    if (uidNext < 1 || uidNext > 0x1_0000_0000L) {
      throw new IllegalArgumentException("UIDNEXT out of range: " + uidNext);
    }
    if (highestModSeq < 0) {
      throw new IllegalArgumentException("HIGHESTMODSEQ out of range: " + highestModSeq);
    }
  }

  /** Nothing synchronised yet: everything in the mailbox is new. */
  public static SyncCursor initial() {
    return new SyncCursor(0, 1, 0);
  }

  /** Whether this is {@link #initial()}-like: no UIDVALIDITY known. */
  public boolean isInitial() {
    return uidValidity == 0;
  }

  /** The wire-friendly form {@code uidValidity:uidNext:highestModSeq}, for a state file. */
  @Override
  public String toString() {
    return uidValidity + ":" + uidNext + ":" + highestModSeq;
  }

  /** Parses {@link #toString()}. */
  public static SyncCursor parse(String text) {
    String[] p = text.trim().split(":");
    if (p.length != 3) {
      throw new IllegalArgumentException("not a sync cursor: " + text);
    }
    try {
      return new SyncCursor(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a sync cursor: " + text, e);
    }
  }
}
