package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.sync.MailboxSync;
import dev.mailroom.imap.sync.SyncCursor;
import dev.mailroom.imap.sync.SyncEvent;
import dev.mailroom.imap.sync.SyncHandler;
import dev.mailroom.imap.sync.SyncMode;
import dev.mailroom.imap.sync.SyncReport;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The resumable sync engine over QRESYNC, CONDSTORE and plain flags; UIDVALIDITY reset, I21, R07. */
class MailboxSyncTest {
  static final String QRESYNC_CAPS = Imap.CAPS + " CONDSTORE QRESYNC";
  static final String CONDSTORE_CAPS = Imap.CAPS + " CONDSTORE";
  static final String NEW_ITEMS = "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";

  @StartStop final MockImapServer imap = new MockImapServer();

  /** Records events as text and bodies by sequence number. */
  static final class Recorder implements SyncHandler {
    final List<String> events = new ArrayList<>();
    final Map<Long, String> bodies = new HashMap<>();
    SyncCursor persisted = SyncCursor.initial();

    @Override
    public void body(BodyPart part, InputStream content) throws IOException {
      bodies.put(part.seq(), new String(content.readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Override
    public void event(SyncEvent e) {
      if (e instanceof SyncEvent.NewMessage n) {
        events.add("new " + n.uid().value() + " " + bodies.get(n.message().seq()) + " "
            + new TreeSet<>(n.message().flags().orElseThrow().stream().map(Flag::value).toList()));
        persisted = n.resumeFrom();
      } else if (e instanceof SyncEvent.FlagsChanged f) {
        events.add("flags " + f.uid().value() + " "
            + new TreeSet<>(f.flags().stream().map(Flag::value).toList()));
      } else if (e instanceof SyncEvent.Vanished v) {
        events.add("vanished " + v.uids());
      } else if (e instanceof SyncEvent.FullResyncRequired r) {
        events.add("full " + r.reason());
      }
    }
  }

  /** {@code * seq FETCH (UID uid FLAGS (flags) BODY[] {n}body)} and the tagged OK. */
  static MockImapResponse bodies(long[][] seqUid, String... extraUntagged) {
    StringBuilder s = new StringBuilder();
    for (String u : extraUntagged) {
      s.append(u).append("\r\n");
    }
    for (long[] m : seqUid) {
      String body = "msg-" + m[1];
      s.append("* ").append(m[0]).append(" FETCH (UID ").append(m[1]).append(" FLAGS () RFC822.SIZE ")
          .append(body.length()).append(" BODY[] {").append(body.length()).append("}\r\n").append(body)
          .append(")\r\n");
    }
    s.append("$tag OK done\r\n");
    return MockImapResponse.raw(s.toString().getBytes(StandardCharsets.US_ASCII));
  }

  static MockImapResponse select(long exists, long uidValidity, long uidNext, long modSeq, String... more) {
    List<String> lines = new ArrayList<>(List.of("* " + exists + " EXISTS", "* OK [UIDVALIDITY " + uidValidity + "] x",
        "* OK [UIDNEXT " + uidNext + "] x", "* OK [HIGHESTMODSEQ " + modSeq + "] x"));
    lines.addAll(List.of(more));
    return MockImapResponse.ok("[READ-WRITE] done", lines.toArray(String[]::new));
  }

  private List<String> commands(int n) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(imap.takeImapCommand().command());
    }
    return out;
  }

  @Test
  void firstSyncThenQresyncIncrementInTwoRoundTrips() throws Exception {
    try (ImapSession s = Imap.connect(imap, QRESYNC_CAPS)) {
      MailboxSync sync = MailboxSync.builder(s, MailboxName.INBOX).build();
      assertEquals(SyncMode.QRESYNC, sync.mode());
      imap.enqueue(MockImapResponse.ok("done", "* ENABLED QRESYNC"), select(3, 7, 4, 20),
          bodies(new long[][] {{1, 1}, {2, 2}, {3, 3}}));
      Recorder r = new Recorder();
      SyncReport first = sync.run(SyncCursor.initial(), r);
      assertEquals(List.of("ENABLE QRESYNC", "SELECT INBOX", "UID FETCH 1:3 " + NEW_ITEMS), commands(3));
      assertEquals(List.of("new 1 msg-1 []", "new 2 msg-2 []", "new 3 msg-3 []"), r.events);
      assertEquals(new SyncCursor(7, 4, 20), first.cursor());
      assertEquals(new SyncCursor(7, 4, 0), r.persisted);

      // Another client: flags message 1, expunges 2, adds 4 and 5.
      imap.enqueue(select(4, 7, 6, 30, "* VANISHED (EARLIER) 2",
              "* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (25))", "* 3 FETCH (UID 4 FLAGS () MODSEQ (28))"),
          bodies(new long[][] {{3, 4}, {4, 5}}));
      Recorder r2 = new Recorder();
      SyncReport second = sync.run(first.cursor(), r2);
      assertEquals(List.of("SELECT INBOX (QRESYNC (7 20))", "UID FETCH 4:5 " + NEW_ITEMS), commands(2),
          "two round trips, ENABLE only once per session");
      assertEquals(List.of("vanished 2", "flags 1 [\\Seen]", "new 4 msg-4 []", "new 5 msg-5 []"), r2.events);
      assertEquals(new SyncCursor(7, 6, 30), second.cursor());
      assertEquals(new SyncReport(second.cursor(), SyncMode.QRESYNC, 2, 1, 1, false), second);

      // Nothing changed: one round trip, no fetch.
      imap.enqueue(select(4, 7, 6, 30));
      Recorder r3 = new Recorder();
      assertEquals(second.cursor(), sync.run(second.cursor(), r3).cursor());
      assertEquals(List.of("SELECT INBOX (QRESYNC (7 30))"), commands(1));
      assertEquals(List.of(), r3.events);
    }
  }

