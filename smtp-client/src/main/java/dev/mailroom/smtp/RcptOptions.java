package dev.mailroom.smtp;

import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.mime.MailboxAddress;
import java.util.EnumSet;
import java.util.Set;

/**
 * The DSN parameters of one {@code RCPT TO} (RFC 3461 §4.1, §4.2).
 *
 * @param notifications NOTIFY, empty for none; {@link DsnNotify#NEVER} may not be combined with the others
 * @param originalRecipient ORCPT as an RFC 822 address (sent as {@code rfc822;} plus xtext), or null
 */
public record RcptOptions(Set<DsnNotify> notifications, String originalRecipient) {
  private static final RcptOptions NONE = new RcptOptions(Set.of(), null);

  /** @throws IllegalArgumentException if NEVER is combined, or ORCPT is not a valid ASCII address (S04) */
  public RcptOptions {
    notifications = notifications.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifications));
    if (notifications.contains(DsnNotify.NEVER) && notifications.size() > 1) {
      throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined with other values");
    }
    if (originalRecipient != null) {
      try {
        MailboxAddress.checkEnvelopeAddress(originalRecipient);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid ORCPT '" + Escaping.escape(originalRecipient, 64) + "': "
            + e.getMessage(), e);
      }
      dev.mailroom.smtp.internal.XText.checkDsnText(originalRecipient, 500, "ORCPT");
    }
  }

  /** No DSN parameters. */
  public static RcptOptions none() {
    return NONE;
  }

  /** NOTIFY with these values. */
  public static RcptOptions notifyOn(DsnNotify first, DsnNotify... rest) {
    return new RcptOptions(EnumSet.of(first, rest), null);
  }

  public RcptOptions withOriginalRecipient(String address) {
    return new RcptOptions(notifications, address);
  }

  /** Whether NOTIFY or ORCPT is set, which needs the DSN extension. */
  public boolean usesDsn() {
    return !notifications.isEmpty() || originalRecipient != null;
  }
}
