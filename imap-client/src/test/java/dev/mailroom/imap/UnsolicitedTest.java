package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnsolicitedTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  @DisplayName("I18: unsolicited FETCH FLAGS, EXISTS, ALERT and CAPABILITY go to the model and the listener, "
      + "never into a command's result")
  void i18Unsolicited() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    Imap.login(imap, Imap.CAPS);
    ImapSession s = Imap.plain(imap).unsolicitedListener(new UnsolicitedListener() {
      @Override
      public void exists(long count) {
        events.add("exists " + count);
      }

      @Override
      public void fetched(FetchedMessage message) {
        events.add("fetch " + message.seq() + " " + message.flags().orElseThrow());
      }

      @Override
      public void status(ResponseStatus status, ResponseCode code, String text, boolean beforeTls) {
        events.add(status + " " + code + " " + text);
      }
    }).build().connect();
    imap.enqueue(Imap.selected(10, 1));
    s.select(MailboxName.INBOX).await();
    imap.enqueue(MockImapResponse.ok("done", "* 5 FETCH (FLAGS (\\Seen))", "* 12 EXISTS",
        "* OK [ALERT] maintenance at noon", "* CAPABILITY IMAP4rev1 IDLE XNEW"),
        MockImapResponse.ok("done", "* SEARCH 3"));
    ImapCommand<MailboxStatus> status = s.status(MailboxName.of("x"), MailboxStatus.StatusItem.MESSAGES);
    assertTrue(assertFails(status));
    assertEquals(List.of(3L), s.uidSearch(dev.mailroom.imap.search.SearchCriteria.all()).await().numbers());
    assertTrue(events.contains("fetch 5 [\\Seen]"), events.toString());
    assertTrue(events.contains("exists 12"), events.toString());
    assertTrue(events.contains("OK [ALERT] maintenance at noon"), events.toString());
    SelectedMailbox box = s.selected().orElseThrow();
    assertEquals(12, box.exists());
    assertTrue(box.messageFlags(5).orElseThrow().contains(Flag.SEEN));
    assertTrue(s.has(Capability.of("XNEW")));
    s.close();
  }

  private static boolean assertFails(ImapCommand<?> c) {
    try {
      c.await();
      return false;
    } catch (dev.mailroom.client.MailException e) {
      return true; // STATUS completed without a STATUS response: the unsolicited data was not taken as its result
    }
  }
}
