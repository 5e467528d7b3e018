package dev.mailroom.benchmarks;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailException;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendOutcome;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.smtp.Submission;
import java.util.ArrayList;
import java.util.List;

/**
 * Mailroom sending over one {@link SmtpSession}, opened once and reused for every message, written as a user would:
 * the default client (PIPELINING when offered, DATA) or, with {@code preferChunking}, BDAT whenever the server offers
 * CHUNKING (the envelope's replies are read before the body is sent, so a message is two round trips either way), or
 * with {@code sendAll}, where each body shares its flight with the next message's envelope.
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

  /** Sends the message {@code count} times in one {@code sendAll}; throws unless every one was accepted. */
  List<SendOutcome> sendBatch(int count) {
    List<Submission> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(Submission.of(envelope, message));
    }
    List<SendOutcome> outcomes = session.sendAll(batch);
    for (SendOutcome outcome : outcomes) {
      if (!outcome.messageAccepted()) {
        throw new IllegalStateException("not accepted: " + outcome);
      }
    }
    return outcomes;
  }

  @Override
  public void close() {
    session.close();
  }
}
