package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedImapCommand;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** APPEND: streamed literal, LITERAL+, flags and date, APPENDUID, refusal before the literal. */
class AppendTest {
  @StartStop final MockImapServer imap = new MockImapServer();
  static final byte[] MESSAGE = "Subject: hi\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void appendWithLiteralPlus() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.ok("[APPENDUID 38505 3955] APPEND completed"));
      AppendResult r = s.append(MailboxName.of("Drafts"), AppendRequest.of(MESSAGE).withFlags(Set.of(Flag.DRAFT))
          .withInternalDate(OffsetDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)))).await();
      assertEquals(38505, r.uidValidity());
      assertEquals(3955, r.uid().orElseThrow().value());
      RecordedImapCommand c = imap.takeImapCommand();
      assertEquals("APPEND Drafts (\\Draft) \"01-Jul-2024 10:00:00 +0200\" {" + MESSAGE.length + "+}",
          c.command());
      assertArrayEquals(MESSAGE, c.literals().get(0));
    }
  }

  @Test
  void appendSynchronisingWaitsForContinuation() throws Exception {
    try (ImapSession s = Imap.connect(imap, "IMAP4rev1")) {
      imap.enqueue(MockImapResponse.ok("done"));
      s.append(MailboxName.INBOX, AppendRequest.of(MESSAGE)).await();
      RecordedImapCommand c = imap.takeImapCommand();
      assertEquals("APPEND INBOX {" + MESSAGE.length + "}", c.command());
      assertArrayEquals(MESSAGE, c.literals().get(0));
    }
  }

  @Test
  @DisplayName("I05: a server without LITERAL+ answers BAD instead of '+': none of the literal is sent")
  void i05RefusedLiteral() throws Exception {
    try (ImapSession s = Imap.connect(imap, "IMAP4rev1")) {
      imap.enqueue(MockImapResponse.bad("no literals today").refusingLiteral());
      ImapCommandException e = assertThrows(ImapCommandException.class,
          () -> s.append(MailboxName.INBOX, AppendRequest.of(MESSAGE)).await());
      assertEquals(ResponseStatus.BAD, e.status());
      RecordedImapCommand c = imap.takeImapCommand();
      assertEquals("APPEND INBOX {" + MESSAGE.length + "}", c.text().replaceFirst("^A\\d+ ", ""));
      imap.enqueue(MockImapResponse.ok("noop"));
      s.noop().await();
      assertEquals("NOOP", imap.takeImapCommand().command()); // the next line is a command, not message bytes
    }
  }
}
