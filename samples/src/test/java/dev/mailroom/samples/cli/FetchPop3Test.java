package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import dev.mailroom.testkit.memory.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailroom fetch --protocol pop3} in-process against the in-memory server: FetchJob, the UIDL state. */
class FetchPop3Test {
  @MailServer InMemoryMailServer server;
  @TempDir Path dir;

  private List<byte[]> seed(int from, int to) {
    List<byte[]> seeded = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      byte[] m = TestMail.message("pop3", i, 300);
      server.store().append("bob", "INBOX", m, Set.of());
      seeded.add(m);
    }
    return seeded;
  }

  private Cli.Result fetch(String... more) throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "bob-pw\n");
    List<String> args = new ArrayList<>(List.of("fetch", "--protocol", "pop3", "--host", server.host(), "--port",
        String.valueOf(server.pop3Port()), "--security", "plain", "--user", "bob", "--password-file",
        password.toString(), "--timeout", "10"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void storesEachMessageOnceAcrossRuns() throws Exception {
    List<byte[]> seeded = seed(1, 3);
    Path maildir = dir.resolve("Maildir");
    Cli.Result r = fetch("--into", "maildir:" + maildir);
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("stored 3, already seen 0, deleted 0, errors 0", r.out().strip());
    seeded.addAll(seed(4, 4));
    r = fetch("--into", "maildir:" + maildir);
    assertEquals("stored 1, already seen 3, deleted 0, errors 0", r.out().strip(), r.toString());
    assertEquals(TestMail.ids(seeded), TestMail.ids(TestMail.maildir(maildir)));
    String state = Files.readString(maildir.resolve(".mailroom-fetch-state"));
    assertTrue(state.startsWith("mailroom-fetch-state 1\nsource pop3://bob@" + server.host() + "\n"), state);
    assertEquals(4, state.lines().filter(l -> l.startsWith("seen ")).count(), state);
  }

  @Test
  void deleteRemovesOnlyWhatIsStoredAndForgetsItsUidls() throws Exception {
    seed(1, 3);
    Path maildir = dir.resolve("Maildir");
    Cli.Result r = fetch("--into", "maildir:" + maildir, "--delete");
    assertEquals("stored 3, already seen 0, deleted 3, errors 0", r.out().strip(), r.toString());
    assertEquals(0, server.mailbox("bob").size());
    assertEquals(3, TestMail.maildir(maildir).size());
    assertFalse(Files.readString(maildir.resolve(".mailroom-fetch-state")).contains("seen "),
        "deleted messages need no memory");
  }

  @Test
  void aMessageStoredButNotRecordedIsNotDuplicated() throws Exception {
    for (String kind : List.of("maildir", "mbox", "eml")) {
      Path target = dir.resolve(kind);
      Path state = dir.resolve(kind + ".state");
      String into = kind + ":" + target;
      seed(1, 2);
      assertEquals(ExitCodes.OK, fetch("--into", into, "--state", state.toString()).code());
      Path before = Files.copy(state, dir.resolve(kind + ".before"), StandardCopyOption.REPLACE_EXISTING);
      seed(3, 3);
      assertEquals(ExitCodes.OK, fetch("--into", into, "--state", state.toString()).code());
      Files.copy(before, state, StandardCopyOption.REPLACE_EXISTING); // killed before recording message 3
      Cli.Result r = fetch("--into", into, "--state", state.toString(), "--delete");
      assertEquals("stored 1, already seen 2, deleted 3, errors 0", r.out().strip(), kind + ": " + r);
      List<String> ids = switch (kind) {
        case "mbox" -> TestMail.mbox(target).stream()
            .map(m -> TestMail.messageId(m.getBytes(StandardCharsets.ISO_8859_1))).sorted().toList();
        case "eml" -> TestMail.ids(TestMail.emlDirectory(target));
        default -> TestMail.ids(TestMail.maildir(target));
      };
      assertEquals(List.of("<pop3.1@test.example>", "<pop3.2@test.example>", "<pop3.3@test.example>"), ids, kind);
      assertEquals(0, server.mailbox("bob").size());
    }
  }

  @Test
  void aConnectionLostMidRunDeletesNothingAndTheNextRunFinishes() throws Exception {
    seed(1, 3);
    Path maildir = dir.resolve("Maildir");
    server.faults().dropAt(Step.POP3_QUIT);
    Cli.Result r = fetch("--into", "maildir:" + maildir, "--delete");
    assertEquals(ExitCodes.INCOMPLETE, r.code(), r.toString());
    assertTrue(r.err().contains("run it again (nothing is lost)"), r.err());
    assertEquals(3, server.mailbox("bob").size(), "no QUIT answered: nothing deleted");
    r = fetch("--into", "maildir:" + maildir, "--delete");
    assertEquals("stored 0, already seen 3, deleted 3, errors 0", r.out().strip(), r.toString());
    assertEquals(3, TestMail.maildir(maildir).size());
    assertEquals(0, server.mailbox("bob").size());
  }

  @Test
  void imapOnlyOptionsAreRefused() throws Exception {
    for (List<String> args : List.of(List.of("--unseen"), List.of("--folder", "Archive"),
        List.of("--move-to", "Archive"))) {
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of("--into", "maildir:" + dir.resolve("m")));
      Cli.Result r = fetch(all.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), r.toString());
      assertTrue(r.err().contains("need --protocol imap"), r.err());
    }
  }
}
