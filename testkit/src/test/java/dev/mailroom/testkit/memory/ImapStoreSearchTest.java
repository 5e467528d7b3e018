package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP STORE, SEARCH, EXPUNGE and UID EXPUNGE, and CLOSE's silent expunge. */
class ImapStoreSearchTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw").build();
  private Wire w;

  @BeforeEach
  void seed() throws Exception {
    append("From: alice@example.test\r\nSubject: invoice 1\r\n\r\npay now\r\n", Set.of());
    append("From: carol@example.test\r\nSubject: lunch\r\nX-Tag: food\r\n\r\nnoodles\r\n", Set.of("\\Seen"));
    append("From: alice@example.test\r\nSubject: invoice 2\r\n\r\n" + "x".repeat(500) + "\r\n",
        Set.of("\\Flagged", "\\Seen"));
    w = Wire.connect(server.imapPort());
    w.line();
    w.imap("l", "LOGIN bob bob-pw");
    w.imap("s", "SELECT INBOX");
  }

  @AfterEach
  void close() throws Exception {
    w.close();
  }

  private void append(String message, Set<String> flags) {
    server.store().append("bob", "INBOX", message.getBytes(StandardCharsets.US_ASCII), flags);
  }

  @Test
  void searchKeys() throws Exception {
    assertEquals("* SEARCH 1 2 3", w.imap("a", "SEARCH ALL").get(0));
    assertEquals("* SEARCH 1", w.imap("b", "SEARCH UNSEEN").get(0));
    assertEquals("* SEARCH 1 3", w.imap("c", "SEARCH FROM alice SUBJECT INVOICE").get(0));
    assertEquals("* SEARCH 2", w.imap("d", "SEARCH HEADER X-Tag FOOD").get(0));
    assertEquals("* SEARCH 3", w.imap("e", "SEARCH LARGER 400 FLAGGED").get(0));
    assertEquals("* SEARCH 1 2", w.imap("f", "SEARCH OR UNSEEN NOT (FROM alice)").get(0));
    assertEquals("* SEARCH 2", w.imap("g", "SEARCH BODY noodles").get(0));
    assertEquals("* SEARCH 2 3", w.imap("h", "UID SEARCH UID 2:*").get(0));
    assertEquals("* SEARCH 1", w.imap("i", "SEARCH CHARSET UTF-8 TEXT \"pay\"").get(0));
    assertEquals("* SEARCH 1 3", w.imap("n", "SEARCH OR 1 3").get(0));
    assertEquals("* SEARCH", w.imap("j", "SEARCH SUBJECT {4+}\r\nnope").get(0));
    assertEquals("k BAD unknown SEARCH key BOGUS", w.imap("k", "SEARCH BOGUS").get(0));
    assertEquals("* SEARCH 1 2 3", w.imap("m", "SEARCH SINCE 1-Jan-2020 BEFORE 1-Jan-2999").get(0));
  }

  @Test
  void storeAddsRemovesAndReplacesFlags() throws Exception {
    assertEquals(List.of("* 1 FETCH (FLAGS (\\Answered \\Recent))", "a OK STORE completed"),
        w.imap("a", "STORE 1 +FLAGS (\\Answered)"));
    assertEquals(List.of("* 3 FETCH (UID 3 FLAGS (\\Flagged \\Recent))", "b OK UID STORE completed"),
        w.imap("b", "UID STORE 3 -FLAGS \\Seen"));
    assertEquals(List.of("c OK STORE completed"), w.imap("c", "STORE 2 FLAGS.SILENT ($Work)"));
    assertEquals(Set.of("$Work"), server.mailbox("bob").messages().get(1).flags());
    w.imap("x", "EXAMINE INBOX");
    assertEquals("d NO [READ-ONLY] Mailbox is read-only", w.imap("d", "STORE 1 +FLAGS (\\Seen)").get(0));
  }

  @Test
  void expungeRemovesDeletedMessagesAndUidExpungeOnlyTheGivenOnes() throws Exception {
    w.imap("a", "STORE 1:3 +FLAGS.SILENT (\\Deleted)");
    assertEquals(List.of("* 1 EXPUNGE", "b OK UID EXPUNGE completed"), w.imap("b", "UID EXPUNGE 1"));
    assertEquals(List.of("* 2 EXPUNGE", "* 1 EXPUNGE", "c OK EXPUNGE completed"), w.imap("c", "EXPUNGE"));
    assertEquals(0, server.mailbox("bob").size());
  }

  @Test
  void closeExpungesSilentlyButUnselectDoesNot() throws Exception {
    w.imap("a", "STORE 1 +FLAGS.SILENT (\\Deleted)");
    assertEquals(List.of("b OK UNSELECT completed"), w.imap("b", "UNSELECT"));
    assertEquals(3, server.mailbox("bob").size());
    w.imap("c", "SELECT INBOX");
    assertEquals(List.of("d OK CLOSE completed"), w.imap("d", "CLOSE"));
    assertEquals(2, server.mailbox("bob").size());
    assertEquals("e BAD FETCH needs a selected mailbox, or is unknown", w.imap("e", "FETCH 1 FLAGS").get(0));
  }

  @Test
  void anotherSessionsChangesAreReportedAtNoop() throws Exception {
    server.store().append("bob", "INBOX", "S: 4\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    server.store().expunge("bob", "INBOX", List.of(1L), false);
    assertEquals(List.of("* 1 EXPUNGE", "* 3 EXISTS", "* 3 RECENT", "a OK NOOP completed"), w.imap("a", "NOOP"));
    assertEquals("* SEARCH 2 3 4", w.imap("b", "UID SEARCH ALL").get(0));
  }
}
