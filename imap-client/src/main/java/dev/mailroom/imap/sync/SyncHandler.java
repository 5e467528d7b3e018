package dev.mailroom.imap.sync;

import dev.mailroom.imap.fetch.BodyPart;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives a {@link MailboxSync}'s events, on the session's reader thread while the data streams in (so a slow
 * handler slows the server down instead of filling memory). A handler must not wait there for another command of
 * the same session. An exception fails the sync; the cursor last persisted stays valid.
 *
 * <pre>{@code
 * SyncHandler handler = new SyncHandler() {
 *   public void body(BodyPart part, InputStream content) throws IOException {
 *     Files.copy(content, spool.resolve(part.seq() + ".tmp"), StandardCopyOption.REPLACE_EXISTING);
 *   }
 *   public void event(SyncEvent e) throws IOException {
 *     if (e instanceof SyncEvent.NewMessage n) { commit(n); }
 *   }
 * };
 * }</pre>
 */
public interface SyncHandler {
  /** One change; see {@link SyncEvent} for what each means and when it may repeat. */
  void event(SyncEvent event) throws IOException;

  /**
   * A body section of the next new message (its UID is in {@code part} when the server sent the UID first, as
   * Dovecot does; the {@link SyncEvent.NewMessage} with the same sequence number follows). The default drains it.
   */
  default void body(BodyPart part, InputStream content) throws IOException {
    content.transferTo(java.io.OutputStream.nullOutputStream());
  }
}
