package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819), SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154), CHILDREN. */
class ListExtendedTest {
  static final String CAPS = Imap.CAPS + " LIST-EXTENDED LIST-STATUS SPECIAL-USE CREATE-SPECIAL-USE CHILDREN";

  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  void extendedListWithStatusChildInfoAndOldName() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("done",
          "* LIST (\\Subscribed \\HasChildren) \"/\" \"Work\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
          "* STATUS \"Work\" (MESSAGES 4 UNSEEN 1)",
          "* LIST (\\Subscribed \\Sent \\HasNoChildren) \"/\" \"Sent\"",
          "* STATUS \"Sent\" (MESSAGES 9 UNSEEN 0)",
          "* LIST (\\HasNoChildren) \"/\" \"R&AOk-unions\" (\"OLDNAME\" (\"Meetings\") \"X-FUTURE\" (1 2))"));
      List<ListEntry> list = s.list("", List.of("*", "Work/%"), ListOptions.builder()
          .select(ListOptions.Selection.SUBSCRIBED, ListOptions.Selection.RECURSIVEMATCH)
          .returning(ListOptions.Return.CHILDREN, ListOptions.Return.SPECIAL_USE)
          .status(StatusItem.MESSAGES, StatusItem.UNSEEN).build()).await();
      assertEquals("LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"*\" \"Work/%\") RETURN (CHILDREN SPECIAL-USE "
          + "STATUS (MESSAGES UNSEEN))", imap.takeImapCommand().command());
      assertEquals(3, list.size());
      assertEquals(Set.of("SUBSCRIBED"), list.get(0).childInfo());
      assertEquals(4, list.get(0).status().orElseThrow().messages().getAsLong());
      assertEquals(Set.of("\\Sent"), list.get(1).specialUse());
      assertEquals(9, list.get(1).status().orElseThrow().messages().getAsLong());
      assertEquals("Réunions", list.get(2).name().name());
      assertEquals(Optional.of(MailboxName.of("Meetings")), list.get(2).oldName());
      assertTrue(list.get(2).status().isEmpty());
    }
  }

  @Test
  void specialUseSelectionAndCreate() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* LIST (\\Archive) \"/\" Archive", "* LIST (\\Trash) \"/\" Trash"));
      List<ListEntry> special = s.list("", List.of("*"), ListOptions.builder()
          .select(ListOptions.Selection.SPECIAL_USE).build()).await();
      assertEquals("LIST (SPECIAL-USE) \"\" \"*\"", imap.takeImapCommand().command());
      assertEquals(List.of(Set.of("\\Archive"), Set.of("\\Trash")), special.stream().map(ListEntry::specialUse)
          .toList());
      imap.enqueue(MockImapResponse.ok("done"));
      s.create(MailboxName.of("Old mail"), Set.of("\\Archive")).await();
      assertEquals("CREATE \"Old mail\" (USE (\\Archive))", imap.takeImapCommand().command());
      assertThrows(IllegalArgumentException.class, () -> s.create(MailboxName.of("x"), Set.of("\\Bad flag")));
      assertThrows(IllegalArgumentException.class, () -> s.create(MailboxName.of("x"), Set.of()));
    }
  }

  @Test
  void malformedExtendedDataIsAProtocolError() throws Exception {
    for (String bad : new String[] {"* LIST () \"/\" x (\"OLDNAME\"", "* LIST () \"/\" x (\"CHILDINFO\" (SUBSCRIBED",
        "* LIST () \"/\" x (\"OLDNAME\" (\"\"))"}) {
      try (ImapSession s = Imap.connect(imap, CAPS)) {
        imap.enqueue(MockImapResponse.ok("done", bad));
        assertThrows(MailProtocolException.class, () -> s.list("", List.of("*"), ListOptions.builder()
            .returning(ListOptions.Return.CHILDREN).build()).await(), bad);
        imap.takeImapCommand();
      }
    }
  }

  @Test
  void optionsAreCapabilityGated() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      ListOptions children = ListOptions.builder().returning(ListOptions.Return.CHILDREN).build();
      assertThrows(IllegalStateException.class, () -> s.list("", List.of("*"), children));
      assertThrows(IllegalStateException.class, () -> s.list("", List.of("*"),
          ListOptions.builder().status(StatusItem.MESSAGES).build()));
      assertThrows(IllegalStateException.class, () -> s.create(MailboxName.of("A"), Set.of("\\Archive")));
      imap.enqueue(MockImapResponse.ok("done", "* LIST () \"/\" INBOX"));
      assertEquals(1, s.list("", List.of("%"), ListOptions.builder().build()).await().size(),
          "no options: a plain LIST");
      assertEquals("LIST \"\" \"%\"", imap.takeImapCommand().command());
    }
    assertThrows(IllegalArgumentException.class, () -> ListOptions.builder()
        .select(ListOptions.Selection.RECURSIVEMATCH).build());
  }
}
