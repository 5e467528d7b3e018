package dev.mailroom.client;

/**
 * The peer broke the protocol grammar (a bare LF, an over-long line, an unexpected reply, injected bytes after a
 * STARTTLS go-ahead) or the connection was lost. The connection is closed: it cannot be brought back into step.
 */
public class MailProtocolException extends MailException {
  private static final long serialVersionUID = 1L;

  public MailProtocolException(String message) {
    super(message);
  }

  public MailProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
