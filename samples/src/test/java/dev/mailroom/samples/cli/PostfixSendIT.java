package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.lab.MailLab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar mailroom.jar send} against the lab's Postfix: submission with STARTTLS and AUTH, implicit TLS with
 * a non-ASCII password from a file, and the inbound port refusing to relay; each delivered copy is read back from
 * bob's mailbox (and removed) by its Message-ID.
 */
@Tag("interop")
class PostfixSendIT {
  private MailLab lab;

  @BeforeEach
  void lab() {
    lab = MailLab.require();
  }

  private static String messageId(Cli.Result r) {
    for (String line : r.out().split("\\R")) {
      if (line.startsWith("message-id ")) {
        return line.substring("message-id ".length());
      }
    }
    throw new AssertionError("no message-id line: " + r);
  }

  @Test
  void submissionWithStartTlsAndAuthDeliversTheAttachment(@TempDir Path dir) throws Exception {
    byte[] data = new byte[40_000];
    new Random(8).nextBytes(data);
    Path attachment = Files.write(dir.resolve("Übersicht.bin"), data);
    String subject = "cli interop " + System.nanoTime();
    Cli.Result r = JarProcess.run(Map.of("MAILROOM_LAB_PASSWORD", MailLab.ALICE.password()), new byte[0], "send",
        "--host", lab.host(), "--port", String.valueOf(MailLab.SUBMISSION), "--security", "starttls",
        "--trust-pem", lab.caCertificate().toString(), "--user", MailLab.ALICE.name(),
        "--password-env", "MAILROOM_LAB_PASSWORD", "--from", MailLab.ALICE.address(), "--to", MailLab.BOB.address(),
        "--subject", subject, "--text", "Grüße, Bob", "--attach", attachment.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.out().contains("accepted " + MailLab.BOB.address()), r.out());
    assertTrue(r.out().contains("queued as "), "Postfix gives a queue id: " + r.out());
    MimeMessage delivered = MimeMessage.parse(lab.takeDelivered(MailLab.BOB, messageId(r), Duration.ofSeconds(30)));
    assertEquals(subject, delivered.subject().orElseThrow());
    assertEquals("Übersicht.bin", delivered.attachments().get(0).filename().orElseThrow());
    assertEquals(data.length, delivered.attachments().get(0).openDecoded().readAllBytes().length);
  }

  @Test
  void implicitTlsWithANonAsciiPasswordFromAFile(@TempDir Path dir) throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), MailLab.CAROL.password() + "\n", StandardCharsets.UTF_8);
    Cli.Result r = JarProcess.run("send", "--host", lab.host(), "--port", String.valueOf(MailLab.SUBMISSIONS),
        "--security", "tls", "--trust-pem", lab.caCertificate().toString(), "--user", MailLab.CAROL.name(),
        "--password-file", password.toString(), "--from", MailLab.CAROL.address(), "--to", MailLab.BOB.address(),
        "--subject", "cli implicit tls", "--text", "hello");
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    lab.takeDelivered(MailLab.BOB, messageId(r), Duration.ofSeconds(30));
  }

  @Test
  void theInboundPortRefusesToRelayOneRecipientAndExitsOne() throws Exception {
    Cli.Result r = JarProcess.run("send", "--host", lab.host(), "--port", String.valueOf(MailLab.SMTP),
        "--security", "plain", "--from", MailLab.ALICE.address(), "--to", MailLab.BOB.address(),
        "--to", "someone@outside.example", "--subject", "cli relay", "--text", "hello");
    assertEquals(ExitCodes.SOME_REJECTED, r.code(), r.toString());
    assertTrue(r.out().contains("rejected someone@outside.example 554"), r.out());
    lab.takeDelivered(MailLab.BOB, messageId(r), Duration.ofSeconds(30));
  }

  @Test
  void aWrongPasswordExitsFive() throws Exception {
    Cli.Result r = JarProcess.run(Map.of("MAILROOM_LAB_PASSWORD", "wrong"), new byte[0], "send", "--host",
        lab.host(), "--port", String.valueOf(MailLab.SUBMISSION), "--trust-pem", lab.caCertificate().toString(),
        "--user", MailLab.ALICE.name(), "--password-env", "MAILROOM_LAB_PASSWORD", "--from",
        MailLab.ALICE.address(), "--to", MailLab.BOB.address(), "--text", "never sent");
    assertEquals(ExitCodes.CONNECTION, r.code(), r.toString());
  }
}
