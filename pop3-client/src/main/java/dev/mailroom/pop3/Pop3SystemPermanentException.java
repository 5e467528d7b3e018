package dev.mailroom.pop3;

/**
 * The server answered {@code -ERR [SYS/PERM]} (RFC 3206 §4): a permanent problem on the server, not the
 * credentials; trying again will not help until someone intervenes.
 */
public final class Pop3SystemPermanentException extends Pop3CommandException {
  private static final long serialVersionUID = 1L;

  public Pop3SystemPermanentException(String message, Pop3Reply reply) {
    super(message, reply);
  }
}
