package dev.mailroom.pop3;

/**
 * The server answered {@code -ERR [LOGIN-DELAY]} (RFC 2449 §8.1.2): the user logged in more recently than the
 * server allows; see {@link Pop3Capabilities#loginDelay()} for the minimum interval.
 */
public final class Pop3LoginDelayException extends Pop3CommandException {
  private static final long serialVersionUID = 1L;

  public Pop3LoginDelayException(String message, Pop3Reply reply) {
    super(message, reply);
  }
}
