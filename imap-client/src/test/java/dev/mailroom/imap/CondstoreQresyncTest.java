package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 7162 CONDSTORE and QRESYNC: SELECT parameters, MODSEQ, CHANGEDSINCE, UNCHANGEDSINCE, VANISHED; I21. */
class CondstoreQresyncTest {
  static final String CAPS = Imap.CAPS + " CONDSTORE QRESYNC";

  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession qresyncSession() throws Exception {
    ImapSession s = Imap.connect(imap, CAPS);
    imap.enqueue(MockImapResponse.ok("enabled", "* ENABLED QRESYNC"));
    assertEquals(Set.of("QRESYNC"), s.enable("QRESYNC").await());
    assertEquals("ENABLE QRESYNC", imap.takeImapCommand().command());
    return s;
  }

  @Test
  void condstoreSelectFetchModSeqAndChangedSince() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("[READ-WRITE] done", "* 3 EXISTS", "* OK [UIDVALIDITY 7] x",
          "* OK [HIGHESTMODSEQ 715194045007] x"));
      SelectResult r = s.select(MailboxName.INBOX, SelectOptions.condstore()).await();
      assertEquals("SELECT INBOX (CONDSTORE)", imap.takeImapCommand().command());
      assertEquals(715194045007L, r.mailbox().highestModSeq().getAsLong());
      assertTrue(r.vanished().isEmpty());
      imap.enqueue(MockImapResponse.ok("done", "* 2 FETCH (UID 5 FLAGS (\\Seen) MODSEQ (715194045010))"));
      List<FetchedMessage> changed = s.fetch(UidSet.range(1, 10),
          FetchSpec.builder().uid().flags().modSeq().changedSince(715194045007L).build()).await();
      assertEquals("UID FETCH 1:10 (UID FLAGS MODSEQ) (CHANGEDSINCE 715194045007)", imap.takeImapCommand().command());
      assertEquals(715194045010L, changed.get(0).modSeq().getAsLong());
      assertEquals(Set.of(Flag.SEEN), changed.get(0).flags().orElseThrow());
      imap.enqueue(MockImapResponse.ok("done", "* SEARCH 2 5 (MODSEQ 917162500)"));
      assertEquals(List.of(2L, 5L), s.uidSearch(SearchCriteria.modSeqAtLeast(620162338)).await().numbers());
      assertEquals("UID SEARCH MODSEQ 620162338", imap.takeImapCommand().command());
    }
  }

  @Test
  void conditionalStoreReportsModified() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(Imap.selected(9, 7));
      s.select(MailboxName.INBOX).await();
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("[MODIFIED 7,9] Conditional STORE failed",
          "* 5 FETCH (UID 5 MODSEQ (320162350) FLAGS (\\Seen))"));
      ConditionalStoreResult r = s.store(UidSet.of(5, 7, 9), StoreAction.ADD, Set.of(Flag.SEEN), 320162338L).await();
      assertEquals("UID STORE 5,7,9 (UNCHANGEDSINCE 320162338) +FLAGS (\\Seen)", imap.takeImapCommand().command());
      assertEquals("7,9", r.modified().orElseThrow().toString());
      assertEquals(320162350L, r.updated().get(0).modSeq().getAsLong());
      imap.enqueue(MockImapResponse.ok("[MODIFIED 1:x] broken"));
      MailException e = assertThrows(MailException.class,
          () -> s.store(UidSet.of(1), StoreAction.ADD, Set.of(Flag.SEEN), 1).await());
      assertTrue(e.getMessage().contains("MODIFIED"), e.getMessage());
    }
  }

  @Test
  @DisplayName("RFC 7162 §3.2.5.1: a QRESYNC SELECT reports VANISHED (EARLIER) and changed flags in one round trip")
  void qresyncSelect() throws Exception {
    try (ImapSession s = qresyncSession()) {
      imap.enqueue(MockImapResponse.ok("[READ-WRITE] done", "* 314 EXISTS", "* OK [UIDVALIDITY 67890007] x",
          "* OK [UIDNEXT 600] x", "* OK [HIGHESTMODSEQ 90060115205545359] x",
          "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540",
          "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))",
          "* 50 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))"));
      SelectResult r = s.select(MailboxName.INBOX, SelectOptions.qresync(67890007, 90060115194045000L)
          .withKnownUids(UidSet.parse("41:211,214:541"))).await();
      assertEquals("SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))",
          imap.takeImapCommand().command());
      assertEquals("41,43:116,118,120:211,214:540", r.vanished().orElseThrow().toString());
      assertEquals(2, r.changed().size());
      assertEquals(119, r.changed().get(1).uid().orElseThrow().value());
      assertEquals(90060115194045308L, r.changed().get(1).modSeq().getAsLong());
      assertEquals(314, r.mailbox().exists(), "VANISHED (EARLIER) does not renumber");
      assertEquals(117, r.mailbox().uid(49).orElseThrow().value());
    }
  }

  @Test
  void fetchWithVanishedModifierStreamsTheVanishedSet() throws Exception {
    try (ImapSession s = qresyncSession()) {
      imap.enqueue(Imap.selected(500, 7));
      s.select(MailboxName.INBOX).await();
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("done", "* VANISHED (EARLIER) 300:310,405,411",
          "* 1 FETCH (UID 404 MODSEQ (65402) FLAGS (\\Seen))"));
      List<UidSet> vanished = new ArrayList<>();
      List<FetchedMessage> got = new ArrayList<>();
      s.fetch(UidSet.range(300, 500), FetchSpec.builder().flags().changedSince(12345).vanished().build(),
          new FetchHandler() {
            @Override
            public void message(FetchedMessage m) {
              got.add(m);
            }

            @Override
            public void vanished(UidSet uids) {
              vanished.add(uids);
            }
          }).await();
      assertEquals("UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)", imap.takeImapCommand().command());
      assertEquals(List.of(UidSet.parse("300:310,405,411")), vanished);
      assertEquals(65402, got.get(0).modSeq().getAsLong());
    }
  }

  @Test
  @DisplayName("VANISHED replaces EXPUNGE under QRESYNC: the model renumbers, UID EXPUNGE returns the positions")
  void liveVanished() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    imap.enqueueGreeting(CAPS);
    imap.enqueue(MockImapResponse.ok("LOGIN completed"),
        MockImapResponse.ok("CAPABILITY completed", "* CAPABILITY " + CAPS));
    try (ImapSession s = Imap.plain(imap).unsolicitedListener(new UnsolicitedListener() {
      @Override
      public void vanished(UidSet uids, boolean earlier) {
        heard.add(uids + (earlier ? " earlier" : ""));
      }
    }).build().connect()) {
      imap.enqueue(MockImapResponse.ok("enabled", "* ENABLED QRESYNC"), Imap.selected(4, 7),
          MockImapResponse.ok("done", "* 1 FETCH (UID 10)", "* 2 FETCH (UID 11)", "* 3 FETCH (UID 12)",
              "* 4 FETCH (UID 13)"));
      s.enable("QRESYNC").await();
      SelectedMailbox m = s.select(MailboxName.INBOX).await();
      s.fetch(SeqSet.all(), FetchSpec.builder().uid().build()).await();
      imap.enqueue(MockImapResponse.ok("done", "* VANISHED 11"));
      s.noop().await();
      assertEquals(3, m.exists());
      assertEquals(12, m.uid(2).orElseThrow().value());
      assertEquals(List.of("11"), heard);
      imap.enqueue(MockImapResponse.ok("done", "* VANISHED 12:13"));
      assertEquals(List.of(3L, 2L), s.expunge(UidSet.range(12, 13)).await());
      assertEquals(1, m.exists());
      assertEquals(10, m.uid(1).orElseThrow().value());
    }
  }

  @Test
  @DisplayName("VANISHED at positions the model does not know: later sequence commands fail instead of misfiring")
  void vanishedAtUnknownPositionsMakesSequenceNumbersAmbiguous() throws Exception {
    try (ImapSession s = qresyncSession()) {
      imap.enqueue(Imap.selected(5, 7));
      SelectedMailbox m = s.select(MailboxName.INBOX).await();
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("done", "* VANISHED 3"));
      ImapCommand<Void> noop = s.noop();
      // Issued while the NOOP is in flight, so meant against the numbering before the VANISHED.
      ImapCommand<List<FetchedMessage>> stale = s.store(SeqSet.of(4), StoreAction.ADD, Set.of(Flag.SEEN), true);
      noop.await();
      MailException e = assertThrows(MailException.class, stale::await);
      assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
      assertEquals(4, m.exists());
      imap.takeImapCommand(); // NOOP
      imap.enqueue(MockImapResponse.ok("done"));
      s.store(UidSet.of(4), StoreAction.ADD, Set.of(Flag.SEEN), true).await();
      assertEquals("UID STORE 4 +FLAGS.SILENT (\\Seen)", imap.takeImapCommand().command());
    }
  }

  @Test
  @DisplayName("I21: HIGHESTMODSEQ going backwards within a selection is ignored; NOMODSEQ is recorded")
  void i21ModSeqBackwardsAndNoModSeq() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* 1 EXISTS", "* OK [UIDVALIDITY 7] x", "* OK [HIGHESTMODSEQ 100] x"),
          MockImapResponse.ok("done", "* OK [HIGHESTMODSEQ 50] x"));
      SelectedMailbox m = s.select(MailboxName.INBOX, SelectOptions.condstore()).await().mailbox();
      s.noop().await();
      assertEquals(100, m.highestModSeq().getAsLong());
      assertFalse(m.noModSeq());
      imap.enqueue(MockImapResponse.ok("done", "* 1 EXISTS", "* OK [UIDVALIDITY 8] x", "* OK [NOMODSEQ] none"));
      SelectedMailbox other = s.select(MailboxName.of("Archive"), SelectOptions.condstore()).await().mailbox();
      assertTrue(other.noModSeq());
      assertTrue(other.highestModSeq().isEmpty());
    }
  }

  @Test
  @DisplayName("I13/I14/I15: MODSEQ 0, VANISHED with '*', a VANISHED naming more messages than exist")
  void hostileModSeqAndVanished() throws Exception {
    for (String bad : new String[] {"* 1 FETCH (UID 1 MODSEQ (0))", "* VANISHED 1:*", "* VANISHED 1:4294967295",
        "* VANISHED (LATER) 1", "* 1 FETCH (UID 1 MODSEQ (9223372036854775808))"}) {
      try (ImapSession s = qresyncSession()) {
        imap.enqueue(Imap.selected(2, 7));
        s.select(MailboxName.INBOX).await();
        imap.takeImapCommand();
        imap.enqueue(MockImapResponse.ok("done", bad));
        assertThrows(MailProtocolException.class, () -> s.noop().await(), bad);
        imap.takeImapCommand();
      }
    }
  }

  @Test
  void extensionsAreCapabilityGated() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      assertThrows(IllegalStateException.class, () -> s.select(MailboxName.INBOX, SelectOptions.condstore()));
      assertThrows(IllegalStateException.class, () -> s.select(MailboxName.INBOX, SelectOptions.qresync(1, 1)));
      assertThrows(IllegalStateException.class,
          () -> s.fetch(UidSet.all(), FetchSpec.builder().flags().changedSince(1).build()));
      assertThrows(IllegalStateException.class,
          () -> s.store(UidSet.of(1), StoreAction.ADD, Set.of(Flag.SEEN), 5));
    }
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      assertThrows(IllegalStateException.class, () -> s.select(MailboxName.INBOX, SelectOptions.qresync(1, 1)),
          "QRESYNC needs ENABLE first");
      assertThrows(IllegalStateException.class,
          () -> s.fetch(SeqSet.all(), FetchSpec.builder().flags().changedSince(1).vanished().build()));
    }
    assertThrows(IllegalArgumentException.class, () -> FetchSpec.builder().flags().vanished().build());
    assertThrows(IllegalArgumentException.class, () -> SelectOptions.qresync(0, 1));
    assertThrows(IllegalArgumentException.class, () -> SelectOptions.qresync(1, 0));
  }
}
