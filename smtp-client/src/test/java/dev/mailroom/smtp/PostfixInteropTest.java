package dev.mailroom.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.mime.Attachment;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.lab.MailLab;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SMTP client against the lab's Postfix: submission with STARTTLS and AUTH (SCRAM-SHA-256, PLAIN), implicit TLS,
 * the inbound port without AUTH; every sent message is read back from bob's mailbox over IMAP and compared byte for
 * byte (Postfix only prepends trace fields).
 */
@Tag("interop")
class PostfixInteropTest {
  private static final Duration DELIVERY = Duration.ofSeconds(30);
  private MailLab lab;
  private TlsOptions labTls;

  @BeforeEach
  void lab() throws Exception {
    lab = MailLab.require();
    labTls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
  }

  private SmtpClient.Builder client(Endpoint endpoint) {
    return SmtpClient.builder().endpoint(endpoint).tls(labTls).clientName("client.example.test");
  }

  private static MimeMessage message(String subject) {
    byte[] attachment = new byte[50_000];
    new Random(subject.hashCode()).nextBytes(attachment);
    return MimeMessage.builder().from("Alice <alice@example.test>").to("bob@example.test").subject(subject)
        .text("Grüße, Bob.\nThe report is attached.\n")
        .attach(Attachment.of(attachment, "application/octet-stream").withFileName("Übersicht.bin"))
        .build();
  }

  /** Sends, then reads the delivered copy back and checks the sent bytes are exactly its tail. */
  private void sendAndReadBack(SmtpClient client, String sender) throws Exception {
    MimeMessage m = message("interop " + System.nanoTime());
    SendReport report;
    try (SmtpSession session = client.connect()) {
      report = session.send(Envelope.of(sender, "bob@example.test"), m);
    }
    assertTrue(report.messageAccepted(), report.toString());
    assertTrue(report.queueId().isPresent(), "Postfix says 'queued as': " + report.finalReply());
    byte[] sent = m.toByteArray();
    byte[] delivered = lab.takeDelivered(MailLab.BOB, m.messageId().orElseThrow(), DELIVERY);
    assertTrue(delivered.length > sent.length);
    assertArrayEquals(sent, Arrays.copyOfRange(delivered, delivered.length - sent.length, delivered.length));
  }

