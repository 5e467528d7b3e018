package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailroom fetch --protocol imap} in-process against the in-memory server: stores, resume, delete, move. */
class FetchImapTest {
  @MailServer InMemoryMailServer server;
  @TempDir Path dir;

  private List<byte[]> seed(int from, int to) {
    List<byte[]> seeded = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      byte[] m = TestMail.message("imap", i, 300);
      server.store().append("bob", "INBOX", m, Set.of());
      seeded.add(m);
    }
    return seeded;
  }

  private Cli.Result fetch(String... more) throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "bob-pw\n");
    List<String> args = new ArrayList<>(List.of("fetch", "--protocol", "imap", "--host", server.host(), "--port",
        String.valueOf(server.imapPort()), "--security", "plain", "--user", "bob", "--password-file",
        password.toString(), "--timeout", "10"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static String summary(Cli.Result r) {
    return r.out().strip();
  }

  @Test
  void intoAMaildirByteForByteThenOnlyWhatIsNew() throws Exception {
    List<byte[]> seeded = seed(1, 5);
    Path maildir = dir.resolve("Maildir");
    Cli.Result r = fetch("--into", "maildir:" + maildir);
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("stored 5, already seen 0, deleted 0, errors 0", summary(r));
    assertEquals(TestMail.ids(seeded), TestMail.ids(TestMail.maildir(maildir)));
    for (byte[] stored : TestMail.maildir(maildir)) {
      assertTrue(seeded.stream().anyMatch(s -> java.util.Arrays.equals(s, stored)), "byte for byte");
    }
    assertTrue(Files.exists(maildir.resolve(".mailroom-fetch-state")), "the default state is in the Maildir");
    try (var tmp = Files.list(maildir.resolve("tmp"))) {
      assertEquals(0, tmp.count(), "nothing left in tmp/");
    }
    assertTrue(r.err().contains("fetch: 5/5 messages"), "plain progress lines without a console: " + r.err());

    seeded.addAll(seed(6, 7));
    r = fetch("--into", "maildir:" + maildir);
    assertEquals("stored 2, already seen 5, deleted 0, errors 0", summary(r), r.toString());
    assertEquals(TestMail.ids(seeded), TestMail.ids(TestMail.maildir(maildir)));
    assertEquals(7, server.mailbox("bob").size(), "nothing deleted without --delete");
  }

  @Test
  void aMessageStoredButNotRecordedIsOverwrittenNotDuplicated() throws Exception {
    for (String kind : List.of("maildir", "eml", "mbox")) {
      server.store().createMailbox("bob", kind);
    }
    for (String kind : List.of("maildir", "eml", "mbox")) {
      Path target = dir.resolve(kind + "-store");
      Path state = dir.resolve(kind + ".state");
      for (int i = 1; i <= 2; i++) {
        server.store().append("bob", kind, TestMail.message(kind, i, 200), Set.of());
      }
      String into = kind + ":" + target;
      assertEquals(ExitCodes.OK, fetch("--folder", kind, "--into", into, "--state", state.toString()).code());
      Path before = Files.copy(state, dir.resolve(kind + ".state.before"));
      server.store().append("bob", kind, TestMail.message(kind, 3, 200), Set.of());
      assertEquals(ExitCodes.OK, fetch("--folder", kind, "--into", into, "--state", state.toString()).code());
      // as if killed after message 3 was written but before the state recorded it:
      Files.copy(before, state, StandardCopyOption.REPLACE_EXISTING);
      Cli.Result r = fetch("--folder", kind, "--into", into, "--state", state.toString());
      assertEquals("stored 1, already seen 2, deleted 0, errors 0", summary(r), kind + ": " + r);
      List<String> ids = kind.equals("mbox")
          ? TestMail.mbox(target).stream().map(m -> TestMail.messageId(m.getBytes(StandardCharsets.ISO_8859_1)))
              .sorted().toList()
          : TestMail.ids(kind.equals("eml") ? TestMail.emlDirectory(target) : TestMail.maildir(target));
      assertEquals(List.of("<" + kind + ".1@test.example>", "<" + kind + ".2@test.example>",
          "<" + kind + ".3@test.example>"), ids, kind);
    }
  }

  @Test
  void anMboxIsQuotedAndTruncatedBackToTheRecordedLength() throws Exception {
    seed(1, 2);
    Path mbox = dir.resolve("mail.mbox");
    assertEquals(ExitCodes.OK, fetch("--into", "mbox:" + mbox).code());
    List<String> messages = TestMail.mbox(mbox);
    assertEquals(2, messages.size());
    assertTrue(messages.get(0).contains("\n>From the test: message 1\n"), "mboxrd quoting: " + messages.get(0));
    assertFalse(messages.get(0).contains("\r"), "LF line ends");
    long length = Files.size(mbox);
    Files.writeString(mbox, "From mailroom Mon Jan  1 00:00:00 2024\nSubject: half a mess", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND); // killed in the middle of an append
    Cli.Result r = fetch("--into", "mbox:" + mbox);
    assertEquals("stored 0, already seen 2, deleted 0, errors 0", summary(r), r.toString());
    assertEquals(length, Files.size(mbox), "truncated back to what the state recorded");
  }

  @Test
  void emlFilesAreTheServersBytes() throws Exception {
    List<byte[]> seeded = seed(1, 3);
    Path eml = dir.resolve("eml");
    assertEquals(ExitCodes.OK, fetch("--into", "eml:" + eml, "--state", dir.resolve("s").toString()).code());
    List<byte[]> stored = TestMail.emlDirectory(eml);
    assertEquals(3, stored.size());
    assertEquals(TestMail.ids(seeded), TestMail.ids(stored));
    byte[] first = stored.stream().filter(s -> TestMail.messageId(s).equals("<imap.1@test.example>")).findFirst()
        .orElseThrow();
    assertArrayEquals(seeded.get(0), first);
  }

  @Test
  void theSearchOptionsFilterOnTheServer() throws Exception {
    seed(1, 3);
    Path maildir = dir.resolve("m");
    Cli.Result r = fetch("--into", "maildir:" + maildir, "--subject", "message 2", "--since", "2000-01-01");
    assertEquals("stored 1, already seen 0, deleted 0, errors 0", summary(r), r.toString());
    assertEquals(List.of("<imap.2@test.example>"), TestMail.ids(TestMail.maildir(maildir)));
    Cli.Result bad = fetch("--into", "maildir:" + maildir, "--since", "yesterday");
    assertEquals(ExitCodes.USAGE, bad.code(), bad.toString());
    assertTrue(bad.err().contains("--since"), bad.err());
  }

  @Test
  void deleteExpungesOnlyTheStoredUids() throws Exception {
    seed(1, 3);
    server.store().append("bob", "INBOX", TestMail.message("other", 9, 100), Set.of("\\Deleted"));
    Cli.Result r = fetch("--into", "maildir:" + dir.resolve("m"), "--subject", "message", "--delete");
    assertEquals("stored 4, already seen 0, deleted 4, errors 0", summary(r), r.toString());
    assertEquals(0, server.mailbox("bob").size());

    seed(4, 5);
    server.store().append("bob", "INBOX", TestMail.message("keep", 1, 100), Set.of("\\Deleted"));
    r = fetch("--into", "maildir:" + dir.resolve("m"), "--subject", "message 4", "--delete");
    assertEquals("stored 1, already seen 0, deleted 1, errors 0", summary(r), r.toString());
    assertEquals(List.of("message 5", "message 1"), server.mailbox("bob").messages().stream()
        .map(m -> m.subject().orElseThrow()).toList(), "a bare EXPUNGE would have removed the \\Deleted one");
  }

  @Test
  void moveToAFolderAfterStoring() throws Exception {
    seed(1, 3);
    Cli.Result r = fetch("--into", "maildir:" + dir.resolve("m"), "--move-to", "Archive");
    assertEquals("stored 3, already seen 0, deleted 0, moved 3, errors 0", summary(r), r.toString());
    assertEquals(0, server.mailbox("bob").size());
    assertEquals(3, server.mailbox("bob", "Archive").size());
  }

  @Test
  void removalsAKilledRunLeftPendingAreFinished() throws Exception {
    seed(1, 3);
    long uidValidity = server.mailbox("bob").uidValidity();
    Path state = dir.resolve("state");
    Files.writeString(state, "mailroom-fetch-state 1\nsource imap://bob@" + server.host() + "/INBOX\n"
        + "uidvalidity " + uidValidity + "\nlast-uid 2\npending 1 2\n");
    Cli.Result r = fetch("--into", "maildir:" + dir.resolve("m"), "--state", state.toString(), "--delete");
    // UIDs 1 and 2 are removed first (they were stored before), then 3 is fetched and removed
    assertEquals("stored 1, already seen 0, deleted 3, errors 0", summary(r), r.toString());
    assertEquals(0, server.mailbox("bob").size());
    assertFalse(Files.readString(state).contains("pending"), Files.readString(state));
  }

  @Test
  void aNewUidValidityMeansEverythingAgainAndSaysSo() throws Exception {
    seed(1, 2);
    Path state = dir.resolve("state");
    Files.writeString(state, "mailroom-fetch-state 1\nsource imap://bob@" + server.host() + "/INBOX\n"
        + "uidvalidity 1\nlast-uid 99\n");
    Cli.Result r = fetch("--into", "maildir:" + dir.resolve("m"), "--state", state.toString());
    assertEquals("stored 2, already seen 0, deleted 0, errors 0", summary(r), r.toString());
    assertTrue(r.err().contains("UIDVALIDITY of INBOX changed from 1 to " + server.mailbox("bob").uidValidity()),
        r.err());
    assertTrue(Files.readString(state).contains("uidvalidity " + server.mailbox("bob").uidValidity()));
  }

  @Test
  void badInputIsAClearMessageAndAnExitCode() throws Exception {
    Path maildir = dir.resolve("m");
    Map<List<String>, String> cases = Map.of(
        List.of("--into", "maildir:" + maildir, "--folder", "Nope"), "cannot open folder Nope",
        List.of("--into", "maildir:" + maildir, "--move-to", "Nope"), "cannot open folder Nope",
        List.of("--into", "tape:/dev/st0"), "--into needs maildir:DIR, mbox:FILE or eml:DIR",
        List.of("--into", "maildir:" + maildir, "--delete", "--move-to", "Archive"), "exclude each other",
        List.of("--into", "maildir:" + maildir, "--move-to", "INBOX"), "names the folder being fetched");
    for (var c : cases.entrySet()) {
      Cli.Result r = fetch(c.getKey().toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), c.getKey() + ": " + r);
      assertTrue(r.err().contains(c.getValue()), c.getKey() + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void aStateFileIsForOneMailboxAndOneRunAtATime() throws Exception {
    seed(1, 1);
    Path state = dir.resolve("state");
    assertEquals(ExitCodes.OK, fetch("--into", "eml:" + dir.resolve("a"), "--state", state.toString()).code());
    Cli.Result other = fetch("--into", "eml:" + dir.resolve("a"), "--state", state.toString(), "--folder", "Sent");
    assertEquals(ExitCodes.USAGE, other.code(), other.toString());
    assertTrue(other.err().contains("is for imap://bob@" + server.host() + "/INBOX"), other.err());
    try (FetchState held = FetchState.open(state, "imap://bob@" + server.host() + "/INBOX")) {
      Cli.Result busy = fetch("--into", "eml:" + dir.resolve("a"), "--state", state.toString());
      assertEquals(ExitCodes.USAGE, busy.code(), busy.toString());
      assertTrue(busy.err().contains("another mailroom fetch is running"), busy.err());
    }
  }

  @Test
  void aWrongPasswordIsAConnectionError() throws Exception {
    Path password = Files.writeString(dir.resolve("wrong"), "nope\n");
    Cli.Result r = Cli.run("fetch", "--host", server.host(), "--port", String.valueOf(server.imapPort()),
        "--security", "plain", "--user", "bob", "--password-file", password.toString(), "--into",
        "maildir:" + dir.resolve("m"));
    assertEquals(ExitCodes.CONNECTION, r.code(), r.toString());
    assertTrue(r.err().contains("cannot connect"), r.err());
  }

  @Test
  void manyMessagesInSeveralBatches() throws Exception {
    List<byte[]> seeded = seed(1, 23);
    Cli.Result r = fetch("--into", "maildir:" + dir.resolve("m"), "--batch", "5");
    assertEquals("stored 23, already seen 0, deleted 0, errors 0", summary(r), r.toString());
    assertEquals(TestMail.ids(seeded), TestMail.ids(TestMail.maildir(dir.resolve("m"))));
    assertEquals(23, server.mailbox("bob").size());
  }
}
