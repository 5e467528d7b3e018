package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.RecordedPayload;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA and dot-stuffing, lock-step (no PIPELINING): S05, S06, S07, and the four send overloads. */
@ExtendWith(StartStopExtension.class)
class DataTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private RecordedPayload sendRaw(byte[] body) throws Exception {
    server.enqueue(greeting(), ehlo("8BITMIME"), ok(), ok(), MockReply.of("354 go ahead").thenReadDotTerminated(),
        MockReply.of("250 2.0.0 Ok: queued as 4Zx1y2"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      SendReport report = session.send(Envelope.of("a@b.example", "c@d.example"), body);
      assertEquals("4Zx1y2", report.queueId().orElseThrow());
      assertEquals(1, report.acceptedRecipients().size());
    }
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<c@d.example>", "DATA", "QUIT"),
        wire(server), "lock-step without PIPELINING");
    return server.takePayload();
  }

  @ParameterizedTest
  @ValueSource(strings = {".\r\nstart\r\n", "..\r\n", ".x\r\nmiddle\r\n.\r\nend\r\n", "a\r\n.\r\n",
      "a\r\n..\r\n.", "line\r\n.\r\n.\r\n"})
  void dotsAtLineStartsAreStuffedAndTheServerGetsTheOriginalS05(String text) throws Exception {
    byte[] body = text.getBytes(US_ASCII);
    RecordedPayload payload = sendRaw(body);
    String expected = text.endsWith("\r\n") ? text : text + "\r\n";
    assertEquals(expected, new String(payload.bytes(), US_ASCII));
    assertTrue(new String(payload.raw(), US_ASCII).endsWith("\r\n.\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\n.\nb", "a\n.\r\nb", "a\r.\rb", "a\r\n.\rb", "a\r\n.\nb", "bare\nlf\rcr"})
  void smugglingSequencesBecomeCrlfWithOneTerminatorS06(String text) throws Exception {
    RecordedPayload payload = sendRaw(text.getBytes(US_ASCII));
    String raw = new String(payload.raw(), US_ASCII);
    assertEquals(raw.length() - 5, raw.indexOf("\r\n.\r\n"), "exactly one terminator, at the end: " + raw);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r') {
        assertEquals('\n', raw.charAt(i + 1), "no bare CR");
      } else if (c == '\n') {
        assertEquals('\r', raw.charAt(i - 1), "no bare LF");
      }
    }
  }

  @Test
  void bodyWithoutFinalCrlfGetsOneBeforeTheDotS07() throws Exception {
    RecordedPayload payload = sendRaw("Subject: x\r\n\r\nno line end".getBytes(US_ASCII));
    assertEquals("Subject: x\r\n\r\nno line end\r\n.\r\n", new String(payload.raw(), US_ASCII));
  }

  @Test
  void mimeMessageIsSentByteIdentical() throws Exception {
    MimeMessage message = MimeMessage.builder().from("a@b.example").to("c@d.example").subject("Hi")
        .text("Hello\r\n.\r\nBob").build();
    server.enqueue(greeting(), ehlo("SIZE 100000"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.of("250 queued as ABC"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), message);
    }
    String sent = new String(message.toByteArray(), US_ASCII);
    assertEquals(sent.endsWith("\r\n") ? sent : sent + "\r\n", new String(server.takePayload().bytes(), US_ASCII));
    assertEquals("MAIL FROM:<a@b.example> SIZE=" + message.byteSize().getAsLong(), wire(server).get(1));
  }

  @Test
  void pathAndStreamBodies(@TempDir Path dir) throws Exception {
    byte[] body = "Subject: file\r\n\r\n.dot\r\n".getBytes(US_ASCII);
    Path file = Files.write(dir.resolve("m.eml"), body);
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(),
        ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), file);
      session.send(Envelope.of("a@b.example", "c@d.example"), new ByteArrayInputStream(body), body.length);
    }
    assertArrayEquals(body, server.takePayload().bytes());
    assertArrayEquals(body, server.takePayload().bytes());
  }

  @Test
  void finalRefusalIsACommandErrorAndTheSessionGoesOn() throws Exception {
    byte[] body = "x\r\n".getBytes(US_ASCII);
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.of("554 5.7.1 spam"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      SmtpCommandException e = assertThrows(SmtpCommandException.class,
          () -> session.send(Envelope.of("a@b.example", "c@d.example"), body));
      assertEquals(554, e.code());
      assertTrue(session.isOpen());
      session.send(Envelope.of("a@b.example", "c@d.example"), body);
    }
    assertFalse(wire(server).contains("RSET"), "no RSET needed after a completed transaction");
  }

  @Test
  void refusedMailIsFollowedByRset() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.of("550 5.7.1 sender refused"), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCommandException.class,
          () -> session.send(Envelope.of("a@b.example", "c@d.example"), new byte[] {'x'}));
    }
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RSET", "QUIT"), wire(server));
  }
}
