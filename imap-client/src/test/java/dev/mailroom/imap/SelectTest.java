package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SELECT, EXAMINE, CLOSE, UNSELECT and the live model. */
class SelectTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  void selectParsesTheFullResponseSet() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("[READ-WRITE] SELECT completed", "* 172 EXISTS", "* 1 RECENT",
          "* OK [UNSEEN 12] first unseen", "* OK [UIDVALIDITY 3857529045] UIDs valid",
          "* OK [UIDNEXT 4392] predicted", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
          "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited", "* OK [HIGHESTMODSEQ 715194045007] ok"));
      SelectedMailbox m = s.select(MailboxName.INBOX).await();
      assertEquals("SELECT INBOX", imap.takeImapCommand().command());
      assertEquals(172, m.exists());
      assertEquals(1, m.recent());
      assertEquals(12, m.firstUnseen().getAsLong());
      assertEquals(3857529045L, m.uidValidity());
      assertEquals(4392, m.uidNext().getAsLong());
      assertEquals(715194045007L, m.highestModSeq().getAsLong());
      assertEquals(Set.of(Flag.DELETED, Flag.SEEN, Flag.ANY_KEYWORD), m.permanentFlags());
      assertEquals(5, m.flags().size());
      assertFalse(m.readOnly());
      assertTrue(m.isValid());
      imap.enqueue(MockImapResponse.ok("[READ-ONLY] EXAMINE completed", "* 3 EXISTS",
          "* OK [UIDVALIDITY 7] ok"));
      SelectedMailbox e = s.examine(MailboxName.of("Réunions")).await();
      assertEquals("EXAMINE R&AOk-unions", imap.takeImapCommand().command());
      assertTrue(e.readOnly());
      assertFalse(m.isValid());
      imap.enqueue(MockImapResponse.ok("done"));
      s.unselect().await();
      assertFalse(e.isValid());
      assertTrue(s.selected().isEmpty());
    }
  }

  @Test
  @DisplayName("I20: a re-SELECT with another UIDVALIDITY leaves nothing cached from before")
  void i20UidValidityChange() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(Imap.selected(2, 100));
      SelectedMailbox first = s.select(MailboxName.INBOX).await();
      imap.enqueue(MockImapResponse.ok("done", "* 1 FETCH (UID 10 FLAGS (\\Seen))", "* 2 FETCH (UID 11 FLAGS ())"));
      s.fetch(SeqSet.range(1, 2), dev.mailroom.imap.fetch.FetchSpec.builder().uid().flags().build()).await();
      assertEquals(10, first.uid(1).orElseThrow().value());
      imap.enqueue(Imap.selected(2, 200));
      SelectedMailbox second = s.select(MailboxName.INBOX).await();
      assertFalse(first.isValid());
      assertEquals(200, second.uidValidity());
      assertTrue(second.uid(1).isEmpty());
      assertTrue(second.messageFlags(1).isEmpty());
    }
  }

  @Test
  @DisplayName("I02: NO [REFERRAL ...] on SELECT is a command error exposing the URL; it is never followed")
  void i02Referral() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.no("[REFERRAL imap://;AUTH=*@evil:243/] go there"));
      ImapCommandException e = assertThrows(ImapCommandException.class,
          () -> s.select(MailboxName.of("shared")).await());
      assertEquals("imap://;AUTH=*@evil:243/", e.responseCode().orElseThrow().data());
      imap.enqueue(MockImapResponse.ok("done"));
      s.noop().await();
      assertEquals(1, imap.connectionCount());
    }
  }

  @Test
  void listStatusNamespaceAndMailboxCommands() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* LIST (\\HasNoChildren \\Sent) \"/\" Sent",
          "* LIST (\\HasChildren) \"/\" Work", "* LIST () \"/\" R&AOk-unions"));
      List<ListEntry> list = s.list("", "*").await();
      assertEquals("LIST \"\" \"*\"", imap.takeImapCommand().command());
      assertEquals(3, list.size());
      assertTrue(list.get(0).hasAttribute("\\Sent"));
      assertEquals('/', list.get(1).delimiter());
      assertEquals("Réunions", list.get(2).name().name());
      imap.enqueue(MockImapResponse.ok("done", "* STATUS R&AOk-unions (MESSAGES 3 UIDNEXT 4)"));
      MailboxStatus st = s.status(MailboxName.of("Réunions"), MailboxStatus.StatusItem.MESSAGES,
          MailboxStatus.StatusItem.UIDNEXT).await();
      assertEquals("STATUS R&AOk-unions (MESSAGES UIDNEXT)", imap.takeImapCommand().command());
      assertEquals(3, st.messages().getAsLong());
      imap.enqueue(MockImapResponse.ok("done", "* NAMESPACE ((\"\" \"/\")) NIL ((\"#shared/\" \"/\"))"));
      Namespaces ns = s.namespace().await();
      assertEquals("", ns.personal().get(0).prefix());
      assertEquals("#shared/", ns.shared().get(0).prefix());
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("c"), MockImapResponse.ok("r"), MockImapResponse.ok("s"),
          MockImapResponse.ok("u"), MockImapResponse.ok("d"));
      s.create(MailboxName.of("mailroom-test a")).await();
      s.rename(MailboxName.of("mailroom-test a"), MailboxName.of("mailroom-test b")).await();
      s.subscribe(MailboxName.of("mailroom-test b")).await();
      s.unsubscribe(MailboxName.of("mailroom-test b")).await();
      s.delete(MailboxName.of("mailroom-test b")).await();
      assertEquals("CREATE \"mailroom-test a\"", imap.takeImapCommand().command());
      assertEquals("RENAME \"mailroom-test a\" \"mailroom-test b\"", imap.takeImapCommand().command());
      assertEquals("SUBSCRIBE \"mailroom-test b\"", imap.takeImapCommand().command());
      assertEquals("UNSUBSCRIBE \"mailroom-test b\"", imap.takeImapCommand().command());
      assertEquals("DELETE \"mailroom-test b\"", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("done", "* ID (\"name\" \"Dovecot\")"));
      assertEquals("Dovecot", s.id(java.util.Map.of("name", "Mailroom")).await().get("name"));
      assertEquals("ID (\"name\" \"Mailroom\")", imap.takeImapCommand().command());
    }
  }
}
