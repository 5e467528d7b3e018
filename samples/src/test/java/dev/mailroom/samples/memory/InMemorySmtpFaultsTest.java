package dev.mailroom.samples.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Endpoint;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendOutcome;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpCommandException;
import dev.mailroom.smtp.SmtpDeliveryUnknownException;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.smtp.Submission;
import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import dev.mailroom.testkit.memory.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SMTP client against the in-memory server's fault hooks: the failures a real server produces only by chance
 * (a refused recipient, a 451 after DATA, a connection lost after the final dot), made to happen on purpose.
 */
class InMemorySmtpFaultsTest {
  @MailServer InMemoryMailServer server;

  private SmtpClient client() {
    return SmtpClient.builder().endpoint(Endpoint.plain(server.host(), server.smtpPort()))
        .clientName("client.example.test").build();
  }

  private static MimeMessage message(String subject) {
    return MimeMessage.builder().from("alice@example.test").to("bob@example.test").subject(subject)
        .text("hello\n").build();
  }

  @Test
  void aRejectedRecipientIsAPerRecipientResult() throws Exception {
    server.faults().rejectRecipient("alice@example\\.test", 550, "5.2.1 mailbox disabled");
    SendReport report;
    try (SmtpSession session = client().connect()) {
      report = session.send(Envelope.of("carol@example.test", List.of("alice@example.test", "bob@example.test")),
          message("partly"));
    }
    assertTrue(report.messageAccepted());
    assertEquals(550, report.rejectedRecipients().get(0).reply().code());
    assertEquals(1, server.mailbox("bob").size());
    assertEquals(0, server.mailbox("alice").size());
  }

  @Test
  void aTemporaryFailureAfterDataFailsOnlyThatMessageOfABatch() throws Exception {
    List<Submission> batch = List.of(
        Submission.of(Envelope.of("alice@example.test", "bob@example.test"), message("one")),
        Submission.of(Envelope.of("alice@example.test", "bob@example.test"), message("two")));
    server.faults().tempFailData(1);
    List<SendOutcome> outcomes;
    try (SmtpSession session = client().connect()) {
      outcomes = session.sendAll(batch);
    }
    assertFalse(outcomes.get(0).messageAccepted(), outcomes.get(0).toString());
    assertTrue(outcomes.get(1).messageAccepted(), outcomes.get(1).toString());
    assertEquals("two", server.mailbox("bob").messages().get(0).subject().orElseThrow());
    assertEquals(1, server.mailbox("bob").size());
  }

  @Test
  void aConnectionLostAfterTheFinalDotIsDeliveryUnknown() throws Exception {
    server.faults().dropAt(Step.SMTP_DATA_END);
    try (SmtpSession session = client().connect()) {
      assertInstanceOf(SmtpDeliveryUnknownException.class,
          org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
              () -> session.send(Envelope.of("alice@example.test", "bob@example.test"), message("lost"))));
    }
    assertEquals(0, server.mailbox("bob").size());
  }

  @Test
  void aRefusedSenderIsACommandException() throws Exception {
    try (SmtpSession session = SmtpClient.builder()
        .endpoint(Endpoint.plain(server.host(), server.submissionPort())).build().connect()) {
      assertInstanceOf(SmtpCommandException.class, org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> session.send(Envelope.of("alice@example.test", "bob@example.test"), message("no auth"))));
    }
  }
}
