package dev.mailroom.samples.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.mime.Attachment;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.DsnNotify;
import dev.mailroom.smtp.DsnReturn;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.MailFromOptions;
import dev.mailroom.smtp.RcptOptions;
import dev.mailroom.smtp.RecipientResult;
import dev.mailroom.smtp.SendOutcome;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpReply;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.smtp.Submission;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3Session;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The client scenarios that must pass the same way against every {@link MailBackend}: each subclass supplies a
 * backend (the in-memory server, the lab's Postfix and Dovecot), and every sent message is read back from the store
 * the backend delivered it to, or over POP3 with Mailroom's client, and compared byte for byte (servers only prepend
 * trace fields). An IMAP leg adds its scenarios here once the IMAP client is on main.
 */
abstract class SmtpScenarios {
  static final Duration DELIVERY = Duration.ofSeconds(30);

  abstract MailBackend backend();

  SmtpClient.Builder client(Endpoint endpoint) throws Exception {
    return SmtpClient.builder().endpoint(endpoint).tls(backend().tls()).clientName("client.example.test");
  }

  static MimeMessage message(String subject) {
    byte[] attachment = new byte[20_000];
    new Random(subject.hashCode()).nextBytes(attachment);
    return MimeMessage.builder().from("Alice <alice@example.test>").to("bob@example.test").subject(subject)
        .text("Grüße, Bob.\n.a line with a leading dot\n")
        .attach(Attachment.of(attachment, "application/octet-stream").withFileName("Übersicht.bin"))
        .build();
  }

  private void sendAndReadBack(SmtpClient client, String sender) throws Exception {
    MimeMessage m = message("scenario " + System.nanoTime());
    SendReport report;
    try (SmtpSession session = client.connect()) {
      report = session.send(Envelope.of(sender, "bob@example.test"), m);
    }
    assertTrue(report.messageAccepted(), report.toString());
    assertTrue(report.queueId().isPresent(), report.finalReply().toString());
    assertDeliveredTail(m);
  }

  void assertDeliveredTail(MimeMessage m) throws Exception {
    byte[] sent = m.toByteArray();
    byte[] delivered = backend().takeDelivered("bob", m.messageId().orElseThrow(), DELIVERY);
    assertTrue(delivered.length > sent.length, "trace fields were prepended");
    assertArrayEquals(sent, Arrays.copyOfRange(delivered, delivered.length - sent.length, delivered.length));
  }

  @Test
  void submissionWithStartTlsAndPasswordAuthentication() throws Exception {
    sendAndReadBack(client(backend().submission()).credentials(Credentials.password("alice", "alice-pw")).build(),
        "alice@example.test");
  }