  @Test
  void submissionStartTlsScramSha256() throws Exception {
    sendAndReadBack(client(Endpoint.startTls(lab.host(), MailLab.SUBMISSION))
        .credentials(Credentials.password("alice", "alice-pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.scramSha256())).build(), "alice@example.test");
  }

  @Test
  void submissionStartTlsPlain() throws Exception {
    sendAndReadBack(client(Endpoint.startTls(lab.host(), MailLab.SUBMISSION))
        .credentials(Credentials.password("alice", "alice-pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.plain())).build(), "alice@example.test");
  }

  @Test
  void submissionsImplicitTlsWithANonAsciiPasswordAndChunking() throws Exception {
    sendAndReadBack(client(Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS))
        .credentials(Credentials.password(MailLab.CAROL.name(), MailLab.CAROL.password()))
        .preferChunking(true).build(), "carol@example.test");
  }

  @Test
  void inboundWithoutAuthOverData() throws Exception {
    sendAndReadBack(client(Endpoint.plain(lab.host(), MailLab.SMTP)).pipelining(false).build(),
        "alice@example.test");
  }

  @Test
  void relayDeniedIsAPerRecipientResultAmongOneHundredPipelinedRecipients() throws Exception {
    // Postfix drops a client after 20 errors (smtpd_hard_error_limit) and slows it after 10: 9 refused recipients,
    // 91 accepted ones (bob+N addresses all deliver to bob, recipient_delimiter '+')
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      recipients.add(i % 11 == 5 ? "user" + i + "@outside.example" : "bob+" + i + "@example.test");
    }
    MimeMessage m = message("relay " + System.nanoTime());
    SendReport report;
    try (SmtpSession session = client(Endpoint.plain(lab.host(), MailLab.SMTP)).build().connect()) {
      assertTrue(session.capabilities().pipelining());
      report = session.send(Envelope.of("alice@example.test", recipients), m);
    }
    assertEquals(100, report.recipients().size());
    for (int i = 0; i < 100; i++) {
      RecipientResult result = report.recipients().get(i);
      assertEquals(recipients.get(i), result.address(), "results are in recipient order");
      assertEquals(i % 11 != 5, result.accepted(), result.toString());
    }
    assertEquals(9, report.rejectedRecipients().size());
    SmtpReply denied = report.rejectedRecipients().get(0).reply();
    assertEquals(554, denied.code(), denied.toString());
    assertTrue(String.join(" ", denied.lines()).contains("Relay access denied"), denied.toString());
    assertTrue(report.messageAccepted());
    lab.takeDelivered(MailLab.BOB, m.messageId().orElseThrow(), DELIVERY);
  }

  @Test
  void sendAllPipelinesTenMessagesWithARelayDeniedOneAmongThemOverDataAndBdat() throws Exception {
    for (boolean chunking : new boolean[] {false, true}) {
      List<MimeMessage> messages = new ArrayList<>();
      List<Submission> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        MimeMessage m = message("batch " + chunking + " " + i + " " + System.nanoTime());
        messages.add(m);
        String to = i == 4 ? "nobody@outside.example" : "bob@example.test";
        batch.add(Submission.of(Envelope.of("alice@example.test", to), m));
      }
      List<SendOutcome> outcomes;
      try (SmtpSession session = client(Endpoint.plain(lab.host(), MailLab.SMTP)).preferChunking(chunking).build()
          .connect()) {
        outcomes = session.sendAll(batch);
        assertTrue(session.isOpen());
      }
      for (int i = 0; i < 10; i++) {
        SendReport report = ((SendOutcome.Completed) outcomes.get(i)).report();
        if (i == 4) {
          assertFalse(report.messageAccepted(), report.toString());
          assertEquals(554, report.rejectedRecipients().get(0).reply().code());
          continue;
        }
        assertTrue(report.messageAccepted(), report.toString());
        byte[] sent = messages.get(i).toByteArray();
        byte[] delivered = lab.takeDelivered(MailLab.BOB, messages.get(i).messageId().orElseThrow(), DELIVERY);
        assertArrayEquals(sent, Arrays.copyOfRange(delivered, delivered.length - sent.length, delivered.length));
      }
    }
  }

  @Test
  void dsnParametersAreAccepted() throws Exception {
    MimeMessage m = message("dsn " + System.nanoTime());
    Envelope envelope = new Envelope("alice@example.test",
        List.of(new Envelope.Recipient("bob@example.test",
            RcptOptions.notifyOn(DsnNotify.FAILURE, DsnNotify.DELAY).withOriginalRecipient("bob+orig@example.test"))),
        MailFromOptions.defaults().withReturn(DsnReturn.HDRS).withEnvelopeId("env id=1+2"));
    try (SmtpSession session = client(Endpoint.plain(lab.host(), MailLab.SMTP)).build().connect()) {
      assertTrue(session.capabilities().dsn());
      assertTrue(session.send(envelope, m).messageAccepted());
    }
    lab.takeDelivered(MailLab.BOB, m.messageId().orElseThrow(), DELIVERY);
  }

  @Test
  void twentyMegabytesAreStreamedNotHeld() throws Exception {
    String id = "<big." + System.nanoTime() + "@example.test>";
    byte[] head = ("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nFrom: alice@example.test\r\nTo: bob@example.test\r\n"
        + "Subject: twenty megabytes\r\nMessage-ID: " + id + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    int lines = 20_000_000 / line.length;
    long size = head.length + (long) lines * line.length;
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    InputStream body = new InputStream() { // generated as it is read: the test holds one line, not 20 MB
      private int remaining = lines;
      private int pos = line.length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == line.length) {
          if (remaining == 0) {
            return -1;
          }
          remaining--;
          pos = 0;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
      }
    };
    InputStream whole = new java.security.DigestInputStream(
        new SequenceInputStream(new ByteArrayInputStream(head), body), sent);
    try (SmtpSession session = client(Endpoint.plain(lab.host(), MailLab.SMTP)).build().connect()) {
      assertTrue(session.send(Envelope.of("alice@example.test", "bob@example.test"), whole, size).messageAccepted());
    }
    byte[] delivered = lab.takeDelivered(MailLab.BOB, id, Duration.ofSeconds(60));
    assertTrue(delivered.length >= size);
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    received.update(delivered, (int) (delivered.length - size), (int) size);
    assertArrayEquals(sent.digest(), received.digest());
    assertFalse(new String(delivered, 0, 200, StandardCharsets.US_ASCII).isEmpty());
  }
}
