package dev.mailroom.client;

/**
 * Authentication failed: the server rejected the credentials, a SASL exchange broke (and was cancelled with
 * {@code *}), the server could not prove it knows the password (SCRAM), or the server claimed an impossible state
 * such as "already authenticated" right after TLS (session fixation).
 */
public class MailAuthenticationException extends MailException {
  private static final long serialVersionUID = 1L;

  public MailAuthenticationException(String message) {
    super(message);
  }

  public MailAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
