package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailroom check} in-process against the in-memory server: found, not found, errors, JSON, the probe. */
class CheckCommandTest {
  @MailServer InMemoryMailServer server;
  @TempDir Path dir;

  private List<String> args(String protocol, String... more) throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "bob-pw\n");
    List<String> args = new ArrayList<>(List.of("check", "--protocol", protocol, "--host", server.host(),
        "--port", String.valueOf(protocol.equals("imap") ? server.imapPort() : server.pop3Port()),
        "--security", "plain", "--user", "bob", "--password-file", password.toString(), "--timeout", "10"));
    args.addAll(List.of(more));
    return args;
  }

  private Cli.Result check(String... more) throws Exception {
    return Cli.run(args("imap", more).toArray(String[]::new));
  }

  private void deliver(String subject, String extraHeader, String body) {
    String m = "From: Alice <alice@example.test>\r\nTo: bob@example.test\r\nSubject: " + subject + "\r\n"
        + "Message-ID: <" + subject.hashCode() + "@test.example>\r\n" + extraHeader + "\r\n" + body + "\r\n";
    server.store().append("bob", "INBOX", m.getBytes(StandardCharsets.UTF_8), Set.of());
  }

  /** A crude reader for the flat JSON object check prints. */
  private static Map<String, String> json(String line) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)").matcher(line);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    return fields;
  }

  @Test
  void aMessageAlreadyThereIsFound() throws Exception {
    deliver("Weekly digest", "", "hello");
    deliver("Nightly backup OK", "X-Backup-Host: db1\r\n", "All 12 volumes copied.");
    Cli.Result r = check("--subject", "^Nightly backup (OK|done)", "--header", "X-Backup-Host:^db1$",
        "--body", "\\d+ volumes", "--from", "(?i)ALICE@", "--within", "2s");
    assertEquals(ExitCodes.FOUND, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("found UID 2 in INBOX over imap after \\d+ ms"), r.out());
    assertEquals(List.of("  from: Alice <alice@example.test>", "  subject: Nightly backup OK"),
        lines.subList(1, 3));
    assertEquals("kept", lines.get(lines.size() - 1));
    assertEquals(2, server.mailbox("bob").size());
    assertFalse(server.mailbox("bob").messages().get(1).hasFlag("\\Seen"), "looked at with BODY.PEEK");
  }

  @Test
  void aMessageThatArrivesWhileWaitingIsFoundThroughIdleAndDeleted() throws Exception {
    deliver("something else", "", "x");
    CompletableFuture<Void> later = CompletableFuture.runAsync(() -> deliver("Build #7 passed", "", "ok"),
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
    Cli.Result r = check("--subject", "^Build #\\d+ passed$", "--within", "10s", "--delete", "--json");
    later.join();
    assertEquals(ExitCodes.FOUND, r.code(), r.toString());
    Map<String, String> json = json(r.out().strip());
    assertEquals(List.of("found", "protocol", "folder", "uid", "messageId", "from", "subject", "checked",
        "elapsedMs", "deleted"), List.copyOf(json.keySet()), r.out());
    assertEquals("true", json.get("found"));
    assertEquals("\"2\"", json.get("uid"));
    assertEquals("\"Build #7 passed\"", json.get("subject"));
    assertEquals("true", json.get("deleted"));
    long elapsed = Long.parseLong(json.get("elapsedMs"));
    assertTrue(elapsed >= 400 && elapsed < 5000, "woken by IDLE, not by the 10 s safety net: " + elapsed);
    assertEquals(List.of("something else"), server.mailbox("bob").messages().stream()
        .map(m -> m.subject().orElseThrow()).toList(), "only the match is deleted");
  }

  @Test
  void aBigMailboxIsLookedAtInBatches() throws Exception {
    for (int i = 1; i <= 250; i++) {
      deliver("filler " + i, "", "x");
    }
    deliver("the needle", "", "x");
    for (String protocol : List.of("imap", "pop3")) {
      Cli.Result r = Cli.run(args(protocol, "--subject", "needle", "--within", "10s", "--json")
          .toArray(String[]::new));
      assertEquals(ExitCodes.FOUND, r.code(), protocol + ": " + r);
      assertEquals("251", json(r.out().strip()).get("checked"), r.out());
    }
  }

  @Test
  void nothingMatchingWithinTheTimeExitsOne() throws Exception {
    deliver("Weekly digest", "", "hello");
    Cli.Result r = check("--subject", "^Nightly", "--within", "300ms");
    assertEquals(ExitCodes.NOT_FOUND, r.code(), r.toString());
    assertEquals("not found: no matching message in INBOX over imap within 300 ms (1 looked at)", r.out().strip());
    Cli.Result json = check("--subject", "^Nightly", "--within", "200ms", "--json");
    assertEquals(ExitCodes.NOT_FOUND, json.code());
    Map<String, String> fields = json(json.out().strip());
    assertEquals("false", fields.get("found"));
    assertEquals("1", fields.get("checked"));
    assertEquals("false", fields.get("deleted"));
  }

  @Test
  void errorsExitTwoWithAMessageAndNoStackTrace() throws Exception {
    Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
    cases.put(List.of("--subject", "(unclosed"), "--subject: not a regular expression");
    cases.put(List.of("--header", "X-Foo"), "--header needs NAME:REGEX");
    cases.put(List.of("--header", "Bad Name:x"), "--header Bad Name");
    cases.put(List.of("--within", "soon"), "'soon' is not a duration");
    cases.put(List.of("--within", "0s"), "not a positive duration");
    cases.put(List.of("--folder", "Nope"), "cannot open folder Nope");
    cases.put(List.of("--send-and-receive"), "--send-and-receive needs --to");
    cases.put(List.of("--bogus"), "Unknown option");
    for (var c : cases.entrySet()) {
      Cli.Result r = check(c.getKey().toArray(String[]::new));
      assertEquals(ExitCodes.CHECK_ERROR, r.code(), c.getKey() + ": " + r);
      assertTrue(r.err().contains(c.getValue()), c.getKey() + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
    Cli.Result json = check("--subject", "(", "--json");
    assertEquals(ExitCodes.CHECK_ERROR, json.code());
    assertTrue(json.out().startsWith("{\"found\":false,\"error\":\"--subject: not a regular expression"),
        json.out());
  }

  @Test
  void aWrongPasswordOrNoServerIsAnErrorToo() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
    Cli.Result r = Cli.run("check", "--host", server.host(), "--port", String.valueOf(server.imapPort()),
        "--security", "plain", "--user", "bob", "--password-file", wrong.toString(), "--json");
    assertEquals(ExitCodes.CHECK_ERROR, r.code(), r.toString());
    assertTrue(r.out().contains("\"error\":\"cannot connect: "), r.out());
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    r = Cli.run("check", "--host", "127.0.0.1", "--port", String.valueOf(closed), "--security", "plain",
        "--user", "bob", "--password-file", wrong.toString());
    assertEquals(ExitCodes.CHECK_ERROR, r.code(), r.toString());
    assertTrue(r.err().startsWith("mailroom: cannot connect"), r.err());
  }

  @Test
  void overPop3WithDelete() throws Exception {
    deliver("Weekly digest", "", "hello");
    deliver("Invoice 2024-17", "", "Amount due: 12 EUR");
    Cli.Result r = Cli.run(args("pop3", "--subject", "^Invoice", "--body", "Amount due", "--delete", "--within",
        "2s", "--poll", "100ms").toArray(String[]::new));
    assertEquals(ExitCodes.FOUND, r.code(), r.toString());
    assertTrue(r.out().startsWith("found UID "), r.out());
    assertTrue(r.out().contains("over pop3"), r.out());
    assertEquals(List.of("Weekly digest"), server.mailbox("bob").messages().stream()
        .map(m -> m.subject().orElseThrow()).toList());
  }

  @Test
  void aPop3MessageArrivingLaterIsFoundByPolling() throws Exception {
    CompletableFuture<Void> later = CompletableFuture.runAsync(() -> deliver("late", "", "x"),
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    Cli.Result r = Cli.run(args("pop3", "--subject", "^late$", "--within", "5s", "--poll", "100ms")
        .toArray(String[]::new));
    later.join();
    assertEquals(ExitCodes.FOUND, r.code(), r.toString());
  }

  @Test
  void sendAndReceiveTimesTheRoundTripAndDeletesTheProbe() throws Exception {
    deliver("an older message", "", "x");
    for (String protocol : List.of("imap", "pop3")) {
      Cli.Result r = Cli.run(args(protocol, "--send-and-receive", "--to", "bob@example.test", "--smtp-port",
          String.valueOf(server.submissionPort()), "--smtp-security", "plain", "--within", "5s", "--poll",
          "100ms", "--json").toArray(String[]::new));
      assertEquals(ExitCodes.FOUND, r.code(), protocol + ": " + r);
      Map<String, String> json = json(r.out().strip());
      assertEquals("true", json.get("found"), r.out());
      assertTrue(json.get("probe").matches("\"mailroom-probe-[0-9a-f]{24}\""), r.out());
      assertTrue(json.get("subject").contains("mailroom probe mailroom-probe-"), r.out());
      assertTrue(Long.parseLong(json.get("latencyMs")) >= 0, r.out());
      assertTrue(Long.parseLong(json.get("smtpMs")) >= 0, r.out());
      assertEquals("1", json.get("checked"), "only what arrived after the start is looked at: " + r.out());
      assertEquals("true", json.get("deleted"), r.out());
      assertEquals(List.of("an older message"), server.mailbox("bob").messages().stream()
          .map(m -> m.subject().orElseThrow()).toList(), protocol + ": the probe is deleted");
    }
    Cli.Result text = Cli.run(args("imap", "--send-and-receive", "--to", "bob@example.test", "--smtp-port",
        String.valueOf(server.submissionPort()), "--smtp-security", "plain").toArray(String[]::new));
    assertTrue(text.out().matches("(?s)probe mailroom-probe-\\w+ sent in \\d+ ms, received after \\d+ ms in INBOX "
        + "over imap\n.*deleted\n"), text.out());
  }

  @Test
  void aRefusedProbeIsAnError() throws Exception {
    server.faults().rejectRecipient("bob@example.test", 550, "5.1.1 no such user");
    Cli.Result r = Cli.run(args("imap", "--send-and-receive", "--to", "bob@example.test", "--smtp-port",
        String.valueOf(server.submissionPort()), "--smtp-security", "plain", "--json").toArray(String[]::new));
    assertEquals(ExitCodes.CHECK_ERROR, r.code(), r.toString());
    assertTrue(r.out().contains("the SMTP server refused the probe: 550"), r.out());
  }
}
