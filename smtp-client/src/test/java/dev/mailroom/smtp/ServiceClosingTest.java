package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 421 anywhere: a typed "service closing" error, the connection closed, nothing resent (S15). */
@ExtendWith(StartStopExtension.class)
class ServiceClosingTest {
  private static final MockReply CLOSING = MockReply.of("421 4.3.2 shutting down");
  private static final byte[] BODY = "Subject: x\r\n\r\nx\r\n".getBytes(US_ASCII);

  @StartStop final MockMailServer server = new MockMailServer();

  private void sendExpectingClosing(boolean pipelining) throws Exception {
    SmtpSession session = Smtp.plain(server).pipelining(pipelining).build().connect();
    assertThrows(SmtpServiceClosingException.class,
        () -> session.send(Envelope.of("a@b.example", "c@d.example"), BODY));
    assertFalse(session.isOpen());
    session.close();
    assertEquals(1, server.connectionCount(), "no resend on a new connection");
  }

  @Test
  void onTheGreetingS15() {
    server.enqueue(CLOSING);
    assertThrows(SmtpServiceClosingException.class, () -> Smtp.plain(server).build().connect());
  }

  @Test
  void afterMailS15() throws Exception {
    server.enqueue(greeting(), ehlo(), CLOSING);
    sendExpectingClosing(true);
    assertEquals("MAIL FROM:<a@b.example>", wire(server).get(wire(server).size() - 1));
  }

  @Test
  void afterMailPipelinedS15() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), CLOSING.onReplyEnd(SocketEffect.CLOSE)); // as servers do after 421
    sendExpectingClosing(true);
  }

  @Test
  void insteadOf354S15() throws Exception {
    server.enqueue(greeting(), ehlo(), ok(), ok(), CLOSING);
    sendExpectingClosing(false);
    assertEquals(0, server.payloadCount());
  }

  @Test
  void afterTheFinalDotS15() throws Exception {
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), CLOSING);
    sendExpectingClosing(false);
    assertEquals(1, server.payloadCount());
  }

  @Test
  void onNoopS15() throws Exception {
    server.enqueue(greeting(), ehlo(), CLOSING);
    SmtpSession session = Smtp.plain(server).build().connect();
    assertThrows(SmtpServiceClosingException.class, session::noop);
    assertFalse(session.isOpen());
  }
}
