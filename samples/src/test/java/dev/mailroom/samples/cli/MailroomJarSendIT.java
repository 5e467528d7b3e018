package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.MockSmtpServer;
import dev.mailroom.testkit.RecordedCommand;
import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar mailroom.jar send} as a real process against {@link MockSmtpServer}. */
@ExtendWith(StartStopExtension.class)
class MailroomJarSendIT {
  private static final TestCertificates CERTS = TestCertificates.localhost();
  private static final String PASSWORD = "s3cret-pw";
  private static final String PLAIN = Base64.getEncoder().encodeToString(
      ("\0alice\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  @StartStop final MockSmtpServer smtp = new MockSmtpServer();

  private List<String> args(String security, String... more) {
    List<String> args = new ArrayList<>(List.of("send", "--host", "localhost", "--port", String.valueOf(smtp.port()),
        "--security", security, "--client-name", "client.test", "--timeout", "10", "--from", "alice@client.test",
        "--to", "bob@mx.test", "--subject", "process test", "--text", "Hello from a process"));
    args.addAll(List.of(more));
    return args;
  }

  private Cli.Result send(List<String> args) throws Exception {
    return JarProcess.run(Map.of("MAILROOM_TEST_PASSWORD", PASSWORD), new byte[0], args.toArray(String[]::new));
  }

  private Path caPem(Path dir) throws Exception {
    String pem = "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(CERTS.caCertificate().getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(dir.resolve("ca.pem"), pem);
  }

  @Test
  void startTlsWithAuthFromAnEnvironmentVariableAndARedactedTrace(@TempDir Path dir) throws Exception {
    smtp.offerStartTls(CERTS);
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "STARTTLS");
    smtp.enqueue(MockReply.of(220, "2.0.0 go ahead").thenStartTls());
    smtp.enqueueEhlo("mx.test", "AUTH PLAIN", "PIPELINING");
    smtp.enqueue(MockReply.of(235, "2.7.0 ok"));
    smtp.enqueueEhlo("mx.test", "PIPELINING");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(354, "go"),
        MockReply.of(250, "2.0.0 Ok: queued as P1"), MockReply.of(221, "bye"));
    Cli.Result r = send(args("starttls", "--trust-pem", caPem(dir).toString(), "--user", "alice",
        "--password-env", "MAILROOM_TEST_PASSWORD", "--trace"));
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.out().startsWith("accepted bob@mx.test" + System.lineSeparator() + "queued as P1"), r.out());
    List<String> wire = smtp.commands().stream().map(RecordedCommand::line).toList();
    assertEquals(List.of("EHLO client.test", "STARTTLS", "EHLO client.test", "AUTH PLAIN " + PLAIN,
        "EHLO client.test", "MAIL FROM:<alice@client.test>", "RCPT TO:<bob@mx.test>", "DATA", "QUIT"), wire);
    assertTrue(r.err().contains("C: MAIL FROM:<alice@client.test>"), "the trace is on stderr: " + r.err());
    assertTrue(r.err().contains("AUTH PLAIN"), r.err());
    assertFalse(r.err().contains(PLAIN) || r.err().contains(PASSWORD), "password redacted: " + r.err());
    assertTrue(new String(smtp.takeMessage().bytes(), StandardCharsets.UTF_8).contains("Hello from a process"));
  }

  @Test
  void anUntrustedCertificateIsAConnectionErrorAndNothingIsSent() throws Exception {
    smtp.offerStartTls(CERTS);
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "STARTTLS");
    smtp.enqueue(MockReply.of(220, "2.0.0 go ahead").thenStartTls());
    Cli.Result r = send(args("starttls"));
    assertEquals(ExitCodes.CONNECTION, r.code(), r.toString());
    assertTrue(r.err().contains("cannot connect"), r.err());
    assertEquals(0, smtp.messageCount());
  }

  @Test
  void refusedCredentialsFromAPasswordFileExitFive(@TempDir Path dir) throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "AUTH PLAIN");
    smtp.enqueue(MockReply.of(535, "5.7.8 authentication failed"), MockReply.of(221, "bye"));
    Cli.Result r = send(args("plain", "--user", "alice", "--password-file", password.toString()));
    assertEquals(ExitCodes.CONNECTION, r.code(), r.toString());
    assertEquals("AUTH PLAIN " + PLAIN, smtp.commands().get(1).line(), "the file's first line is the password");
    assertEquals(0, smtp.messageCount());
  }

  @Test
  void aRejectedRecipientExitsOne() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "PIPELINING", "ENHANCEDSTATUSCODES");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(550, "5.1.1 unknown"),
        MockReply.of(354, "go"), MockReply.of(250, "queued as P2"), MockReply.of(221, "bye"));
    Cli.Result r = send(args("plain", "--to", "nobody@mx.test"));
    assertEquals(ExitCodes.SOME_REJECTED, r.code(), r.toString());
    assertTrue(r.out().contains("rejected nobody@mx.test 550 5.1.1 unknown"), r.out());
  }

  /** The password typed at the console prompt: {@code script} gives the process a terminal. */
  @Test
  void aPasswordTypedAtThePromptIsUsedAndNotEchoed() throws Exception {
    Path script = Path.of("/usr/bin/script");
    Assumptions.assumeTrue(Files.isExecutable(script), "needs util-linux script(1) for a pseudo-terminal");
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "AUTH PLAIN");
    smtp.enqueue(MockReply.of(235, "2.7.0 ok"));
    smtp.enqueueEhlo("mx.test");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "ok"), MockReply.of(354, "go"),
        MockReply.of(250, "queued as T1"), MockReply.of(221, "bye"));
    StringBuilder command = new StringBuilder("'" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -jar '" + JarProcess.jar() + "'");
    for (String arg : args("plain", "--user", "alice")) {
      command.append(" '").append(arg).append('\'');
    }
    Process p = new ProcessBuilder(script.toString(), "-qec", command.toString(), "/dev/null")
        .redirectErrorStream(true).start();
    CompletableFuture.runAsync(p::destroyForcibly, CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS));
    StringBuilder seen = new StringBuilder();
    InputStream in = p.getInputStream();
    while (!seen.toString().contains("Password for alice: ")) {
      int b = in.read();
      assertTrue(b >= 0, "no prompt: " + seen);
      seen.append((char) b);
    }
    p.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    seen.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(ExitCodes.OK, p.exitValue(), seen.toString());
    assertEquals("AUTH PLAIN " + PLAIN, smtp.commands().get(1).line());
    assertTrue(seen.toString().contains("queued as T1"), seen.toString());
    assertFalse(seen.toString().contains(PASSWORD), "not echoed: " + seen);
  }

  @Test
  void noPasswordSourceAndNoConsoleIsAUsageError() throws Exception {
    Cli.Result r = send(args("plain", "--user", "alice"));
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--password-env"), r.err());
    assertEquals(0, smtp.commandCount());
  }
}
