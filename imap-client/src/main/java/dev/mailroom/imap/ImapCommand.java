package dev.mailroom.imap;

import dev.mailroom.client.MailException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A command written to the server and not necessarily answered yet: the handle every {@link ImapSession} method
 * returns. Many may be in flight at once (RFC 9051 §5.5); each completes with its own result or exception.
 *
 * <pre>{@code
 * ImapCommand<SearchResult> unseen = session.uidSearch(SearchCriteria.unseen());
 * ImapCommand<MailboxStatus> status = session.status(MailboxName.of("Sent"), StatusItem.MESSAGES);
 * System.out.println(unseen.await().numbers().size() + " / " + status.await().messages());
 * }</pre>
 *
 * @param <T> the result type
 */
public interface ImapCommand<T> {
  /** The tag the command was sent with. */
  String tag();

  /**
   * Waits for the tagged response.
   *
   * @throws ImapCommandException on {@code NO}/{@code BAD} (the session is still usable)
   * @throws MailException if the connection failed (every command in flight fails with it)
   */
  T await() throws MailException;

  /** As {@link #await()}, but throws {@link dev.mailroom.client.MailTimeoutException} after {@code timeout}. */
  T await(Duration timeout) throws MailException;

  /** Whether the tagged response arrived or the command failed. */
  boolean isDone();

  /** A future completed with the result or the exception. */
  CompletableFuture<T> toFuture();
}
