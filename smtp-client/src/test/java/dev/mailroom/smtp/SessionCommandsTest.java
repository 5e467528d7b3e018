package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** VRFY, EXPN, HELP, NOOP, RSET and QUIT. */
@ExtendWith(StartStopExtension.class)
class SessionCommandsTest {
  @StartStop final MockMailServer server = new MockMailServer();

  @Test
  void simpleCommandsReturnTheReply() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.of("252 cannot VRFY user"),
        MockReply.lines("250-Alice <alice@b.example>", "250 Bob <bob@b.example>"), MockReply.of("214 see RFC 5321"),
        MockReply.of("214 MAIL FROM:<path>"), MockReply.of("250 ok"), MockReply.of("250 reset"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertEquals(252, session.verify("bob").code());
      assertEquals(2, session.expand("staff").lines().size());
      assertEquals(214, session.help(null).code());
      assertEquals(214, session.help("MAIL").code());
      session.noop();
      session.reset();
    }
    assertEquals(List.of("EHLO client.test", "VRFY bob", "EXPN staff", "HELP", "HELP MAIL", "NOOP", "RSET", "QUIT"),
        wire(server));
  }

  @Test
  void refusedNoopIsACommandError() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.of("502 5.5.1 no"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertEquals(502, assertThrows(SmtpCommandException.class, session::noop).code());
    }
  }

  @Test
  void argumentsWithControlsAreRejectedS01() throws Exception {
    server.enqueue(greeting(), ehlo(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(IllegalArgumentException.class, () -> session.verify("bob\r\nRCPT TO:<x@y>"));
      assertThrows(IllegalArgumentException.class, () -> session.expand("a\nb"));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @Test
  void closedSessionRefusesCommands() throws Exception {
    server.enqueue(greeting(), ehlo(), bye());
    SmtpSession session = Smtp.plain(server).build().connect();
    session.close();
    session.close();
    assertThrows(IllegalStateException.class, session::noop);
  }
}
