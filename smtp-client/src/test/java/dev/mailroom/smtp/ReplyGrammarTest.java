package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reply grammar of RFC 5321 §4.2 against hostile servers: S10, S11, S12, S13. */
@ExtendWith(StartStopExtension.class)
class ReplyGrammarTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private SmtpSession session(String... extensions) throws MailException {
    return Smtp.plain(server).build().connect();
  }

  @ParameterizedTest
  @ValueSource(strings = {"25\r\n", "2500 x\r\n", "250-\r\n", "250-a\r\n550 b\r\n", "250 a\u0000b\r\n",
      "abc ok\r\n", "650 x\r\n", "190 x\r\n", "2x0 ok\r\n", "250\u0007bell\r\n", "250 esc\u001b[31m\r\n"})
  void malformedRepliesAreProtocolErrorsS10(String raw) throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.raw(raw.getBytes(ISO_8859_1)).onReplyEnd(SocketEffect.CLOSE));
    SmtpSession session = session();
    assertThrows(MailException.class, session::noop);
    assertFalse(session.isOpen(), "PE closes the connection");
    session.close();
  }

  @Test
  void codeChangeInsideAMultiLineReplyIsAProtocolErrorS10() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.lines("250-a", "550 b"));
    SmtpSession session = session();
    MailProtocolException e = assertThrows(MailProtocolException.class, session::noop);
    assertTrue(e.getMessage().contains("changed its code"), e.getMessage());
  }

  @Test
  void eightBitTextAndBareCodeParsePerGrammarS10() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.raw("250 gr\u00fc\u00df dich\r\n".getBytes(UTF_8)),
        MockReply.of("250"), bye());
    try (SmtpSession session = session()) {
      assertEquals("grüß dich", session.noop().text());
      SmtpReply bare = session.noop();
      assertEquals(250, bare.code());
      assertEquals(List.of(""), bare.lines());
    }
  }

  @Test
  void endlessContinuationHitsTheReplyLimitS11() {
    String[] lines = new String[3000];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "220-" + "x".repeat(60);
    }
    server.enqueue(MockReply.lines(lines));
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> Smtp.plain(server).build().connect());
    assertTrue(e.getMessage().contains("100000"), e.getMessage());
  }

  @Test
  void oneHugeLineHitsTheLineLimitS11() {
    server.enqueue(MockReply.of("220 " + "x".repeat(1_000_000)));
    assertThrows(MailProtocolException.class, () -> Smtp.plain(server).build().connect());
  }

  @Test
  void lineJustUnderTheLimitIsFineS11() throws Exception {
    server.enqueue(MockReply.of("220 " + "x".repeat(1990)), ehlo(), bye());
    Smtp.plain(server).build().connect().close();
  }

  @Test
  void bareLfReplyIsAProtocolErrorNeverMergedS12() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.raw("250 ok\n250 next\r\n".getBytes(ISO_8859_1)));
    SmtpSession session = session();
    assertThrows(MailProtocolException.class, session::noop);
    assertFalse(session.isOpen());
  }

  @Test
  void twoRepliesToOneCommandAreAProtocolErrorS13() throws Exception {
    server.enqueue(greeting(), MockReply.lines("250 mx.test", "250 injected"));
    assertThrows(MailProtocolException.class, () -> Smtp.plain(server).build().connect());
  }

  @Test
  void enhancedStatusIsParsedOnlyWhenAdvertised() throws Exception {
    server.enqueue(greeting(), ehlo("ENHANCEDSTATUSCODES"), MockReply.of("250 2.0.0 ok"),
        MockReply.of("252 2.1.5 cannot verify"), bye());
    try (SmtpSession session = session()) {
      assertEquals(new EnhancedStatus(2, 0, 0), session.noop().enhancedStatus());
      assertEquals("2.1.5", session.verify("bob").enhancedStatus().toString());
    }
    assertNull(EnhancedStatus.parseLeading("2.0 x"));
    assertNull(EnhancedStatus.parseLeading("3.0.0 x"));
    assertNull(EnhancedStatus.parseLeading("2.0.0000 x"));
    assertEquals(new EnhancedStatus(5, 7, 1), EnhancedStatus.parseLeading("5.7.1"));
  }
}
