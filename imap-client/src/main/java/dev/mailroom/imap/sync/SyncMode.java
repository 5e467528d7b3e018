package dev.mailroom.imap.sync;

/**
 * How a {@link MailboxSync} finds changes, best first; the engine uses the best the server offers, or the one the
 * caller caps it at.
 */
public enum SyncMode {
  /**
   * RFC 7162 QRESYNC: one {@code SELECT (QRESYNC (uidvalidity modseq))} reports vanished UIDs and changed flags,
   * then one pipelined {@code UID FETCH} per window brings the new messages. Two round trips.
   */
  QRESYNC,
  /**
   * RFC 7162 CONDSTORE: {@code UID FETCH (FLAGS) (CHANGEDSINCE modseq)} for changed flags and a {@code UID SEARCH}
   * of the old UID range for what vanished, pipelined with the new-message fetch. Two round trips.
   */
  CONDSTORE,
  /** Plain IMAP: the flags of every old message (the caller diffs) and the UID range for what vanished. */
  FLAGS
}
