package dev.mailroom.samples.cli;

import dev.mailroom.client.MailException;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code mailroom check --send-and-receive}: submits a probe carrying a unique token in an
 * {@code X-Mailroom-Probe} header over SMTP, waits for it in the watched mailbox (which started before the send and
 * looks only at what arrives after), and deletes it. The latency is from the server's acceptance of the message
 * (the reply to the end of DATA) to the moment the probe was seen in the mailbox.
 */
final class RoundTripProbe {
  static final String HEADER = "X-Mailroom-Probe";

  /**
   * What the probe measured.
   *
   * @param token the probe's unique token
   * @param smtpMillis connecting and sending over SMTP
   * @param arrival the probe as found, if it arrived in time
   * @param latencyMillis from the SMTP acceptance to the probe being seen (or to giving up)
   */
  record Result(String token, long smtpMillis, Optional<WatchedMailbox.Arrival> arrival, long latencyMillis) { }

  private RoundTripProbe() { }

  /** A fresh random token, {@code mailroom-probe-} and 24 hex digits. */
  static String newToken() {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return "mailroom-probe-" + HexFormat.of().formatHex(random);
  }

  /**
   * Sends the probe from {@code from} to {@code to} and waits for it in {@code box} until {@code deadline}
   * ({@link System#nanoTime()}).
   *
   * @throws CommandFailure if the SMTP server refused the probe
   */
  static Result run(SmtpClient smtp, String from, String to, WatchedMailbox box, long deadline,
      java.util.concurrent.atomic.AtomicInteger checked) throws IOException, InterruptedException {
    String token = newToken();
    MimeMessage probe = MimeMessage.builder().from(from).to(to).subject("mailroom probe " + token)
        .header(HEADER, token)
        .text("A round-trip probe from mailroom check --send-and-receive; it deletes itself when it arrives.")
        .build();
    long start = System.nanoTime();
    try (SmtpSession session = smtp.connect()) {
      SendReport report = session.send(Envelope.of(probeAddress(from), probeAddress(to)), probe);
      if (!report.messageAccepted() || !report.rejectedRecipients().isEmpty()) {
        throw new CommandFailure(ExitCodes.CHECK_ERROR, "the SMTP server refused the probe: "
            + Display.escape(report.rejectedRecipients().isEmpty() ? report.finalReply().displayText()
                : report.rejectedRecipients().get(0).reply().displayText()));
      }
    } catch (MailException e) {
      throw new CommandFailure(ExitCodes.CHECK_ERROR, "probe not sent: " + Display.escape(e.getMessage()));
    }
    long accepted = System.nanoTime();
    Optional<WatchedMailbox.Arrival> arrival = box.awaitMatch(MessageMatcher.header(HEADER, token), deadline,
        checked);
    return new Result(token, (accepted - start) / 1_000_000, arrival, (System.nanoTime() - accepted) / 1_000_000);
  }

  private static String probeAddress(String address) {
    return dev.mailroom.mime.MailboxAddress.parse(address).envelopeAddress();
  }
}