  @Test
  void condstoreFallbackPipelinesChangesSearchAndNewMessages() throws Exception {
    try (ImapSession s = Imap.connect(imap, CONDSTORE_CAPS)) {
      MailboxSync sync = MailboxSync.builder(s, MailboxName.INBOX).window(1).build();
      assertEquals(SyncMode.CONDSTORE, sync.mode());
      imap.enqueue(select(4, 7, 6, 30),
          MockImapResponse.ok("done", "* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (25))"),
          MockImapResponse.ok("done", "* SEARCH 1 3"),
          bodies(new long[][] {{3, 4}}), bodies(new long[][] {{4, 5}}));
      Recorder r = new Recorder();
      SyncReport report = sync.run(new SyncCursor(7, 4, 20), r);
      assertEquals(List.of("SELECT INBOX (CONDSTORE)", "UID FETCH 1:3 (UID FLAGS MODSEQ) (CHANGEDSINCE 20)",
          "UID SEARCH UID 1:3", "UID FETCH 4 " + NEW_ITEMS, "UID FETCH 5 " + NEW_ITEMS), commands(5));
      assertEquals(List.of("flags 1 [\\Seen]", "new 4 msg-4 []", "new 5 msg-5 []", "vanished 2"), r.events);
      assertEquals(new SyncCursor(7, 6, 30), report.cursor());
      assertEquals(SyncMode.CONDSTORE, report.mode());
    }
  }

