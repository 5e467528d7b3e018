package dev.mailroom.pop3;

/**
 * The server answered {@code -ERR [SYS/TEMP]} (RFC 3206 §4): a temporary problem on the server, not the
 * credentials; trying again later may work.
 */
public final class Pop3SystemTemporaryException extends Pop3CommandException {
  private static final long serialVersionUID = 1L;

  public Pop3SystemTemporaryException(String message, Pop3Reply reply) {
    super(message, reply);
  }
}
