package dev.mailroom.smtp;

import dev.mailroom.client.MailProtocolException;
import java.util.Optional;

/**
 * The whole message was sent (the final {@code .} or {@code BDAT ... LAST}), then the connection was lost or timed
 * out before the server's reply: the message may or may not have been accepted (SECURITY.md R03, RFC 1047). Nothing
 * is retried automatically. If the caller resends, the receiving side can drop the duplicate by {@link #messageId()}.
 */
public class SmtpDeliveryUnknownException extends MailProtocolException {
  private static final long serialVersionUID = 1L;

  private final String messageId;

  public SmtpDeliveryUnknownException(String message, String messageId, Throwable cause) {
    super(message, cause);
    this.messageId = messageId;
  }

  /** The Message-ID of the message whose fate is unknown, when it was known (a {@code MimeMessage} with one). */
  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }
}
