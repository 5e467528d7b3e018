package dev.mailroom.client;

/**
 * A deadline passed: connect, greeting, TLS handshake, a command's whole deadline (a server that dribbles bytes does
 * not extend it), the read idle limit or a write. The connection is closed.
 */
public class MailTimeoutException extends MailException {
  private static final long serialVersionUID = 1L;

  public MailTimeoutException(String message) {
    super(message);
  }

  public MailTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
