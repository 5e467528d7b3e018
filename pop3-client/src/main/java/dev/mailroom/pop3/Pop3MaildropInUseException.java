package dev.mailroom.pop3;

/**
 * The server answered {@code -ERR [IN-USE]} (RFC 2449 §8.1.1): the credentials were accepted but the maildrop is
 * locked, usually by another POP3 session of the same user. Try again later.
 */
public final class Pop3MaildropInUseException extends Pop3CommandException {
  private static final long serialVersionUID = 1L;

  public Pop3MaildropInUseException(String message, Pop3Reply reply) {
    super(message, reply);
  }
}
