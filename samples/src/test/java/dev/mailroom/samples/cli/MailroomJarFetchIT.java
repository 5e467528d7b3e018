package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar mailroom.jar fetch} (and {@code parse} on what it stored) as a real process against the in-memory
 * server over TLS; the process is killed with SIGKILL in the middle of a run, and the next run must leave every
 * message stored exactly once.
 */
class MailroomJarFetchIT {
  private static final int MESSAGES = 200;
  private static final Map<String, String> ENV = Map.of("MAILROOM_TEST_PASSWORD", "bob-pw");
  @MailServer(tls = true) InMemoryMailServer server;
  @TempDir Path dir;

  private List<byte[]> seed(int count, int size) {
    List<byte[]> seeded = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      byte[] m = TestMail.message("jar", i, size);
      server.store().append("bob", "INBOX", m, Set.of());
      seeded.add(m);
    }
    return seeded;
  }

  private List<String> fetch(String protocol, int port, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("fetch", "--protocol", protocol, "--host", server.host(),
        "--port", String.valueOf(port), "--security", "tls", "--trust-pem",
        TestMail.caPem(server.certificates().orElseThrow(), dir).toString(), "--user", "bob",
        "--password-env", "MAILROOM_TEST_PASSWORD", "--timeout", "20"));
    args.addAll(List.of(more));
    return args;
  }

  private static void assertExactlyOnce(List<byte[]> seeded, Path maildir) throws Exception {
    List<byte[]> stored = new ArrayList<>(TestMail.maildir(maildir));
    assertEquals(seeded.size(), stored.size(), "one file per message");
    assertEquals(TestMail.ids(seeded), TestMail.ids(stored));
    Comparator<byte[]> byId = Comparator.comparing(TestMail::messageId);
    List<byte[]> a = new ArrayList<>(seeded);
    a.sort(byId);
    stored.sort(byId);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), stored.get(i), "bytes of " + TestMail.messageId(a.get(i)));
    }
    assertEquals(0, TestMail.count(maildir.resolve("tmp")), "no temporary file left behind");
  }

  @Test
  void imapsIntoAMaildirThenParseAStoredMessage() throws Exception {
    List<byte[]> seeded = seed(3, 500);
    Path maildir = dir.resolve("Maildir");
    Cli.Result r = JarProcess.run(ENV, new byte[0],
        fetch("imap", server.imapsPort(), "--into", "maildir:" + maildir).toArray(String[]::new));
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("stored 3, already seen 0, deleted 0, errors 0", r.out().strip());
    assertExactlyOnce(seeded, maildir);
    Path one;
    try (var files = Files.list(maildir.resolve("new"))) {
      one = files.findFirst().orElseThrow();
    }
    Cli.Result parsed = JarProcess.run("parse", "--json", one.toString());
    assertEquals(ExitCodes.OK, parsed.code(), parsed.toString());
    assertTrue(parsed.out().startsWith("{\"subject\":\"message "), parsed.out());
  }

  @Test
  void imapKilledMidRunThenResumedStoresEachMessageOnceAndMovesThemAll() throws Exception {
    List<byte[]> seeded = seed(MESSAGES, 20_000);
    Path maildir = dir.resolve("Maildir");
    List<String> args = fetch("imap", server.imapsPort(), "--into", "maildir:" + maildir, "--move-to", "Archive",
        "--batch", "10");
    long atKill = KillMidRun.fetchAndKill(ENV, dir, maildir, 30, args);
    assertTrue(atKill < MESSAGES, "killed midway: " + atKill);
    Cli.Result r = JarProcess.run(ENV, new byte[0], args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    System.out.println("IMAP: killed with " + atKill + " stored; the re-run: " + r.out().strip());
    assertExactlyOnce(seeded, maildir);
    assertEquals(0, server.mailbox("bob").size(), "every message moved once stored");
    assertEquals(MESSAGES, server.mailbox("bob", "Archive").size(), "each moved exactly once");
  }

  @Test
  void pop3KilledMidRunThenResumedStoresEachMessageOnceAndDeletesThemAll() throws Exception {
    List<byte[]> seeded = seed(MESSAGES, 20_000);
    Path maildir = dir.resolve("Maildir");
    List<String> args = fetch("pop3", server.pop3sPort(), "--into", "maildir:" + maildir, "--delete");
    long atKill = KillMidRun.fetchAndKill(ENV, dir, maildir, 30, args);
    assertTrue(atKill < MESSAGES, "killed midway: " + atKill);
    assertEquals(MESSAGES, server.mailbox("bob").size(), "killed before QUIT: nothing deleted");
    Cli.Result r = JarProcess.run(ENV, new byte[0], args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    System.out.println("POP3: killed with " + atKill + " stored; the re-run: " + r.out().strip());
    assertTrue(r.out().strip().endsWith("deleted " + MESSAGES + ", errors 0"), r.out());
    assertExactlyOnce(seeded, maildir);
    assertEquals(0, server.mailbox("bob").size());
  }
}
