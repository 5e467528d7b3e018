package dev.mailroom.imap.search;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.UidSet;
import java.util.Optional;

/**
 * A live UID SEARCH (RFC 5267 §4.3 {@code RETURN (ALL UPDATE)}): the matches when it started, then changes to its
 * {@link SearchUpdateListener} until {@link #cancel()} ({@code CANCELUPDATE}) or until the mailbox is deselected.
 *
 * <pre>{@code
 * try (SearchSubscription unseen = session.uidSearchUpdates(SearchCriteria.unseen(), listener).await()) {
 *   unseen.initial().ifPresent(this::show);
 *   waitForUser();
 * }
 * }</pre>
 */
public interface SearchSubscription extends AutoCloseable {
  /** The matches when the search ran; empty if none. */
  Optional<UidSet> initial();

  /** The tag that correlates the updates. */
  String tag();

  /** Sends {@code CANCELUPDATE "tag"}; no update is delivered once it completes. */
  ImapCommand<Void> cancel();

  /** {@link #cancel()} and wait. */
  @Override
  void close() throws MailException;
}