  @Test
  void condstoreWithEsearchAsksForThePresentUidsAsRanges() throws Exception {
    try (ImapSession s = Imap.connect(imap, CONDSTORE_CAPS + " ESEARCH")) {
      imap.enqueue(select(3, 7, 4, 30), MockImapResponse.ok("done"),
          MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID ALL 1,3"));
      Recorder r = new Recorder();
      MailboxSync.builder(s, MailboxName.INBOX).build().run(new SyncCursor(7, 4, 20), r);
      assertEquals(List.of("SELECT INBOX (CONDSTORE)", "UID FETCH 1:3 (UID FLAGS MODSEQ) (CHANGEDSINCE 20)",
          "UID SEARCH RETURN (ALL) UID 1:3"), commands(3));
      assertEquals(List.of("vanished 2"), r.events);
    }
  }

  @Test
  void plainFlagsFallbackReportsEveryOldMessage() throws Exception {
    try (ImapSession s = Imap.connect(imap, QRESYNC_CAPS)) {
      MailboxSync sync = MailboxSync.builder(s, MailboxName.INBOX).atMost(SyncMode.FLAGS).build();
      imap.enqueue(Imap.selected(2, 7),
          MockImapResponse.ok("done", "* 1 FETCH (UID 1 FLAGS (\\Seen))", "* 2 FETCH (UID 3 FLAGS ())"),
          MockImapResponse.ok("done", "* SEARCH 1 3"));
      Recorder r = new Recorder();
      SyncReport report = sync.run(new SyncCursor(7, 4, 0), r);
      assertEquals(List.of("SELECT INBOX", "UID FETCH 1:3 (UID FLAGS)", "UID SEARCH UID 1:3"), commands(3));
      assertEquals(List.of("flags 1 [\\Seen]", "flags 3 []", "vanished 2"), r.events);
      assertEquals(new SyncCursor(7, 4, 0), report.cursor(), "never below the cursor, whatever UIDNEXT says");
    }
  }

  @Test
  @DisplayName("I20: a UIDVALIDITY change is a full resync: every message is new again")
  void uidValidityReset() throws Exception {
    try (ImapSession s = Imap.connect(imap, QRESYNC_CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* ENABLED QRESYNC"), select(2, 8, 3, 5),
          bodies(new long[][] {{1, 1}, {2, 2}}));
      Recorder r = new Recorder();
      SyncReport report = MailboxSync.builder(s, MailboxName.INBOX).build().run(new SyncCursor(7, 40, 300), r);
      assertEquals(List.of("ENABLE QRESYNC", "SELECT INBOX (QRESYNC (7 300))", "UID FETCH 1:2 " + NEW_ITEMS),
          commands(3));
      assertEquals(List.of("full UIDVALIDITY changed from 7 to 8", "new 1 msg-1 []", "new 2 msg-2 []"), r.events);
      assertEquals(new SyncCursor(8, 3, 5), report.cursor());
      assertTrue(report.fullResync());
    }
  }

  @Test
  @DisplayName("I21: a HIGHESTMODSEQ below the cursor's triggers a full resync")
  void i21ModSeqWentBackwards() throws Exception {
    try (ImapSession s = Imap.connect(imap, CONDSTORE_CAPS)) {
      imap.enqueue(select(1, 7, 2, 10), bodies(new long[][] {{1, 1}}));
      Recorder r = new Recorder();
      SyncReport report = MailboxSync.builder(s, MailboxName.INBOX).build().run(new SyncCursor(7, 2, 50), r);
      assertEquals(List.of("SELECT INBOX (CONDSTORE)", "UID FETCH 1 " + NEW_ITEMS), commands(2));
      assertEquals(List.of("full HIGHESTMODSEQ went backwards from 50 to 10", "new 1 msg-1 []"), r.events);
      assertEquals(new SyncCursor(7, 2, 10), report.cursor());
    }
  }

  @Test
  @DisplayName("R07: a drop mid-FETCH, reconnect, resume from the last persisted cursor: nothing lost or twice")
  void r07ReconnectMidSync() throws Exception {
    Recorder r = new Recorder();
    byte[] all = bodiesBytes(new long[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}});
    int cut = indexOf(all, "* 3 FETCH") + 20; // mid third message
    try (ImapSession s = Imap.connect(imap, CONDSTORE_CAPS)) {
      imap.enqueue(select(5, 7, 6, 9), MockImapResponse.raw(all).onStart(new SocketEffect.CloseMidReply(cut)));
      assertThrows(MailException.class, () -> MailboxSync.builder(s, MailboxName.INBOX).build()
          .run(SyncCursor.initial(), r));
    }
    assertEquals(List.of("new 1 msg-1 []", "new 2 msg-2 []"), r.events);
    assertEquals(new SyncCursor(7, 3, 0), r.persisted);
    commands(2);
    try (ImapSession s = Imap.connect(imap, CONDSTORE_CAPS)) {
      imap.enqueue(select(5, 7, 6, 9), MockImapResponse.ok("done"), MockImapResponse.ok("done", "* SEARCH 1 2"),
          bodies(new long[][] {{3, 3}, {4, 4}, {5, 5}}));
      SyncReport report = MailboxSync.builder(s, MailboxName.INBOX).build().run(r.persisted, r);
      assertEquals(List.of("SELECT INBOX (CONDSTORE)", "UID FETCH 1:2 (UID FLAGS)", "UID SEARCH UID 1:2",
          "UID FETCH 3:5 " + NEW_ITEMS), commands(4));
      assertEquals(new SyncCursor(7, 6, 9), report.cursor());
    }
    assertEquals(List.of("new 1 msg-1 []", "new 2 msg-2 []", "new 3 msg-3 []", "new 4 msg-4 []", "new 5 msg-5 []"),
        r.events, "each message exactly once across the drop");
  }

  @Test
  void aFailingHandlerFailsTheSyncWithItsOwnException() throws Exception {
    try (ImapSession s = Imap.connect(imap, CONDSTORE_CAPS)) {
      imap.enqueue(select(2, 7, 3, 9), bodies(new long[][] {{1, 1}, {2, 2}}));
      IOException boom = new IOException("disk full");
      IOException thrown = assertThrows(IOException.class, () -> MailboxSync.builder(s, MailboxName.INBOX).build()
          .run(SyncCursor.initial(), e -> {
            throw boom;
          }));
      assertEquals(boom, thrown);
    }
  }

  @Test
  void cursorTextRoundTrip() {
    SyncCursor c = new SyncCursor(3857529045L, 4392, 715194045007L);
    assertEquals(c, SyncCursor.parse(c.toString()));
    assertThrows(IllegalArgumentException.class, () -> SyncCursor.parse("1:2"));
    assertThrows(IllegalArgumentException.class, () -> new SyncCursor(1, 0, 0));
  }

  private static byte[] bodiesBytes(long[][] seqUid) {
    StringBuilder s = new StringBuilder();
    for (long[] m : seqUid) {
      String body = "msg-" + m[1];
      s.append("* ").append(m[0]).append(" FETCH (UID ").append(m[1]).append(" FLAGS () RFC822.SIZE ")
          .append(body.length()).append(" BODY[] {").append(body.length()).append("}\r\n").append(body)
          .append(")\r\n");
    }
    return s.append("$tag OK done\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static int indexOf(byte[] b, String s) {
    return new String(b, StandardCharsets.US_ASCII).indexOf(s);
  }
}
