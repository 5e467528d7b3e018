package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.lab.MailLab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar mailroom.jar fetch} against the lab's Dovecot, killed with SIGKILL in the middle of a run over 200
 * messages and run again: every message is in the Maildir exactly once, byte for byte as seeded, and every one was
 * moved (IMAP, bob, in folders this test creates and deletes) or deleted (POP3, carol's INBOX, which the test
 * empties of what it seeded). alice's mailbox is not touched.
 */
@Tag("interop")
class LabFetchIT {
  private static final int MESSAGES = 200;
  private MailLab lab;
  @TempDir Path dir;

  @BeforeEach
  void lab() {
    lab = MailLab.require();
  }

  private static List<byte[]> messages(String run) {
    List<byte[]> all = new ArrayList<>();
    for (int i = 1; i <= MESSAGES; i++) {
      all.add(TestMail.message(run, i, 10_000 + (i % 7) * 3_000));
    }
    return all;
  }

  private List<String> fetch(MailLab.User user, String protocol, int port, String... more) {
    List<String> args = new ArrayList<>(List.of("fetch", "--protocol", protocol, "--host", lab.host(), "--port",
        String.valueOf(port), "--security", "tls", "--trust-pem", lab.caCertificate().toString(), "--user",
        user.name(), "--password-file", dir.resolve("password").toString(), "--timeout", "30"));
    args.addAll(List.of(more));
    return args;
  }

  private static void assertExactlyOnce(List<byte[]> seeded, Path maildir) throws Exception {
    List<byte[]> stored = new ArrayList<>(TestMail.maildir(maildir));
    assertEquals(TestMail.ids(seeded), TestMail.ids(stored), "every seeded message, once");
    Comparator<byte[]> byId = Comparator.comparing(TestMail::messageId);
    List<byte[]> expected = new ArrayList<>(seeded);
    expected.sort(byId);
    stored.sort(byId);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), stored.get(i), TestMail.messageId(expected.get(i)));
    }
  }

  @Test
  void imapKilledMidRunThenResumedStoresAndMovesEachMessageOnce() throws Exception {
    String run = "fetch-imap-" + System.nanoTime();
    String folder = "mailroom-it-" + run;
    String done = folder + "-done";
    Files.writeString(dir.resolve("password"), MailLab.BOB.password() + "\n");
    List<byte[]> seeded = messages(run);
    try (LabMailbox bob = new LabMailbox(lab, MailLab.BOB)) {
      bob.create(folder);
      bob.create(done);
      try {
        bob.append(folder, seeded);
        Path maildir = dir.resolve("Maildir");
        List<String> args = fetch(MailLab.BOB, "imap", MailLab.IMAPS, "--folder", folder, "--move-to", done,
            "--into", "maildir:" + maildir, "--batch", "10");
        long atKill = KillMidRun.fetchAndKill(Map.of(), dir, maildir, 30, args);
        assertTrue(atKill < MESSAGES, "killed midway: " + atKill);
        Cli.Result r = JarProcess.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        System.out.println("IMAP: killed with " + atKill + " stored; the re-run: " + r.out().strip());
        assertExactlyOnce(seeded, maildir);
        assertEquals(0, bob.count(folder), "every message moved once stored");
        assertEquals(TestMail.ids(seeded), bob.messageIds(done), "each moved exactly once");
      } finally {
        bob.deleteFolder(folder);
        bob.deleteFolder(done);
      }
    }
  }

  @Test
  void pop3KilledMidRunThenResumedStoresAndDeletesEachMessageOnce() throws Exception {
    String run = "fetch-pop3-" + System.nanoTime();
    Files.writeString(dir.resolve("password"), MailLab.CAROL.password() + "\n", StandardCharsets.UTF_8);
    List<byte[]> seeded = messages(run);
    try (LabMailbox carol = new LabMailbox(lab, MailLab.CAROL)) {
      assertEquals(0, carol.count("INBOX"), "carol's INBOX must start empty: POP3 --delete takes all of it");
      try {
        carol.append("INBOX", seeded);
        Path maildir = dir.resolve("Maildir");
        List<String> args = fetch(MailLab.CAROL, "pop3", MailLab.POP3S, "--into", "maildir:" + maildir,
            "--delete");
        long atKill = KillMidRun.fetchAndKill(Map.of(), dir, maildir, 30, args);
        assertTrue(atKill < MESSAGES, "killed midway: " + atKill);
        assertEquals(MESSAGES, carol.count("INBOX"), "killed before QUIT: Dovecot deleted nothing");
        Cli.Result r = JarProcess.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        System.out.println("POP3: killed with " + atKill + " stored; the re-run: " + r.out().strip());
        assertTrue(r.out().strip().endsWith("deleted " + MESSAGES + ", errors 0"), r.out());
        assertExactlyOnce(seeded, maildir);
        assertEquals(0, carol.count("INBOX"));
      } finally {
        carol.deleteWhere("INBOX", "X-Test-Run", run);
      }
    }
  }
}
