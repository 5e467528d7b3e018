package dev.mailroom.imap;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import java.util.Optional;

/**
 * The whole {@code APPEND} was sent, then the connection was lost or timed out before the tagged response: the
 * message may or may not have been stored (SECURITY.md I25). Nothing is retried automatically. Before appending it
 * again, look for it, e.g. {@code UID SEARCH HEADER Message-ID <id>} on a new session.
 *
 * <pre>{@code
 * try {
 *   session.append(MailboxName.of("Sent"), AppendRequest.of(message)).await();
 * } catch (ImapAppendUnknownException e) {
 *   log.warn("may be stored: {} in {}", e.messageId().orElse("?"), e.mailbox());
 * }
 * }</pre>
 */
public class ImapAppendUnknownException extends MailProtocolException {
  private static final long serialVersionUID = 1L;
  private final String mailbox;
  private final String messageId;

  public ImapAppendUnknownException(String mailbox, Optional<String> messageId, MailException cause) {
    super("APPEND to " + mailbox + " was sent but not answered; the message may have been stored"
        + messageId.map(id -> " (Message-ID " + id + ")").orElse("") + ": " + cause.getMessage(), cause);
    this.mailbox = mailbox;
    this.messageId = messageId.orElse(null);
  }

  /** The mailbox the message was appended to. */
  public String mailbox() {
    return mailbox;
  }

  /** The message's Message-ID when the request knew it ({@link AppendRequest#messageId()}). */
  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }
}
