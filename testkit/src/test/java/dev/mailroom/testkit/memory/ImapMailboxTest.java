package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IMAP mailbox commands: LIST/LSUB with special-use, CREATE/RENAME/DELETE, STATUS, SELECT/EXAMINE and APPEND. */
class ImapMailboxTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw")
      .maxMessageSize(10_000).build();

  private Wire login() throws Exception {
    Wire w = Wire.connect(server.imapPort());
    w.line();
    w.imap("l", "LOGIN bob bob-pw");
    return w;
  }

  @Test
  void listShowsInboxAndTheSpecialUseFolders() throws Exception {
    try (Wire w = login()) {
      assertEquals(List.of(
          "* LIST (\\HasNoChildren) \"/\" INBOX",
          "* LIST (\\HasNoChildren \\Sent) \"/\" Sent",
          "* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts",
          "* LIST (\\HasNoChildren \\Trash) \"/\" Trash",
          "* LIST (\\HasNoChildren \\Junk) \"/\" Junk",
          "* LIST (\\HasNoChildren \\Archive) \"/\" Archive",
          "a OK LIST completed"), w.imap("a", "LIST \"\" *"));
      assertEquals(List.of("* LIST (\\Noselect) \"/\" \"\"", "b OK LIST completed"), w.imap("b", "LIST \"\" \"\""));
      List<String> special = w.imap("c", "LIST (SPECIAL-USE) \"\" * RETURN (SPECIAL-USE)");
      assertEquals(6, special.size(), special.toString());
      assertEquals("* LIST (\\HasNoChildren) \"/\" INBOX", w.imap("d", "LIST \"\" inbox").get(0));
    }
  }

  @Test
  void createRenameDeleteAndTheHierarchy() throws Exception {
    try (Wire w = login()) {
      assertEquals("a OK CREATE completed", w.imap("a", "CREATE Work/2026").get(0));
      assertEquals("b NO [ALREADYEXISTS] Mailbox exists", w.imap("b", "CREATE Work/2026").get(0));
      w.imap("c", "CREATE Work");
      assertEquals(List.of("* LIST (\\HasChildren) \"/\" Work", "d OK LIST completed"),
          w.imap("d", "LIST \"\" Work%"));
      assertEquals("e OK RENAME completed", w.imap("e", "RENAME Work/2026 Work/2027").get(0));
      assertEquals("* LIST (\\HasNoChildren) \"/\" Work/2027", w.imap("f", "LIST Work/ %").get(0));
      assertEquals("g OK DELETE completed", w.imap("g", "DELETE Work/2027").get(0));
      assertEquals("h NO [NONEXISTENT] Cannot delete INBOX", w.imap("h", "DELETE INBOX").get(0));
      w.imap("i", "UNSUBSCRIBE Work");
      assertEquals(List.of("j OK LSUB completed"), w.imap("j", "LSUB \"\" Work"));
      assertEquals(List.of("* LIST (\\HasNoChildren \\Subscribed \\Junk) \"/\" Junk", "k OK LIST completed"),
          w.imap("k", "LIST \"\" Junk RETURN (SUBSCRIBED)"));
      assertEquals(List.of("l OK LIST completed"), w.imap("l", "LIST (SUBSCRIBED) \"\" Work"));
    }
  }

  @Test
  void selectReportsTheMailboxStateAndStatusCountsIt() throws Exception {
    server.store().append("bob", "INBOX", "S: 1\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Set.of("\\Seen"));
    server.store().append("bob", "INBOX", "S: 2\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    MailboxView inbox = server.mailbox("bob");
    try (Wire w = login()) {
      assertEquals(List.of(
          "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
          "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
          "* 2 EXISTS", "* 2 RECENT", "* OK [UNSEEN 2] First unseen",
          "* OK [UIDVALIDITY " + inbox.uidValidity() + "] UIDs valid", "* OK [UIDNEXT 3] Predicted next UID",
          "a OK [READ-WRITE] SELECT completed"), w.imap("a", "SELECT INBOX"));
      assertEquals("b OK [READ-ONLY] EXAMINE completed", last(w.imap("b", "EXAMINE INBOX")));
      assertEquals("* STATUS INBOX (MESSAGES 2 UNSEEN 1 UIDNEXT 3 UIDVALIDITY " + inbox.uidValidity()
          + " SIZE 22)", w.imap("c", "STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY SIZE)").get(0));
      assertEquals("d NO Mailbox doesn't exist: Nope", last(w.imap("d", "SELECT Nope")));
    }
  }

  @Test
  void recentBelongsToTheFirstSessionThatSelectsAndExamineDoesNotClaimIt() throws Exception {
    server.store().append("bob", "INBOX", "S: 1\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    try (Wire a = login(); Wire b = login()) {
      assertTrue(a.imap("x", "EXAMINE INBOX").contains("* 1 RECENT"));
      assertEquals("* STATUS INBOX (RECENT 1)", a.imap("s", "STATUS INBOX (RECENT)").get(0));
      assertTrue(b.imap("y", "SELECT INBOX").contains("* 1 RECENT"));
      assertTrue(a.imap("z", "SELECT INBOX").contains("* 0 RECENT"));
      assertEquals("* SEARCH 1", b.imap("n", "SEARCH NEW").get(0));
      assertEquals("* SEARCH", a.imap("r", "SEARCH RECENT").get(0));
      assertEquals("* 1 FETCH (FLAGS (\\Recent))", b.imap("f", "FETCH 1 FLAGS").get(0));
      assertEquals("* 1 FETCH (FLAGS ())", a.imap("f", "FETCH 1 FLAGS").get(0));
    }
  }

  @Test
  void appendWithASynchronizingAndANonSynchronizingLiteral() throws Exception {
    byte[] message = "Subject: appended\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    long validity = server.mailbox("bob", "Drafts").uidValidity();
    try (Wire w = login()) {
      w.send("a APPEND Drafts (\\Draft $Label) \"05-Mar-2026 10:11:12 +0100\" {" + message.length + "}");
      w.expect("+ ");
      w.raw(message).raw("\r\n");
      assertEquals("a OK [APPENDUID " + validity + " 1] APPEND completed", w.line());
      w.raw("b APPEND Drafts {" + message.length + "+}\r\n").raw(message).raw("\r\n");
      assertEquals("b OK [APPENDUID " + validity + " 2] APPEND completed", w.line());
      assertEquals("c NO [TRYCREATE] Mailbox doesn't exist: Nope", w.imap("c", "APPEND Nope {1+}\r\nx").get(0));
    }
    StoredMessage first = server.mailbox("bob", "Drafts").messages().get(0);
    assertEquals(Set.of("\\Draft", "$Label"), first.flags());
    assertEquals(java.time.Instant.parse("2026-03-05T09:11:12Z"), first.internalDate());
    assertEquals("appended", first.subject().orElseThrow());
  }

  @Test
  @DisplayName("I07 a literal over the size limit ends the connection before any of it is read")
  void i07OversizedLiteral() throws Exception {
    try (Wire w = login()) {
      w.send("a APPEND INBOX {99999999999}");
      assertEquals("* BYE literal of 99999999999 bytes is too big", w.line());
    }
    assertEquals(0, server.mailbox("bob").size());
  }

  @Test
  void namespaceIdAndEnable() throws Exception {
    try (Wire w = login()) {
      assertEquals("* NAMESPACE ((\"\" \"/\")) NIL NIL", w.imap("a", "NAMESPACE").get(0));
      assertTrue(w.imap("b", "ID (\"name\" \"test\")").get(0).startsWith("* ID (\"name\" \"Mailroom"));
      assertEquals("* ENABLED UTF8=ACCEPT", w.imap("c", "ENABLE UTF8=ACCEPT CONDSTORE").get(0));
    }
  }

  private static String last(List<String> lines) {
    return lines.get(lines.size() - 1);
  }
}
