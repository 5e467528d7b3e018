package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IMAP4rev2 (RFC 9051) and UTF8=ACCEPT (RFC 6855) after login: ENABLE, UTF-8 names both ways, ESEARCH results. */
class Rev2Utf8Test {
  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession connect(String caps, String enabled) throws Exception {
    imap.enqueueGreeting(caps);
    imap.enqueue(MockImapResponse.ok("LOGIN completed"),
        MockImapResponse.ok("CAPABILITY completed", "* CAPABILITY " + caps),
        MockImapResponse.ok("enabled", "* ENABLED " + enabled));
    ImapSession s = Imap.plain(imap).build().connect();
    imap.takeImapCommand();
    imap.takeImapCommand();
    assertEquals("ENABLE " + enabled, imap.takeImapCommand().command());
    return s;
  }

  @Test
  void rev2UsesUtf8NamesAndEsearch() throws Exception {
    try (ImapSession s = connect("IMAP4rev1 IMAP4rev2 ENABLE LITERAL+", "IMAP4rev2")) {
      imap.enqueue(MockImapResponse.ok("done", "* LIST () \"/\" \"Réunions\""),
          MockImapResponse.ok("done", "* 3 EXISTS", "* OK [UIDVALIDITY 5] x"),
          MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID ALL 4:6,9"));
      List<ListEntry> list = s.list("", "*").await();
      assertEquals("Réunions", list.get(0).name().name(), "UTF-8 names are not modified UTF-7 under rev2");
      SelectedMailbox m = s.select(MailboxName.of("Réunions")).await();
      assertEquals(0, m.recent(), "no RECENT under IMAP4rev2");
      assertEquals(List.of(4L, 5L, 6L, 9L), s.uidSearch(SearchCriteria.subject("été")).await().numbers());
      imap.takeImapCommand();
      String select = imap.takeImapCommand().command();
      assertTrue(select.startsWith("SELECT "), select);
      assertTrue(!select.contains("&AOk-"), "the name goes as UTF-8, not modified UTF-7: " + select);
      String search = imap.takeImapCommand().command();
      assertTrue(!search.contains("CHARSET"), "no CHARSET under UTF-8: " + search);
    }
  }

  @Test
  void utf8AcceptDecodesNamesAsUtf8() throws Exception {
    try (ImapSession s = connect("IMAP4rev1 ENABLE UTF8=ACCEPT LITERAL+", "UTF8=ACCEPT")) {
      imap.enqueue(MockImapResponse.ok("done", "* LIST () \"/\" \"Réunions\"", "* LIST () \"/\" \"R&AOk-unions\""));
      List<ListEntry> list = s.list("", "*").await();
      assertEquals("Réunions", list.get(0).name().name());
      assertEquals("R&AOk-unions", list.get(1).name().name(), "no modified UTF-7 decoding once UTF8=ACCEPT");
    }
  }

  @Test
  void withoutEnableNamesAreModifiedUtf7() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* LIST () \"/\" \"R&AOk-unions\""));
      assertEquals("Réunions", s.list("", "*").await().get(0).name().name());
    }
  }
}
