package dev.mailroom.smtp;

/**
 * The server answered 421 "service not available, closing transmission channel" (RFC 5321 §3.8), wherever it came:
 * greeting, EHLO, MAIL, RCPT, DATA or after the final dot. The connection is closed and nothing is resent on
 * another one (SECURITY.md S15): if it came after the message was sent, whether it was delivered is for the caller
 * to decide.
 */
public class SmtpServiceClosingException extends SmtpCommandException {
  private static final long serialVersionUID = 1L;

  public SmtpServiceClosingException(String message, SmtpReply reply) {
    super(message, reply);
  }
}
