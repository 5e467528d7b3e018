package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedImapCommand;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SEARCH / UID SEARCH from a typed tree, STORE / UID STORE, EXPUNGE / UID EXPUNGE, CHECK, CLOSE. */
class SearchStoreTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession selected() throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS);
    imap.enqueue(Imap.selected(5, 1));
    s.select(MailboxName.INBOX).await();
    imap.takeImapCommand();
    return s;
  }

  @Test
  void searchTree() throws Exception {
    try (ImapSession s = selected()) {
      imap.enqueue(MockImapResponse.ok("done", "* SEARCH 2 4"));
      SearchResult r = s.search(SearchCriteria.and(SearchCriteria.unseen(),
          SearchCriteria.or(SearchCriteria.from("alice"), SearchCriteria.not(SearchCriteria.larger(1000))),
          SearchCriteria.since(LocalDate.of(2024, 2, 1)), SearchCriteria.header("X-Tag", "a b"),
          SearchCriteria.and(SearchCriteria.keyword(Flag.keyword("$Work")), SearchCriteria.uid(UidSet.from(5))))).await();
      assertEquals(List.of(2L, 4L), r.numbers());
      assertEquals("SEARCH UNSEEN OR FROM \"alice\" NOT LARGER 1000 SINCE 1-Feb-2024 HEADER X-Tag \"a b\" "
          + "(KEYWORD $Work UID 5:*)", imap.takeImapCommand().command());
    }
  }

  @Test
  @DisplayName("I04: search text with CRLF goes as a literal; 8-bit text adds CHARSET UTF-8")
  void i04SearchTextInjection() throws Exception {
    try (ImapSession s = selected()) {
      imap.enqueue(MockImapResponse.ok("done", "* SEARCH"));
      s.uidSearch(SearchCriteria.subject("x\r\nA9 DELETE INBOX")).await();
      RecordedImapCommand c = imap.takeImapCommand();
      assertEquals("UID SEARCH SUBJECT {18+}", c.command());
      assertArrayEquals("x\r\nA9 DELETE INBOX".getBytes(StandardCharsets.US_ASCII), c.literals().get(0));
      imap.enqueue(MockImapResponse.ok("done", "* SEARCH 1"));
      s.uidSearch(SearchCriteria.subject("Réunion")).await();
      assertEquals("UID SEARCH CHARSET UTF-8 SUBJECT {8+}", imap.takeImapCommand().command());
    }
  }

  @Test
  @DisplayName("a UID SEARCH result becomes the next command's set in runs, never one number per match (I14)")
  void searchResultAsSet() throws Exception {
    try (ImapSession s = selected()) {
      imap.enqueue(MockImapResponse.ok("done", "* SEARCH 7 3 4 5 9 10 4"), MockImapResponse.ok("done"),
          MockImapResponse.ok("done", "* SEARCH"), MockImapResponse.ok("done", "* SEARCH 2 3"));
      SearchResult r = s.uidSearch(SearchCriteria.unseen()).await();
      UidSet set = r.uidSet().orElseThrow();
      assertEquals("3:5,7,9:10", set.toString());
      assertEquals(6, set.size());
      s.store(set, StoreAction.ADD, Set.of(Flag.SEEN), true).await();
      imap.takeImapCommand();
      assertEquals("UID STORE 3:5,7,9:10 +FLAGS.SILENT (\\Seen)", imap.takeImapCommand().command());
      assertTrue(s.uidSearch(SearchCriteria.unseen()).await().uidSet().isEmpty());
      SearchResult bySeq = s.search(SearchCriteria.unseen()).await();
      assertEquals("2:3", bySeq.seqSet().orElseThrow().toString());
      assertThrows(IllegalStateException.class, bySeq::uidSet);
      assertThrows(IllegalArgumentException.class, () -> UidSet.of(List.of(0L)));
      assertThrows(IllegalArgumentException.class, () -> UidSet.of(List.of()));
    }
  }

  @Test
  void storeAndExpunge() throws Exception {
    try (ImapSession s = selected()) {
      imap.enqueue(MockImapResponse.ok("done", "* 1 FETCH (FLAGS (\\Seen \\Deleted))"));
      var changed = s.store(SeqSet.of(1), StoreAction.ADD, Set.of(Flag.DELETED), false).await();
      assertEquals("STORE 1 +FLAGS (\\Deleted)", imap.takeImapCommand().command());
      assertEquals(Set.of(Flag.SEEN, Flag.DELETED), changed.get(0).flags().orElseThrow());
      imap.enqueue(MockImapResponse.ok("done"));
      s.store(UidSet.of(9), StoreAction.REMOVE, Set.of(Flag.SEEN), true).await();
      assertEquals("UID STORE 9 -FLAGS.SILENT (\\Seen)", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("done", "* 1 EXPUNGE"), MockImapResponse.ok("done", "* 2 EXPUNGE"),
          MockImapResponse.ok("checked"), MockImapResponse.ok("closed"));
      assertEquals(List.of(1L), s.expunge().await());
      assertEquals(List.of(2L), s.expunge(UidSet.of(9)).await());
      s.check().await();
      s.closeMailbox().await();
      assertEquals("EXPUNGE", imap.takeImapCommand().command());
      assertEquals("UID EXPUNGE 9", imap.takeImapCommand().command());
      assertEquals("CHECK", imap.takeImapCommand().command());
      assertEquals("CLOSE", imap.takeImapCommand().command());
      assertEquals(true, s.selected().isEmpty());
    }
  }
}
