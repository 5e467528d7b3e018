package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.MockSmtpServer;
import dev.mailroom.testkit.RecordedCommand;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailroom send} in-process against {@link MockSmtpServer}: per-recipient output and the exit codes. */
@ExtendWith(StartStopExtension.class)
class SendCommandTest {
  @StartStop final MockSmtpServer smtp = new MockSmtpServer();

  private List<String> args(String... more) {
    List<String> args = new ArrayList<>(List.of("send", "--host", "localhost", "--port", String.valueOf(smtp.port()),
        "--security", "plain", "--client-name", "client.test", "--timeout", "5"));
    args.addAll(List.of(more));
    return args;
  }

  private Cli.Result send(String... more) {
    return Cli.run(args(more).toArray(String[]::new));
  }

  private void enqueueSession(String... capabilities) {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", capabilities);
  }

  private List<String> commands() {
    return smtp.commands().stream().map(RecordedCommand::line).toList();
  }

  private static List<String> lines(String out) {
    return List.of(out.split("\\R"));
  }

  @Test
  void everyRecipientAcceptedPrintsTheQueueIdAndExitsZero() throws Exception {
    enqueueSession("PIPELINING", "ENHANCEDSTATUSCODES");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(250, "2.1.5 ok"),
        MockReply.of(354, "go"), MockReply.of(250, "2.0.0 Ok: queued as Q1"), MockReply.of(221, "bye"));
    Cli.Result r = send("--from", "Alice <alice@client.test>", "--to", "bob@mx.test", "--cc", "carol@mx.test",
        "--subject", "Hi", "--text", "Hello Bob");
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    List<String> lines = lines(r.out());
    assertEquals(List.of("accepted bob@mx.test", "accepted carol@mx.test", "queued as Q1"), lines.subList(0, 3));
    assertEquals(4, lines.size(), r.out());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<alice@client.test>", "RCPT TO:<bob@mx.test>",
        "RCPT TO:<carol@mx.test>", "DATA", "QUIT"), commands());
    MimeMessage received = MimeMessage.parse(smtp.takeMessage().bytes());
    assertEquals("Hi", received.subject().orElseThrow());
    assertEquals("message-id " + received.messageId().orElseThrow(), lines.get(3));
    assertEquals("Hello Bob", received.textBody().orElseThrow().decodedText().strip());
  }

  @Test
  void aRejectedRecipientIsPrintedWithItsReplyAndExitsOne() {
    enqueueSession("PIPELINING", "ENHANCEDSTATUSCODES");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"),
        MockReply.of(550, "5.1.1 no such user"), MockReply.of(354, "go"), MockReply.of(250, "2.0.0 queued as Q2"),
        MockReply.of(221, "bye"));
    Cli.Result r = send("--from", "alice@client.test", "--to", "bob@mx.test", "--to", "nobody@mx.test",
        "--text", "x");
    assertEquals(ExitCodes.SOME_REJECTED, r.code(), r.toString());
    assertEquals(List.of("accepted bob@mx.test", "rejected nobody@mx.test 550 5.1.1 no such user", "queued as Q2"),
        lines(r.out()).subList(0, 3));
  }

  @Test
  void everyRecipientRejectedMeansNotDeliveredAndExitsTwo() {
    enqueueSession("ENHANCEDSTATUSCODES");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(550, "5.1.1 no such user"), MockReply.of(250, "ok"),
        MockReply.of(221, "bye"));
    Cli.Result r = send("--from", "alice@client.test", "--to", "nobody@mx.test", "--text", "x");
    assertEquals(ExitCodes.NOT_DELIVERED, r.code(), r.toString());
    assertTrue(r.out().startsWith("rejected nobody@mx.test 550 5.1.1 no such user"), r.out());
    assertTrue(r.out().contains("message refused: 550"), r.out());
    assertFalse(commands().contains("DATA"), "no byte of the message was sent: " + commands());
  }

  @Test
  void aLostReplyToTheMessageIsOutcomeUnknownAndExitsThree() {
    enqueueSession("PIPELINING");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(354, "go"),
        MockReply.none().onReplyStart(SocketEffect.CLOSE));
    Cli.Result r = send("--from", "alice@client.test", "--to", "bob@mx.test", "--text", "x");
    assertEquals(ExitCodes.OUTCOME_UNKNOWN, r.code(), r.toString());
    assertTrue(r.err().contains("outcome unknown"), r.err());
  }

  @Test
  void aConnectionLostBeforeTheMessageEndsIsNotDeliveredAndExitsTwo() {
    enqueueSession("PIPELINING");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(421, "4.3.2 shutting down").onReplyEnd(SocketEffect.CLOSE));
    Cli.Result r = send("--from", "alice@client.test", "--to", "bob@mx.test", "--text", "x");
    assertEquals(ExitCodes.NOT_DELIVERED, r.code(), r.toString());
  }

  @Test
  void aServerThatDoesNotAnswerIsAConnectionErrorAndExitsFive() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Cli.Result r = Cli.run("send", "--host", "localhost", "--port", String.valueOf(closedPort), "--security",
        "plain", "--timeout", "5", "--from", "alice@client.test", "--to", "bob@mx.test", "--text", "x");
    assertEquals(ExitCodes.CONNECTION, r.code(), r.toString());
    assertTrue(r.err().contains("cannot connect"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void messageFromStandardInputIsSentAsItIsToItsToAndCc() throws Exception {
    String eml = "From: alice@client.test\r\nTo: bob@mx.test\r\nCc: Carol <carol@mx.test>\r\nSubject: as is\r\n"
        + "Message-ID: <fixed@client.test>\r\n\r\n.leading dot\r\n";
    enqueueSession("PIPELINING");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(354, "go"),
        MockReply.of(250, "queued as E1"), MockReply.of(221, "bye"));
    Cli.Result r = Cli.run(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)),
        args("--eml", "-").toArray(String[]::new));
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<alice@client.test>", "RCPT TO:<bob@mx.test>",
        "RCPT TO:<carol@mx.test>", "DATA", "QUIT"), commands());
    assertEquals(eml, smtp.takeMessage().text());
    assertEquals(List.of("accepted bob@mx.test", "accepted carol@mx.test", "queued as E1",
        "message-id <fixed@client.test>"), lines(r.out()));
  }

  @Test
  void htmlTextAndAttachmentsBuildAMultipartMessage(@TempDir Path dir) throws Exception {
    Path html = Files.writeString(dir.resolve("body.html"), "<p>Grüße</p>");
    Path report = Files.write(dir.resolve("report.pdf"), new byte[] {1, 2, 3});
    enqueueSession("PIPELINING", "8BITMIME");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(354, "go"),
        MockReply.of(250, "ok"), MockReply.of(221, "bye"));
    Cli.Result r = send("--from", "alice@client.test", "--to", "bob@mx.test", "--bcc", "audit@mx.test",
        "--subject", "Report", "--text", "see attached", "--html-file", html.toString(), "--attach",
        report.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(commands().contains("RCPT TO:<audit@mx.test>"), commands().toString());
    MimeMessage received = MimeMessage.parse(smtp.takeMessage().bytes());
    assertTrue(received.headers().first("Bcc").isEmpty(), "Bcc is envelope only");
    assertTrue(received.root() instanceof Multipart);
    assertEquals("<p>Grüße</p>", received.htmlBody().orElseThrow().decodedText().strip());
    MimePart attachment = received.attachments().get(0);
    assertEquals("report.pdf", attachment.filename().orElseThrow());
    assertEquals("application/pdf", attachment.contentType().mimeType());
    assertEquals(3, attachment.openDecoded().readAllBytes().length);
  }

  @Test
  void missingSenderOrRecipientsAndBadFilesAreUsageErrors(@TempDir Path dir) {
    assertEquals(ExitCodes.USAGE, send("--to", "bob@mx.test", "--text", "x").code());
    assertEquals(ExitCodes.USAGE, send("--from", "alice@client.test", "--text", "x").code());
    assertEquals(ExitCodes.USAGE, send("--from", "alice@client.test", "--to", "bob@mx.test", "--attach",
        dir.resolve("missing.bin").toString()).code());
    assertEquals(ExitCodes.USAGE, send("--eml", dir.resolve("missing.eml").toString()).code());
    assertEquals(ExitCodes.USAGE, send("--from", "not an address", "--to", "bob@mx.test", "--text", "x").code());
    assertEquals(ExitCodes.USAGE, send("--security", "sometimes").code());
    assertEquals(0, smtp.commandCount(), "nothing connected");
  }
}
