package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection faults and exactly-once: R03, R04, R05. */
@ExtendWith(StartStopExtension.class)
class FaultTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private static MimeMessage message() {
    return MimeMessage.builder().from("a@b.example").to("c@d.example").subject("once").text("exactly once")
        .build();
  }

  @Test
  void dropAfterTheFinalDotIsOutcomeUnknownWithTheMessageIdR03() throws Exception {
    MimeMessage message = message();
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.none().onReplyStart(SocketEffect.CLOSE));
    SmtpSession session = Smtp.plain(server).build().connect();
    SmtpDeliveryUnknownException e = assertThrows(SmtpDeliveryUnknownException.class,
        () -> session.send(Envelope.of("a@b.example", "c@d.example"), message));
    assertEquals(message.messageId(), e.messageId());
    assertTrue(e.messageId().isPresent(), "the builder sets a Message-ID");
    assertFalse(session.isOpen());
    assertEquals(1, server.connectionCount(), "no automatic retry");
    assertEquals(1, server.payloadCount());
  }

  @Test
  void finalDotTimeoutIsOutcomeUnknownR03() throws Exception {
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), MockReply.stall());
    SmtpSession session = Smtp.plain(server).smtpTimeouts(new SmtpTimeouts(Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300))).build()
        .connect();
    assertThrows(SmtpDeliveryUnknownException.class,
        () -> session.send(Envelope.of("a@b.example", "c@d.example"), message()));
  }

  @Test
  void dropDuringTheBodyIsRetrySafeR04() throws Exception {
    byte[] big = new byte[8 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    for (int i = 76; i < big.length; i += 78) {
      big[i] = '\r';
      big[i + 1] = '\n';
    }
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").onReplyEnd(SocketEffect.RESET));
    SmtpSession session = Smtp.plain(server).build().connect();
    SmtpNotDeliveredException e = assertThrows(SmtpNotDeliveredException.class,
        () -> session.send(Envelope.of("a@b.example", "c@d.example"), big));
    assertTrue(e.isRetrySafe());
    assertEquals(1, server.connectionCount());
  }

  @Test
  void dropBeforeDataIsRetrySafeR04() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), MockReply.none().onReplyStart(SocketEffect.CLOSE));
    SmtpSession session = Smtp.plain(server).build().connect();
    SmtpNotDeliveredException e = assertThrows(SmtpNotDeliveredException.class,
        () -> session.send(Envelope.of("a@b.example", "c@d.example"), message()));
    assertTrue(e.isRetrySafe());
    assertEquals(0, server.payloadCount());
  }

  @Test
  void lostQuitReplyAfterAcceptanceIsSuccessR05() throws Exception {
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.of("250 2.0.0 queued as R5"), MockReply.none().onReplyStart(SocketEffect.CLOSE));
    SendReport report;
    SmtpSession session = Smtp.plain(server).build().connect();
    report = session.send(Envelope.of("a@b.example", "c@d.example"), message());
    session.close(); // the QUIT reply never comes: not an error
    assertEquals("R5", report.queueId().orElseThrow());
    assertFalse(session.isOpen());
  }

  @Test
  void manyMessagesOnOneConnectionWithRsetAfterAFailure() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"),
        ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(),
        MockReply.of("451 4.3.0 try later"), MockReply.of("503 5.5.1 no sender"),
        MockReply.of("503 5.5.1 no sender"), ok(),
        ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), message());
      SmtpCommandException e = assertThrows(SmtpCommandException.class,
          () -> session.send(Envelope.of("a@b.example", "c@d.example"), message()));
      assertEquals(451, e.code());
      session.send(Envelope.of("a@b.example", "c@d.example"), message());
    }
    assertTrue(Smtp.wire(server).contains("RSET"));
    assertEquals(2, server.payloadCount());
  }
}
