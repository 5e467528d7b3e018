package dev.mailroom.smtp;

import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.mime.MailboxAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who a message is from and to, as SMTP sees it (RFC 5321 §3.3), independent of the message's headers. Every
 * address is checked with {@link MailboxAddress#checkEnvelopeAddress(String)} when the envelope is built, so CR, LF,
 * NUL, angle brackets or white space can never reach {@code MAIL FROM} or {@code RCPT TO} (SECURITY.md S01, S02):
 * commands are encoded as UTF-8 and never narrowed char by char. Unicode controls, format characters (bidi
 * overrides) and line or paragraph separators are refused as well.
 *
 * <pre>{@code
 * Envelope envelope = Envelope.of("alice@example.org", "bob@example.org", "carol@example.org")
 *     .withMailFromOptions(MailFromOptions.defaults().withEnvelopeId("order-4711"));
 * }</pre>
 *
 * @param sender the reverse-path address, or "" for the null reverse-path {@code <>} (bounces)
 * @param recipients one or more recipients
 * @param mailFromOptions the MAIL FROM parameters
 */
public record Envelope(String sender, List<Recipient> recipients, MailFromOptions mailFromOptions) {

  /**
   * One recipient.
   *
   * @param address the forward-path address
   * @param options its DSN parameters
   */
  public record Recipient(String address, RcptOptions options) {
    /** @throws IllegalArgumentException if the address is not a valid envelope address */
    public Recipient {
      checkAddress(address, "recipient");
      Objects.requireNonNull(options, "options");
    }

    /** A recipient without DSN parameters. */
    public static Recipient of(String address) {
      return new Recipient(address, RcptOptions.none());
    }
  }

  /** @throws IllegalArgumentException if an address is invalid or there is no recipient */
  public Envelope {
    Objects.requireNonNull(sender, "sender");
    if (!sender.isEmpty()) {
      checkAddress(sender, "sender");
    }
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("an envelope needs at least one recipient");
    }
    Objects.requireNonNull(mailFromOptions, "mailFromOptions");
  }

  /** An envelope from {@code sender} to the recipients, without parameters. */
  public static Envelope of(String sender, String... recipients) {
    List<Recipient> list = new ArrayList<>(recipients.length);
    for (String r : recipients) {
      list.add(Recipient.of(r));
    }
    return new Envelope(sender, list, MailFromOptions.defaults());
  }

  /** An envelope from {@code sender} to the recipients, without parameters. */
  public static Envelope of(String sender, List<String> recipients) {
    return of(sender, recipients.toArray(new String[0]));
  }

  public Envelope withMailFromOptions(MailFromOptions value) {
    return new Envelope(sender, recipients, value);
  }

  /** A copy with one more recipient. */
  public Envelope withRecipient(Recipient recipient) {
    List<Recipient> list = new ArrayList<>(recipients);
    list.add(recipient);
    return new Envelope(sender, list, mailFromOptions);
  }

  /** Whether any address is not ASCII, which needs SMTPUTF8 (RFC 6531). */
  public boolean needsSmtpUtf8() {
    if (!isAscii(sender)) {
      return true;
    }
    for (Recipient r : recipients) {
      if (!isAscii(r.address())) {
        return true;
      }
    }
    return false;
  }

  /** Whether any DSN parameter is set. */
  public boolean usesDsn() {
    return mailFromOptions.usesDsn() || recipients.stream().anyMatch(r -> r.options().usesDsn());
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  private static void checkAddress(String address, String role) {
    Objects.requireNonNull(address, role);
    try {
      MailboxAddress.checkEnvelopeAddress(address);
      address.codePoints().forEach(cp -> {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
          throw new IllegalArgumentException("control, format or separator character U+"
              + String.format("%04X", cp));
        }
      });
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + role + " address '" + Escaping.escape(address, 64) + "': "
          + e.getMessage(), e);
    }
  }
}
