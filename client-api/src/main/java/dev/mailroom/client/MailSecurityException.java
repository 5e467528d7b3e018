package dev.mailroom.client;

/**
 * Mailroom failed closed before any credential, command argument or message byte left: TLS was required but not
 * offered or refused, a certificate or host name did not verify, or credentials would have crossed a cleartext
 * connection to a host that is not loopback without the caller's explicit opt-in.
 */
public class MailSecurityException extends MailException {
  private static final long serialVersionUID = 1L;

  public MailSecurityException(String message) {
    super(message);
  }

  public MailSecurityException(String message, Throwable cause) {
    super(message, cause);
  }
}
