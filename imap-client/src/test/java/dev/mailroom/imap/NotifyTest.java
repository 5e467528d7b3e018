package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.imap.fetch.FetchItem;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** NOTIFY (RFC 5465), unsolicited STATUS/LIST to listeners, and {@link MailboxWatcher} in both modes. */
class NotifyTest {
  static final String CAPS = Imap.CAPS + " NOTIFY";

  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  void notifySetEncodingAndUnsolicitedStatus() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
      AutoCloseable reg = s.addListener(new UnsolicitedListener() {
        @Override
        public void mailboxStatus(MailboxStatus st) {
          heard.add(st.mailbox() + " " + st.messages().getAsLong());
        }

        @Override
        public void mailboxListed(ListEntry e) {
          heard.add("list " + e.name());
        }
      });
      imap.enqueue(MockImapResponse.ok("done", "* STATUS Work (MESSAGES 3 UIDNEXT 9 UNSEEN 1)"),
          MockImapResponse.ok("done", "* STATUS Work (MESSAGES 4 UIDNEXT 10 UNSEEN 2)",
              "* LIST () \"/\" \"New folder\""));
      s.notify(NotifySpec.builder().status(true)
          .group(new NotifySpec.Group(NotifySpec.Filter.SELECTED, List.of(), Set.of(NotifySpec.Event.MESSAGE_NEW,
              NotifySpec.Event.MESSAGE_EXPUNGE, NotifySpec.Event.FLAG_CHANGE), List.of(FetchItem.UID,
              FetchItem.FLAGS)))
          .mailboxes(List.of(MailboxName.of("Work"), MailboxName.of("Réunions")), NotifySpec.Event.MESSAGE_NEW,
              NotifySpec.Event.MESSAGE_EXPUNGE)
          .group(NotifySpec.Filter.PERSONAL, NotifySpec.Event.MAILBOX_NAME).build()).await();
      assertEquals("NOTIFY SET STATUS (selected (MessageNew (UID FLAGS) MessageExpunge FlagChange)) "
          + "(mailboxes (Work R&AOk-unions) (MessageNew MessageExpunge)) (personal (MailboxName))",
          imap.takeImapCommand().command());
      s.noop().await();
      assertEquals(List.of("Work 3", "Work 4", "list New folder"), List.of(heard.poll(5, TimeUnit.SECONDS),
          heard.poll(5, TimeUnit.SECONDS), heard.poll(5, TimeUnit.SECONDS)));
      reg.close();
      imap.enqueue(MockImapResponse.ok("done", "* STATUS Work (MESSAGES 5)"), MockImapResponse.ok("done"));
      s.noop().await();
      assertTrue(heard.isEmpty(), "removed listeners hear nothing");
      s.notifyNone().await();
      imap.takeImapCommand();
      imap.takeImapCommand();
      assertEquals("NOTIFY NONE", imap.takeImapCommand().command());
    }
  }

  @Test
  void specRules() {
    assertThrows(IllegalArgumentException.class, () -> NotifySpec.builder()
        .group(NotifySpec.Filter.PERSONAL, NotifySpec.Event.MESSAGE_NEW).build(), "MessageNew needs MessageExpunge");
    assertThrows(IllegalArgumentException.class, () -> NotifySpec.builder()
        .group(NotifySpec.Filter.PERSONAL, NotifySpec.Event.FLAG_CHANGE).build());
    assertThrows(IllegalArgumentException.class, () -> NotifySpec.builder()
        .group(NotifySpec.Filter.MAILBOXES, NotifySpec.Event.MAILBOX_NAME).build(), "mailboxes needs names");
    assertThrows(IllegalArgumentException.class, () -> NotifySpec.builder().build());
    assertThrows(IllegalArgumentException.class, () -> new NotifySpec.Group(NotifySpec.Filter.PERSONAL, List.of(),
        Set.of(NotifySpec.Event.MESSAGE_NEW, NotifySpec.Event.MESSAGE_EXPUNGE), List.of(FetchItem.UID)));
  }

  @Test
  void watcherWithNotifyReportsOnlyChanges() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      LinkedBlockingQueue<MailboxStatus> changes = new LinkedBlockingQueue<>();
      imap.enqueue(MockImapResponse.ok("done", "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UNSEEN 0)",
          "* STATUS Work (MESSAGES 1 UIDNEXT 2 UNSEEN 1)"),
          MockImapResponse.ok("done", "* STATUS Work (MESSAGES 1 UIDNEXT 2 UNSEEN 1)",
              "* STATUS Other (MESSAGES 1)", "* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UNSEEN 1)"),
          MockImapResponse.ok("done"));
      MailboxWatcher w = MailboxWatcher.start(s, List.of(MailboxName.INBOX, MailboxName.of("Work")),
          Duration.ofMinutes(1), changes::add);
      assertEquals(MailboxWatcher.Mode.NOTIFY, w.mode());
      assertTrue(imap.takeImapCommand().command().startsWith("NOTIFY SET STATUS (mailboxes ("));
      s.noop().await();
      w.close();
      assertEquals(List.of("INBOX 2", "Work 1", "INBOX 3"), changes.stream()
          .map(c -> c.mailbox() + " " + c.messages().getAsLong()).toList());
      imap.takeImapCommand();
      assertEquals("NOTIFY NONE", imap.takeImapCommand().command());
    }
  }

  @Test
  void watcherPollsWithoutNotify() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      LinkedBlockingQueue<MailboxStatus> changes = new LinkedBlockingQueue<>();
      imap.enqueue(MockImapResponse.ok("done", "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UNSEEN 0)"),
          MockImapResponse.ok("done", "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UNSEEN 0)"),
          MockImapResponse.ok("done", "* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UNSEEN 1)"));
      try (MailboxWatcher w = MailboxWatcher.start(s, List.of(MailboxName.INBOX), Duration.ofMillis(50),
          changes::add)) {
        assertEquals(MailboxWatcher.Mode.POLL, w.mode());
        assertEquals(2, changes.poll(5, TimeUnit.SECONDS).messages().getAsLong());
        assertEquals(3, changes.poll(5, TimeUnit.SECONDS).messages().getAsLong(), "the unchanged poll is silent");
      }
      assertEquals("STATUS INBOX (MESSAGES UIDNEXT UNSEEN)", imap.takeImapCommand().command());
    }
  }
}
