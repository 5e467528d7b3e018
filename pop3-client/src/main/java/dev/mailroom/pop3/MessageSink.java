package dev.mailroom.pop3;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where {@link FetchJob} puts each downloaded message. Returning normally is the promise that the message is stored
 * durably (written and synced, committed, handed off): only then may the job record it as seen and delete it from
 * the server. Throwing means "not stored"; the message stays on the server and is offered again next run.
 *
 * <p>The stream is the message as it arrives, un-stuffed. If the connection is lost in the middle, a read throws
 * {@link dev.mailroom.client.MailProtocolException}: the message is incomplete and must not be kept (SECURITY.md P05).
 * A sink that returns without having read the stream to its end is treated as having failed.
 *
 * <pre>{@code
 * MessageSink sink = (ref, body) -> {
 *   Path tmp = Files.createTempFile(dir, "in", ".tmp");
 *   try (OutputStream out = Files.newOutputStream(tmp)) {
 *     body.transferTo(out);
 *   }
 *   // name by a hash of the uid: uids are opaque server text, never paths (SECURITY.md P07)
 *   Files.move(tmp, dir.resolve(sha256Hex(ref.uid()) + ".eml"), StandardCopyOption.ATOMIC_MOVE);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface MessageSink {
  /**
   * Stores one message durably, or throws.
   *
   * @param message which message
   * @param body its bytes; read it to the end
   * @throws IOException if it could not be stored
   */
  void store(MessageRef message, InputStream body) throws IOException;
}
