package dev.mailroom.imap.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives a FETCH's results as they arrive, with bodies streamed straight off the connection in constant memory.
 * Called on the session's reader thread: do not wait there for another command of the same session. What
 * {@link #body} leaves unread is drained afterwards, so framing is never lost; an exception thrown here fails the
 * command and closes the connection (it cannot be resynchronised mid-literal, SECURITY.md R12).
 *
 * <pre>{@code
 * session.fetch(UidSet.all(), FetchSpec.builder().uid().body(BodySection.whole().asPeek()).build(),
 *     new FetchHandler() {
 *       public void body(BodyPart part, InputStream content) throws IOException {
 *         Files.copy(content, dir.resolve(part.uid().orElseThrow() + ".eml"));
 *       }
 *     }).await();
 * }</pre>
 */
public interface FetchHandler {
  /** A body section's content; read as much as needed. */
  default void body(BodyPart part, InputStream content) throws IOException {
  }

  /** A complete response, without the sections already given to {@link #body}. */
  default void message(FetchedMessage message) {
  }

  /**
   * {@code * VANISHED (EARLIER) uids} answering a UID FETCH with the {@code VANISHED} modifier, or a QRESYNC SELECT
   * (RFC 7162 §3.2.5, §3.2.6): messages of the set expunged since the given mod-sequence. It may name UIDs this
   * client never saw; removing an unknown UID is a no-op.
   */
  default void vanished(dev.mailroom.imap.UidSet uids) {
  }
}
