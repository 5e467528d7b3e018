package dev.mailroom.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Endpoint;
import dev.mailroom.mime.Attachment;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.MockSmtpServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's send example, mirrored line for line (only the endpoint points at a scripted server instead of a
 * real one), so the snippet keeps compiling and working. Keep the two in step.
 */
class ReadmeExamplesTest {
  @StartStop final MockSmtpServer smtp = new MockSmtpServer();

  @Test
  void sendExample(@TempDir Path dir) throws Exception {
    Path report = Files.write(dir.resolve("report.pdf"), new byte[] {'%', 'P', 'D', 'F'});
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "PIPELINING", "8BITMIME", "SIZE 10000000");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(354, "go on"),
        MockReply.of(250, "2.0.0 Ok: queued as 4BF6F20C1F1"), MockReply.of(221, "bye"));

    // --- README: "Example: sending" ---
    SmtpClient client = SmtpClient.builder()
        .endpoint(Endpoint.plain("localhost", smtp.port()))   // README: Endpoint.startTls("smtp.example.org", 587)
        .clientName("laptop.example.org")
        .build();
    MimeMessage message = MimeMessage.builder()
        .from("Alice Martin <alice@example.org>")
        .to("bob@example.org")
        .subject("Grüße aus Zürich")
        .text("Hello Bob,\nthe report is attached.\n")
        .attach(Attachment.of(report))
        .build();
    try (SmtpSession session = client.connect()) {
      SendReport sent = session.send(Envelope.of("alice@example.org", "bob@example.org"), message);
      sent.rejectedRecipients().forEach(r -> System.err.println(r.address() + ": " + r.reply()));
      System.out.println("queued as " + sent.queueId().orElse("?"));
      assertEquals("4BF6F20C1F1", sent.queueId().orElseThrow());
    }
    // --- end of README example ---

    assertTrue(smtp.takeCommand().line().startsWith("EHLO laptop.example.org"));
    assertEquals(message.toByteArray().length, smtp.takeMessage().bytes().length);
  }
}
