package dev.mailroom.benchmarks;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailException;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;

/**
 * Mailroom sending over one {@link SmtpSession}, opened once and reused for every message, written as a user would:
 * the default client (PIPELINING when offered, DATA) or, with {@code preferChunking}, BDAT whenever the server offers
 * CHUNKING, so a message up to the chunk size goes out with its envelope in one flight.
 */
final class MailroomSmtpSubject implements AutoCloseable {
  private final SmtpSession session;
  private final Envelope envelope = Envelope.of(SmtpMessage.MAILBOX, SmtpMessage.MAILBOX);
  private final byte[] message;

  MailroomSmtpSubject(String host, int port, byte[] message, boolean preferChunking) throws MailException {
    this.message = message;
    SmtpClient client = SmtpClient.builder()
        .endpoint(Endpoint.plain(host, port))
        .clientName(SmtpMessage.CLIENT_NAME)
        .preferChunking(preferChunking)
        .build();
    this.session = client.connect();
  }

  /** Sends the message once; throws if the recipient was refused (Mailroom reports that as data). */
  SendReport send() throws MailException {
    SendReport report = session.send(envelope, message);
    if (!report.rejectedRecipients().isEmpty()) {
      throw new IllegalStateException("recipient refused: " + report.rejectedRecipients());
    }
    return report;
  }

  @Override
  public void close() {
    session.close();
  }
}
