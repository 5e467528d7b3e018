package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedImapCommand;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.client.MailProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
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

  @Test
  @DisplayName("I25: a drop mid-literal is 'not appended' (safe to retry); the session is closed")
  void i25DropMidLiteral() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.raw(new byte[0]).refusingLiteral().onStart(SocketEffect.RESET));
      long size = 64L << 20; // far more than the socket buffers hold: the write must hit the reset
      ImapNotAppendedException e = assertThrows(ImapNotAppendedException.class, () -> s.append(
          MailboxName.of("Sent"), AppendRequest.of(size, () -> new ZeroStream(size))).await(Duration.ofSeconds(30)));
      assertEquals("Sent", e.mailbox());
      assertThrows(MailProtocolException.class, () -> s.noop().await()); // failed closed, not half-written
    }
  }

  @Test
  @DisplayName("I25: a drop after the whole literal, before the tagged OK, is 'unknown' with the Message-ID")
  void i25DropBeforeTaggedOk() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      imap.enqueue(MockImapResponse.raw(new byte[0]).onStart(SocketEffect.CLOSE));
      ImapAppendUnknownException e = assertThrows(ImapAppendUnknownException.class,
          () -> s.append(MailboxName.of("Sent"), AppendRequest.of(MESSAGE)).await(Duration.ofSeconds(10)));
      assertEquals(Optional.of("<a@b>"), e.messageId());
      assertEquals("Sent", e.mailbox());
      assertArrayEquals(MESSAGE, imap.takeImapCommand().literals().get(0)); // the server did get all of it
      assertThrows(MailProtocolException.class, () -> s.noop().await());
    }
  }

  @Test
  @DisplayName("I25: a synchronising APPEND dropped after '+' but mid-literal is 'not appended'")
  void i25DropAfterContinuation() throws Exception {
    try (ImapSession s = Imap.connect(imap, "IMAP4rev1")) {
      imap.enqueue(MockImapResponse.of("+ go ahead").refusingLiteral().onEnd(SocketEffect.RESET));
      long size = 64L << 20;
      assertThrows(ImapNotAppendedException.class, () -> s.append(MailboxName.INBOX,
          AppendRequest.of(size, () -> new ZeroStream(size))).await(Duration.ofSeconds(30)));
    }
  }

  /** {@code size} bytes of 'x' without holding them. */
  static final class ZeroStream extends java.io.InputStream {
    private long left;

    ZeroStream(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      return left-- > 0 ? 'x' : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      left -= n;
      return n;
    }
  }
}
