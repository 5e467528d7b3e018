package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar mailroom.jar send} then {@code check} as real processes against the in-memory server over TLS:
 * the exit codes 0, 1 and 2, and the {@code --send-and-receive} probe.
 */
class MailroomJarCheckIT {
  private static final Map<String, String> ENV = Map.of("MAILROOM_ALICE", "alice-pw", "MAILROOM_BOB", "bob-pw");
  @MailServer(tls = true) InMemoryMailServer server;
  @TempDir Path dir;

  private List<String> tls(String command, int port, String user, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of(command, "--host", "localhost", "--port", String.valueOf(port),
        "--trust-pem", TestMail.caPem(server.certificates().orElseThrow(), dir).toString(), "--user", user,
        "--password-env", user.equals("alice") ? "MAILROOM_ALICE" : "MAILROOM_BOB", "--timeout", "20"));
    args.addAll(List.of(more));
    return args;
  }

  private static Cli.Result run(List<String> args) throws Exception {
    return JarProcess.run(ENV, new byte[0], args.toArray(String[]::new));
  }

  @Test
  void sendThenCheckFindsAndDeletesIt() throws Exception {
    Cli.Result sent = run(tls("send", server.submissionPort(), "alice", "--security", "starttls",
        "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "Deploy 1.2.3 finished",
        "--text", "took 42 s"));
    assertEquals(ExitCodes.OK, sent.code(), sent.toString());
    assertTrue(sent.out().contains("accepted bob@example.test"), sent.out());
    server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5));

    Cli.Result found = run(tls("check", server.imapsPort(), "bob", "--security", "tls", "--subject",
        "^Deploy \\d+\\.\\d+\\.\\d+ finished$", "--body", "took \\d+ s", "--within", "10s", "--delete", "--json"));
    assertEquals(ExitCodes.FOUND, found.code(), found.toString());
    assertTrue(found.out().startsWith("{\"found\":true,\"protocol\":\"imap\",\"folder\":\"INBOX\",\"uid\":\"1\""),
        found.out());
    assertTrue(found.out().strip().endsWith("\"deleted\":true}"), found.out());
    assertEquals(0, server.mailbox("bob").size());

    Cli.Result notFound = run(tls("check", server.pop3sPort(), "bob", "--protocol", "pop3", "--security", "tls",
        "--subject", "Deploy", "--within", "1s", "--poll", "200ms"));
    assertEquals(ExitCodes.NOT_FOUND, notFound.code(), notFound.toString());
    assertTrue(notFound.out().startsWith("not found: "), notFound.out());

    Cli.Result error = run(tls("check", server.imapsPort(), "bob", "--security", "tls", "--subject", "[oops"));
    assertEquals(ExitCodes.CHECK_ERROR, error.code(), error.toString());
    assertTrue(error.err().startsWith("mailroom: --subject: not a regular expression"), error.err());
  }

  @Test
  void sendAndReceiveProbe() throws Exception {
    Cli.Result r = run(tls("check", server.imapPort(), "bob", "--security", "starttls", "--send-and-receive",
        "--to", "bob@example.test", "--smtp-port", String.valueOf(server.submissionsPort()), "--smtp-security",
        "tls", "--within", "10s"));
    assertEquals(ExitCodes.FOUND, r.code(), r.toString());
    assertTrue(r.out().matches("(?s)probe mailroom-probe-[0-9a-f]{24} sent in \\d+ ms, received after \\d+ ms in "
        + "INBOX over imap\n.*\ndeleted\n"), r.out());
    assertEquals(0, server.mailbox("bob").size(), "the probe deleted itself");
  }
}
