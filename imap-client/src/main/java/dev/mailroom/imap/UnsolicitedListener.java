package dev.mailroom.imap;

import dev.mailroom.imap.fetch.FetchedMessage;

/**
 * Receives server data that no command asked for (RFC 3501 §7; SECURITY.md I18), after the mailbox model was updated.
 * Called on the session's reader thread: return quickly and do not wait for a command of the same session here.
 *
 * <pre>{@code
 * ImapClient.builder().unsolicitedListener(new UnsolicitedListener() {
 *   public void exists(long count) { System.out.println(count + " messages now"); }
 * });
 * }</pre>
 */
public interface UnsolicitedListener {
  UnsolicitedListener NONE = new UnsolicitedListener() { };

  /** {@code * n EXISTS}. */
  default void exists(long count) {
  }

  /** {@code * n EXPUNGE}: message {@code seq} is gone and later ones moved down. */
  default void expunged(long seq) {
  }

  /**
   * {@code * VANISHED} (RFC 7162 §3.2.10, sent instead of EXPUNGE once QRESYNC is enabled): these UIDs are gone.
   * {@code earlier} marks a report of expunges before this session (no renumbering, as after a QRESYNC SELECT).
   */
  default void vanished(UidSet uids, boolean earlier) {
  }

  /**
   * A STATUS nobody asked for: under NOTIFY (RFC 5465 §5.2) the server reports new and expunged messages of
   * mailboxes other than the selected one this way.
   */
  default void mailboxStatus(MailboxStatus status) {
  }

  /** A LIST nobody asked for: under NOTIFY, a mailbox was created, renamed, deleted or (un)subscribed. */
  default void mailboxListed(ListEntry entry) {
  }

  /** A FETCH nobody asked for, typically flag changes. */
  default void fetched(FetchedMessage message) {
  }

  /** An untagged OK/NO/BAD (for example {@code [ALERT]}); {@code beforeTls} marks text received in clear (T09). */
  default void status(ResponseStatus status, ResponseCode code, String text, boolean beforeTls) {
  }
}
