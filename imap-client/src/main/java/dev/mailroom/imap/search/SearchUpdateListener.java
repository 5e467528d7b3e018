package dev.mailroom.imap.search;

import dev.mailroom.imap.UidSet;

/**
 * Receives the changes to a live search result (RFC 5267 §4.3 {@code ADDTO}/{@code REMOVEFROM}), on the session's
 * reader thread, as the server learns of them (new mail, flag changes, expunges).
 *
 * <pre>{@code
 * SearchUpdateListener l = new SearchUpdateListener() {
 *   public void added(long position, UidSet uids) { unread.addAll(uids); }
 *   public void removed(long position, UidSet uids) { unread.removeAll(uids); }
 * };
 * }</pre>
 */
public interface SearchUpdateListener {
  /** {@code uids} now match, at {@code position} of the result (0 when the server does not say). */
  void added(long position, UidSet uids);

  /** {@code uids} no longer match. */
  void removed(long position, UidSet uids);
}
