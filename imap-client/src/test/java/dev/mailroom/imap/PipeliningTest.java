package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedImapCommand;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Many commands in flight (RFC 9051 §5.5): own results, out-of-order completion, fencing around EXPUNGE. */
class PipeliningTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  @DisplayName("100 UID FETCH / UID STORE / UID SEARCH handles in flight each complete with their own result")
  void hundredInFlight() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(Imap.selected(300, 1));
      s.select(MailboxName.INBOX).await();
      imap.takeImapCommand();
      List<ImapCommand<?>> handles = new ArrayList<>();
      for (int i = 1; i <= 100; i++) {
        long uid = 1000 + i;
        switch (i % 3) {
          case 0 -> {
            imap.enqueue(MockImapResponse.raw(("* " + i + " FETCH (UID " + uid + " BODY[] {4}\r\nb" + pad(i)
                + ")\r\n$tag OK done\r\n").getBytes(StandardCharsets.US_ASCII)));
            handles.add(s.fetch(UidSet.of(uid), FetchSpec.builder().body(BodySection.whole().asPeek()).build()));
          }
          case 1 -> {
            imap.enqueue(MockImapResponse.ok("done", "* " + i + " FETCH (UID " + uid + " FLAGS (\\Seen $K" + i + "))"));
            handles.add(s.store(UidSet.of(uid), StoreAction.ADD, Set.of(Flag.keyword("$K" + i)), false));
          }
          default -> {
            imap.enqueue(MockImapResponse.ok("done", "* SEARCH " + uid));
            handles.add(s.uidSearch(SearchCriteria.uid(UidSet.of(uid))));
          }
        }
      }
      for (int i = 1; i <= 100; i++) {
        long uid = 1000 + i;
        Object r = handles.get(i - 1).await();
        switch (i % 3) {
          case 0 -> {
            List<?> l = (List<?>) r;
            FetchedMessage m = (FetchedMessage) l.get(0);
            assertEquals(uid, m.uid().orElseThrow().value());
            assertEquals("b" + pad(i), new String(m.body(BodySection.whole()).orElseThrow(), StandardCharsets.UTF_8));
          }
          case 1 -> {
            FetchedMessage m = (FetchedMessage) ((List<?>) r).get(0);
            assertTrue(m.flags().orElseThrow().contains(Flag.keyword("$K" + i)));
          }
          default -> assertEquals(List.of(uid), ((SearchResult) r).numbers());
        }
      }
      for (int i = 0; i < 100; i++) {
        RecordedImapCommand c = imap.takeImapCommand();
        assertTrue(c.command().startsWith("UID "), c.command());
      }
    }
  }

  private static String pad(int i) {
    return String.format("%03d", i);
  }

  @Test
  @DisplayName("I10: A3 OK before A2 OK, with untagged data between: each handle gets its own status and data")
  void i10OutOfOrder() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("status done", "* STATUS Sent (MESSAGES 7)").deferred(),
          MockImapResponse.ok("list done", "* LIST () \"/\" Work", "* 9 EXISTS"));
      ImapCommand<MailboxStatus> status = s.status(MailboxName.of("Sent"), MailboxStatus.StatusItem.MESSAGES);
      ImapCommand<List<ListEntry>> list = s.list("", "Work");
      assertEquals(7, status.await().messages().getAsLong());
      assertEquals("Work", list.await().get(0).name().name());
      RecordedImapCommand first = imap.takeImapCommand();
      RecordedImapCommand second = imap.takeImapCommand();
      assertEquals(status.tag(), first.tag());
      assertEquals(list.tag(), second.tag());
    }
  }

  @Test
  @DisplayName("I09: a tagged response for an unknown tag fails every command in flight and closes the connection")
  void i09UnknownTag() throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS);
    imap.enqueue(MockImapResponse.of("Z99 OK surprise"));
    ImapCommand<Void> noop = s.noop();
    MailProtocolException e = assertThrows(MailProtocolException.class, noop::await);
    assertTrue(e.getMessage().contains("I09"), e.getMessage());
    assertThrows(MailProtocolException.class, () -> s.noop().await());
    s.close();
  }

  @Test
  @DisplayName("I09: a second completion for an already completed tag is a protocol error")
  void i09DuplicateCompletion() throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS); // LOGIN was A1, CAPABILITY A2
    imap.enqueue(MockImapResponse.ok("once"), MockImapResponse.of("A3 OK again", "$tag OK fine"));
    ImapCommand<Void> first = s.noop();
    assertEquals("A3", first.tag());
    first.await();
    ExecutionException e = assertThrows(ExecutionException.class, () -> s.noop().toFuture().get());
    assertInstanceOf(MailProtocolException.class, e.getCause());
    s.close();
  }

  @Test
  @DisplayName("RFC 9051 §5.5: a sequence-number STORE is fenced behind EXPUNGE and renumbered to the same message")
  void fencedAroundExpunge() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(Imap.selected(5, 1));
      SelectedMailbox box = s.select(MailboxName.INBOX).await();
      imap.takeImapCommand();
      // The caller means message 3. EXPUNGE removes message 2 first, so message 3 becomes message 2. An
      // unfenced client would send "STORE 3" right behind EXPUNGE and flag the message that used to be 4.
      imap.enqueue(MockImapResponse.ok("EXPUNGE done", "* 2 EXPUNGE"), MockImapResponse.ok("STORE done"));
      ImapCommand<List<Long>> expunge = s.expunge();
      ImapCommand<List<FetchedMessage>> store = s.store(SeqSet.of(3), StoreAction.ADD, Set.of(Flag.FLAGGED), true);
      assertEquals(List.of(2L), expunge.await());
      store.await();
      assertEquals("EXPUNGE", imap.takeImapCommand().command());
      assertEquals("STORE 2 +FLAGS.SILENT (\\Flagged)", imap.takeImapCommand().command());
      assertEquals(4, box.exists());
    }
  }

  @Test
  @DisplayName("a sequence FETCH waits for an in-flight UID command (which may expunge) before it is sent")
  void seqFetchWaitsForUidCommand() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(Imap.selected(5, 1));
      s.select(MailboxName.INBOX).await();
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("done", "* 1 EXPUNGE"),
          MockImapResponse.ok("done", "* 4 FETCH (FLAGS (\\Seen))"));
      ImapCommand<CopyResult> copy = s.copy(UidSet.of(9), MailboxName.of("Archive"));
      ImapCommand<List<FetchedMessage>> fetch = s.fetch(SeqSet.of(5), FetchSpec.builder().flags().build());
      copy.await();
      assertEquals(4, fetch.await().get(0).seq());
      imap.takeImapCommand();
      assertEquals("FETCH 4 (FLAGS)", imap.takeImapCommand().command());
    }
  }
}