  @Test
  void submissionWithStartTlsAndScramSha256() throws Exception {
    sendAndReadBack(client(backend().submission()).credentials(Credentials.password("alice", "alice-pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.scramSha256())).build(), "alice@example.test");
  }

  @Test
  void submissionWithStartTlsAndPlain() throws Exception {
    sendAndReadBack(client(backend().submission()).credentials(Credentials.password("alice", "alice-pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.plain())).build(), "alice@example.test");
  }

  @Test
  void implicitTlsWithANonAsciiPasswordAndChunking() throws Exception {
    sendAndReadBack(client(backend().submissions()).credentials(Credentials.password("carol", "p\u00e4ssw\u00f6rd"))
        .preferChunking(true).build(), "carol@example.test");
  }

  @Test
  void inboundWithoutAuthenticationOverDataWithoutPipelining() throws Exception {
    sendAndReadBack(client(backend().smtpInbound()).pipelining(false).build(), "alice@example.test");
  }

  @Test
  void relayDeniedIsAPerRecipientResultAmongPipelinedRecipients() throws Exception {
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      recipients.add(i % 4 == 1 ? "user" + i + "@outside.example" : "bob+" + i + "@example.test");
    }
    MimeMessage m = message("relay " + System.nanoTime());
    SendReport report;
    try (SmtpSession session = client(backend().smtpInbound()).build().connect()) {
      assertTrue(session.capabilities().pipelining());
      report = session.send(Envelope.of("alice@example.test", recipients), m);
    }
    assertEquals(12, report.recipients().size());
    for (int i = 0; i < 12; i++) {
      RecipientResult result = report.recipients().get(i);
      assertEquals(recipients.get(i), result.address());
      assertEquals(i % 4 != 1, result.accepted(), result.toString());
    }
    SmtpReply denied = report.rejectedRecipients().get(0).reply();
    assertEquals(554, denied.code(), denied.toString());
    assertTrue(String.join(" ", denied.lines()).contains("Relay access denied"), denied.toString());
    assertTrue(report.messageAccepted());
    assertDeliveredTail(m);
  }

  @Test
  void aBatchIsPipelinedAcrossTransactionsAndEveryMessageArrives() throws Exception {
    List<MimeMessage> messages = new ArrayList<>();
    List<Submission> submissions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      MimeMessage m = message("batch " + i + " " + System.nanoTime());
      messages.add(m);
      submissions.add(Submission.of(Envelope.of("alice@example.test", "bob@example.test"), m));
    }
    List<SendOutcome> outcomes;
    try (SmtpSession session = client(backend().smtpInbound()).build().connect()) {
      outcomes = session.sendAll(submissions);
    }
    assertEquals(5, outcomes.size());
    for (int i = 0; i < 5; i++) {
      assertTrue(outcomes.get(i).messageAccepted(), outcomes.get(i).toString());
      assertDeliveredTail(messages.get(i));
    }
  }

  @Test
  void sentMailIsRetrievedOverPop3ByteForByteAndDeleted() throws Exception {
    MimeMessage m = message("pop3 " + System.nanoTime());
    try (SmtpSession session = client(backend().smtpInbound()).build().connect()) {
      assertTrue(session.send(Envelope.of("alice@example.test", "bob@example.test"), m).messageAccepted());
    }
    byte[] sent = m.toByteArray();
    String messageId = m.messageId().orElseThrow();
    Pop3Client pop3 = Pop3Client.builder().endpoint(backend().pop3()).tls(backend().tls())
        .credentials(Credentials.password("bob", "bob-pw")).build();
    long deadline = System.nanoTime() + DELIVERY.toNanos();
    while (true) {
      try (Pop3Session session = pop3.connect()) {
        int count = session.stat().messageCount();
        for (int n = count; n >= 1; n--) { // newest first; only this test's message is touched
          String header;
          try (InputStream top = session.top(n, 0)) {
            header = new String(top.readAllBytes(), StandardCharsets.UTF_8);
          }
          if (header.contains(messageId)) {
            byte[] delivered;
            try (InputStream body = session.retrieve(n)) {
              delivered = body.readAllBytes();
            }
            assertArrayEquals(sent, Arrays.copyOfRange(delivered, delivered.length - sent.length, delivered.length));
            session.delete(n);
            assertTrue(session.quit().committed());
            return;
          }
        }
      }
      assertTrue(System.nanoTime() < deadline, "not delivered to bob's maildrop: " + messageId);
      Thread.sleep(200);
    }
  }

  @Test
  void dsnParametersAreAccepted() throws Exception {
    MimeMessage m = message("dsn " + System.nanoTime());
    Envelope envelope = new Envelope("alice@example.test",
        List.of(new Envelope.Recipient("bob@example.test",
            RcptOptions.notifyOn(DsnNotify.FAILURE, DsnNotify.DELAY).withOriginalRecipient("bob+orig@example.test"))),
        MailFromOptions.defaults().withReturn(DsnReturn.HDRS).withEnvelopeId("env id=1+2"));
    try (SmtpSession session = client(backend().smtpInbound()).build().connect()) {
      assertTrue(session.capabilities().dsn());
      assertTrue(session.send(envelope, m).messageAccepted());
    }
    assertDeliveredTail(m);
  }
}
