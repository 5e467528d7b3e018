package dev.mailroom.smtp;

import dev.mailroom.client.MailProtocolException;

/**
 * The connection was lost or timed out before the message was complete (before the final {@code .} or the last
 * BDAT chunk). The server must act as if the transaction had been reset (RFC 5321 §3.8), so the message was
 * certainly not delivered and can be sent again on a new connection (SECURITY.md R04).
 */
public class SmtpNotDeliveredException extends MailProtocolException {
  private static final long serialVersionUID = 1L;

  public SmtpNotDeliveredException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Always true: sending the message again cannot create a duplicate. */
  public boolean isRetrySafe() {
    return true;
  }
}
