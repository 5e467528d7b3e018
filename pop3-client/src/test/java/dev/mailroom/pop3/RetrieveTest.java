package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.afterLogin;
import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.err;
import static dev.mailroom.pop3.Pop3.ok;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RETR and TOP (RFC 1939 §5, RFC 2449 §6.1), streamed: P03, P04, P05. */
@ExtendWith(StartStopExtension.class)
class RetrieveTest {
  private static final byte[] MESSAGE = ("Subject: dots\r\nFrom: a@example.test\r\n\r\n..\r\n...\r\n.x\r\n"
      + " .\r\nmiddle\r\n.\r\nend\r\n").getBytes(UTF_8);

  @StartStop final MockPop3Server server = new MockPop3Server();

  @Test
  void retrUnstuffsEveryLineStartingWithADotP03() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockPop3Server.multiLine("+OK " + MESSAGE.length + " octets", MESSAGE), ok(""), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      try (InputStream body = session.retrieve(1)) {
        assertArrayEquals(MESSAGE, body.readAllBytes());
      }
      session.noop();
    }
    assertEquals(List.of("RETR 1", "NOOP", "QUIT"), afterLogin(server));
  }

  @Test
  void bareLfAndCrFormsAreContentNotTerminatorsP04() throws Exception {
    byte[] tricky = "Subject: x\r\n\r\na\n.\nb\r\n. \r\nc\r.\rd\r\n".getBytes(UTF_8);
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockPop3Server.multiLine("+OK", tricky), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      try (InputStream body = session.retrieve(1)) {
        assertArrayEquals(tricky, body.readAllBytes());
      }
    }
  }

  @Test
  void connectionCutMidBodyIsAProtocolErrorNeverACompleteMessageP05() throws Exception {
    byte[] wire = MockPop3Server.multiLineBytes("+OK", MESSAGE);
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockReply.raw(wire).onReplyStart(new SocketEffect.CloseMidReply(wire.length - 5)));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      InputStream body = session.retrieve(1);
      assertThrows(MailProtocolException.class, body::readAllBytes);
      assertFalse(session.isOpen());
      assertFalse(session.quit().committed());
    }
  }

  @Test
  void eofWithoutTerminatorIsAProtocolErrorP04() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockReply.raw("+OK\r\nSubject: x\r\n\r\nbody\r\n".getBytes(UTF_8)).onReplyEnd(SocketEffect.CLOSE));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(MailProtocolException.class, () -> session.retrieve(1).readAllBytes());
    }
  }

  @Test
  void serverThatStopsMidBodyIsATimeoutNeverAHangP04() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockReply.raw("+OK\r\nSubject: x\r\n\r\npartial".getBytes(UTF_8)).onReplyEnd(SocketEffect.STALL));
    Timeouts idle = Timeouts.defaults().newBuilder().all(Pop3.QUICK).readIdle(Duration.ofMillis(300)).build();
    try (Pop3Session session = Pop3.bob(server).timeouts(idle).build().connect()) {
      assertThrows(MailTimeoutException.class, () -> session.retrieve(1).readAllBytes());
    }
  }

  @Test
  void commandsAreRefusedWhileABodyIsOpenAndClosingSkipsTheRest() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockPop3Server.multiLine("+OK", MESSAGE), ok("after"), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      InputStream body = session.retrieve(1);
      assertEquals('S', body.read());
      assertThrows(IllegalStateException.class, session::noop);
      body.close();
      assertEquals("after", session.noop().text());
    }
  }

  @Test
  void refusedRetrIsACommandErrorAndTheSessionGoesOn() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(err("no such message"), MockPop3Server.multiLine("+OK", MESSAGE), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(Pop3CommandException.class, () -> session.retrieve(7));
      assertEquals("dots", session.retrieveMessage(1).subject().orElseThrow());
    }
  }

  @Test
  void topStreamsTheHeaderAndParses() throws Exception {
    byte[] head = "Subject: only the head\r\nX-Lab-Seq: 3\r\n\r\n".getBytes(UTF_8);
    Pop3.enqueueLogin(server, "USER", "TOP");
    server.enqueue(MockPop3Server.multiLine("+OK", head), MockPop3Server.multiLine("+OK", head), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      try (InputStream in = session.top(3, 0)) {
        assertArrayEquals(head, in.readAllBytes());
      }
      MimeMessage message = session.topMessage(3, 0);
      assertEquals("only the head", message.subject().orElseThrow());
    }
    assertEquals(List.of("TOP 3 0", "TOP 3 0", "QUIT"), afterLogin(server));
  }

  @Test
  void maxMessageBytesBoundsABody() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockPop3Server.multiLine("+OK", MESSAGE));
    try (Pop3Session session = Pop3.bob(server).maxMessageBytes(10).build().connect()) {
      assertThrows(MailProtocolException.class, () -> session.retrieve(1).readAllBytes());
    }
  }
}
