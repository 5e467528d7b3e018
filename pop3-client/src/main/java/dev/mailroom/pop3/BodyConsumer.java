package dev.mailroom.pop3;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives message bodies from {@link Pop3Session#retrieveAll} and {@link Pop3Session#topAll}, one at a time, in the
 * order asked. The stream is un-stuffed (RFC 1939 §3) and reads the connection directly: read it within the call
 * and do not keep it. Whatever is left unread is skipped when the call returns. A connection lost in the middle
 * makes a read throw {@link dev.mailroom.client.MailProtocolException}: the body is incomplete (SECURITY.md P05).
 *
 * <pre>{@code
 * session.retrieveAll(List.of(1, 2, 3), (number, body) -> Files.copy(body, dir.resolve(number + ".eml")));
 * }</pre>
 */
@FunctionalInterface
public interface BodyConsumer {
  /**
   * Consumes one body.
   *
   * @param number the message number
   * @param body the body, without the terminating dot line; do not close it from another thread
   * @throws IOException to stop the batch: the replies still in flight are read and skipped, then it is rethrown
   */
  void accept(int number, InputStream body) throws IOException;
}
