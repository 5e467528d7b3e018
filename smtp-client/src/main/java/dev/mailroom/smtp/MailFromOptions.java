package dev.mailroom.smtp;

import dev.mailroom.smtp.internal.XText;

/**
 * The parameters of {@code MAIL FROM} beyond SIZE, which is always sent when the server advertises SIZE (RFC 1870).
 *
 * <pre>{@code
 * MailFromOptions dsn = MailFromOptions.defaults().withReturn(DsnReturn.HDRS).withEnvelopeId("order-4711");
 * }</pre>
 *
 * @param body the BODY parameter, or null to choose from the content (7BIT, or 8BITMIME for 8-bit content)
 * @param smtpUtf8 send SMTPUTF8 (RFC 6531); also sent automatically when an address is not ASCII
 * @param dsnReturn RET (RFC 3461), or null
 * @param envelopeId ENVID (RFC 3461), printable ASCII of at most 100 characters before xtext encoding, or null
 * @param requireTls REQUIRETLS (RFC 8689): the message must travel over TLS all the way
 */
public record MailFromOptions(BodyType body, boolean smtpUtf8, DsnReturn dsnReturn, String envelopeId,
    boolean requireTls) {

  private static final MailFromOptions DEFAULTS = new MailFromOptions(null, false, null, null, false);

  /** @throws IllegalArgumentException if the envelope id is empty, too long or not printable ASCII (S04) */
  public MailFromOptions {
    if (envelopeId != null) {
      XText.checkDsnText(envelopeId, 100, "ENVID");
    }
  }

  /** No parameters: BODY chosen from the content, no DSN. */
  public static MailFromOptions defaults() {
    return DEFAULTS;
  }

  public MailFromOptions withBody(BodyType value) {
    return new MailFromOptions(value, smtpUtf8, dsnReturn, envelopeId, requireTls);
  }

  public MailFromOptions withSmtpUtf8(boolean value) {
    return new MailFromOptions(body, value, dsnReturn, envelopeId, requireTls);
  }

  public MailFromOptions withReturn(DsnReturn value) {
    return new MailFromOptions(body, smtpUtf8, value, envelopeId, requireTls);
  }

  public MailFromOptions withEnvelopeId(String value) {
    return new MailFromOptions(body, smtpUtf8, dsnReturn, value, requireTls);
  }

  public MailFromOptions withRequireTls(boolean value) {
    return new MailFromOptions(body, smtpUtf8, dsnReturn, envelopeId, value);
  }

  /** Whether RET or ENVID is set, which needs the DSN extension. */
  public boolean usesDsn() {
    return dsnReturn != null || envelopeId != null;
  }
}
