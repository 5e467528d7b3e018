package dev.mailroom.smtp;

import dev.mailroom.client.MailCommandException;

/**
 * The message or envelope needs something the server did not advertise (SIZE limit, 8BITMIME, SMTPUTF8, DSN,
 * CHUNKING, BINARYMIME, REQUIRETLS), so it was refused locally before any byte of the transaction was written. The
 * session is still usable; the caller may rebuild the message (for example with quoted-printable bodies) and retry.
 */
public class SmtpCapabilityException extends MailCommandException {
  private static final long serialVersionUID = 1L;

  public SmtpCapabilityException(String message) {
    super(message, "");
  }
}
