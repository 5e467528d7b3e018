package dev.mailroom.smtp.internal;

import dev.mailroom.smtp.BodyType;
import dev.mailroom.smtp.DsnNotify;
import dev.mailroom.smtp.EhloCapabilities;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.MailFromOptions;
import dev.mailroom.smtp.RcptOptions;
import java.util.StringJoiner;

/** The text of MAIL FROM and RCPT TO with their ESMTP parameters; every value was validated by the envelope. */
final class EnvelopeCommands {
  private EnvelopeCommands() { }

  static String mailFrom(Envelope envelope, EhloCapabilities caps, long size, BodyType body) {
    MailFromOptions o = envelope.mailFromOptions();
    StringBuilder line = new StringBuilder(64).append("MAIL FROM:<").append(envelope.sender()).append('>');
    if (caps.maxSize() >= 0) {
      line.append(" SIZE=").append(size);
    }
    if (body != null && (body != BodyType.SEVEN_BIT || caps.eightBitMime())) {
      line.append(" BODY=").append(body.keyword());
    }
    if (envelope.needsSmtpUtf8() || o.smtpUtf8()) {
      line.append(" SMTPUTF8");
    }
    if (o.dsnReturn() != null) {
      line.append(" RET=").append(o.dsnReturn().name());
    }
    if (o.envelopeId() != null) {
      line.append(" ENVID=").append(XText.encode(o.envelopeId()));
    }
    if (o.requireTls()) {
      line.append(" REQUIRETLS");
    }
    return line.toString();
  }

  static String rcptTo(Envelope.Recipient recipient) {
    StringBuilder line = new StringBuilder(48).append("RCPT TO:<").append(recipient.address()).append('>');
    RcptOptions o = recipient.options();
    if (!o.notifications().isEmpty()) {
      StringJoiner values = new StringJoiner(",");
      for (DsnNotify n : DsnNotify.values()) {
        if (o.notifications().contains(n)) {
          values.add(n.name());
        }
      }
      line.append(" NOTIFY=").append(values);
    }
    if (o.originalRecipient() != null) {
      line.append(" ORCPT=rfc822;").append(XText.encode(o.originalRecipient()));
    }
    return line.toString();
  }
}
