package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.MailException;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** COPY and MOVE, with the RFC 6851 fallback. */
class MoveTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession selected(String caps) throws Exception {
    ImapSession s = Imap.connect(imap, caps);
    imap.enqueue(Imap.selected(5, 1));
    s.select(MailboxName.INBOX).await();
    imap.takeImapCommand();
    return s;
  }

  @Test
  void moveWithCopyUid() throws Exception {
    try (ImapSession s = selected(Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* OK [COPYUID 432432 42:43 10:11] moved", "* 2 EXPUNGE",
          "* 2 EXPUNGE"));
      CopyResult r = s.move(UidSet.range(42, 43), MailboxName.of("Archive")).await();
      assertEquals("UID MOVE 42:43 Archive", imap.takeImapCommand().command());
      assertEquals(432432, r.uidValidity());
      assertEquals("10:11", r.destinationUids().orElseThrow().toString());
      assertEquals(3, s.selected().orElseThrow().exists());
    }
  }

  @Test
  void copyReturnsCopyUid() throws Exception {
    try (ImapSession s = selected(Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("[COPYUID 38505 304,319:320 3956:3958] Done"));
      CopyResult r = s.copy(SeqSet.of(2, 4), MailboxName.of("Sent")).await();
      assertEquals("COPY 2,4 Sent", imap.takeImapCommand().command());
      assertEquals("304,319:320", r.sourceUids().orElseThrow().toString());
    }
  }

  @Test
  @DisplayName("I24: without MOVE: UID COPY → UID STORE +FLAGS.SILENT (\\Deleted) → UID EXPUNGE, never EXPUNGE")
  void i24Fallback() throws Exception {
    try (ImapSession s = selected("IMAP4rev1 UIDPLUS")) {
      imap.enqueue(MockImapResponse.ok("[COPYUID 9 7 70] copied"), MockImapResponse.ok("stored"),
          MockImapResponse.ok("expunged", "* 3 EXPUNGE"));
      CopyResult r = s.move(UidSet.of(7), MailboxName.of("Archive")).await();
      assertEquals(70, r.destinationUids().orElseThrow().ranges().get(0)[0]);
      assertEquals("UID COPY 7 Archive", imap.takeImapCommand().command());
      assertEquals("UID STORE 7 +FLAGS.SILENT (\\Deleted)", imap.takeImapCommand().command());
      assertEquals("UID EXPUNGE 7", imap.takeImapCommand().command());
    }
  }

  @Test
  @DisplayName("I24: COPY fails → nothing is flagged or expunged")
  void i24CopyFails() throws Exception {
    try (ImapSession s = selected("IMAP4rev1 UIDPLUS")) {
      imap.enqueue(MockImapResponse.no("[TRYCREATE] no such mailbox"));
      assertThrows(ImapCommandException.class, () -> s.move(UidSet.of(7), MailboxName.of("Nope")).await());
      assertEquals("UID COPY 7 Nope", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("noop"));
      s.noop().await();
      assertEquals("NOOP", imap.takeImapCommand().command());
    }
  }

  @Test
  @DisplayName("I24: a drop between COPY and STORE leaves a duplicate, never a loss (no expunge was sent)")
  void i24DropAfterCopy() throws Exception {
    ImapSession s = selected("IMAP4rev1 UIDPLUS");
    imap.enqueue(MockImapResponse.ok("[COPYUID 9 7 70] copied"),
        MockImapResponse.of("* BYE gone").onStart(SocketEffect.CLOSE));
    assertThrows(MailException.class, () -> s.move(UidSet.of(7), MailboxName.of("Archive")).await());
    assertEquals("UID COPY 7 Archive", imap.takeImapCommand().command());
    assertEquals("UID STORE 7 +FLAGS.SILENT (\\Deleted)", imap.takeImapCommand().command());
    s.close();
    assertEquals(0, imap.imapCommands().stream().filter(c -> c.command().contains("EXPUNGE")).count());
  }

  @Test
  @DisplayName("I24: without MOVE and UIDPLUS a move is refused before anything is sent")
  void i24NoUidPlus() throws Exception {
    try (ImapSession s = selected("IMAP4rev1")) {
      assertThrows(UnsupportedOperationException.class, () -> s.move(UidSet.of(7), MailboxName.of("Archive")));
    }
  }
}
