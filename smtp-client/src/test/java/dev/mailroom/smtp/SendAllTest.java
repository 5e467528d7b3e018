package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SmtpSession#sendAll}: several messages on one connection, one round trip per message with PIPELINING (a
 * body and the next envelope share a flight, RFC 2920 §3.1), an outcome per message, S14 kept per message.
 */
@ExtendWith(StartStopExtension.class)
class SendAllTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private static Submission message(String to, String subject) {
    return Submission.of(Envelope.of("a@b.example", to),
        ("Subject: " + subject + "\r\n\r\nbody of " + subject + "\r\n").getBytes(US_ASCII));
  }

  private static MockReply dataGo() {
    return MockReply.of("354 go").thenReadDotTerminated();
  }

  @Test
  void theNextEnvelopeFollowsTheBodyWithoutWaitingForItsReply() throws Exception {
    // The reply to message 1's "." is withheld (none) and only sent once the server has read message 2's MAIL: a
    // client that waited for it before sending MAIL would time out here.
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), ok(), dataGo(), MockReply.none(),
        MockReply.lines("250 2.0.0 queued as Q1", "250 2.1.0 ok"), ok(), dataGo(),
        MockReply.of("250 2.0.0 queued as Q2"), bye());
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      outcomes = session.sendAll(List.of(message("c@d.example", "one"), message("e@d.example", "two")));
    }
    assertEquals("Q1", ((SendOutcome.Completed) outcomes.get(0)).report().queueId().orElseThrow());
    assertEquals("Q2", ((SendOutcome.Completed) outcomes.get(1)).report().queueId().orElseThrow());
    assertTrue(outcomes.stream().allMatch(SendOutcome::messageAccepted));
    assertEquals("Subject: one\r\n\r\nbody of one\r\n", new String(server.takePayload().bytes(), US_ASCII));
    assertEquals("Subject: two\r\n\r\nbody of two\r\n", new String(server.takePayload().bytes(), US_ASCII));
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<c@d.example>", "DATA",
        "MAIL FROM:<a@b.example>", "RCPT TO:<e@d.example>", "DATA", "QUIT"), wire(server));
  }

  @Test
  void aMessageNobodyAcceptedSendsNoBodyAndTheNextOneStillGoesS14() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"),
        ok(), MockReply.of("550 5.1.1 no such user"), dataGo(), // message 1: DATA got 354 anyway
        MockReply.of("554 5.5.1 no valid recipients"), ok(), // the lone "." and RSET
        ok(), ok(), dataGo(), MockReply.of("250 2.0.0 queued as Q2"), bye());
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      outcomes = session.sendAll(List.of(message("gone@d.example", "one"), message("e@d.example", "two")));
    }
    SendReport first = ((SendOutcome.Completed) outcomes.get(0)).report();
    assertFalse(first.messageAccepted());
    assertEquals("gone@d.example", first.rejectedRecipients().get(0).address());
    assertTrue(outcomes.get(1).messageAccepted());
    assertEquals(0, server.takePayload().bytes().length, "WIRE: message 1 is the empty message, no body byte");
    assertEquals("Subject: two\r\n\r\nbody of two\r\n", new String(server.takePayload().bytes(), US_ASCII));
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<gone@d.example>", "DATA", "RSET",
        "MAIL FROM:<a@b.example>", "RCPT TO:<e@d.example>", "DATA", "QUIT"), wire(server));
  }

  @Test
  void refusedMailAndRefusedMessageFailOnlyThemselves() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"),
        ok(), ok(), dataGo(), MockReply.of("554 5.7.1 spam"), // message 1: refused after the body
        MockReply.of("553 5.1.8 bad sender"), MockReply.of("503 5.5.1 no MAIL"), MockReply.of("503 5.5.1 no MAIL"),
        ok(), // message 2: MAIL refused; its RSET
        ok(), ok(), dataGo(), MockReply.of("250 2.0.0 queued as Q3"), bye());
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      outcomes = session.sendAll(List.of(message("c@d.example", "one"), message("e@d.example", "two"),
          message("f@d.example", "three")));
    }
    SendOutcome.Failed first = assertInstanceOf(SendOutcome.Failed.class, outcomes.get(0));
    assertEquals(554, ((SmtpCommandException) first.error()).reply().code());
    SendOutcome.Failed second = assertInstanceOf(SendOutcome.Failed.class, outcomes.get(1));
    assertEquals(553, ((SmtpCommandException) second.error()).reply().code());
    assertTrue(outcomes.get(2).messageAccepted());
    assertEquals(2, server.payloads().size(), "message 2's body was never sent");
  }

  @Test
  void aMessageFailingItsChecksIsSkippedWithNothingSentS18() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING", "SIZE 100"), ok(), ok(), dataGo(),
        MockReply.of("250 2.0.0 queued as Q1"), ok(), ok(), dataGo(), MockReply.of("250 2.0.0 queued as Q3"), bye());
    Submission big = Submission.of(Envelope.of("a@b.example", "big@d.example"), new byte[500]);
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      outcomes = session.sendAll(List.of(message("c@d.example", "one"), big, message("f@d.example", "three")));
    }
    assertTrue(outcomes.get(0).messageAccepted());
    assertInstanceOf(SmtpCapabilityException.class, ((SendOutcome.Failed) outcomes.get(1)).error());
    assertTrue(outcomes.get(2).messageAccepted());
    assertFalse(wire(server).contains("RCPT TO:<big@d.example>"));
  }

  @Test
  void aDropAfterTheTerminatorIsUnknownAndEveryLaterMessageNotDeliveredR03R04() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), ok(), dataGo(),
        MockReply.none().onReplyStart(SocketEffect.CLOSE));
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      outcomes = session.sendAll(List.of(message("c@d.example", "one"), message("e@d.example", "two"),
          message("f@d.example", "three")));
      assertFalse(session.isOpen());
    }
    assertInstanceOf(SmtpDeliveryUnknownException.class, ((SendOutcome.Failed) outcomes.get(0)).error());
    assertInstanceOf(SmtpNotDeliveredException.class, ((SendOutcome.Failed) outcomes.get(1)).error(),
        "message 2's envelope went out with message 1's body, but its body never did");
    assertInstanceOf(SmtpNotDeliveredException.class, ((SendOutcome.Failed) outcomes.get(2)).error());
  }

  @Test
  void withoutPipeliningEveryCommandWaitsAndTheOutcomesAreTheSame() throws Exception {
    server.enqueue(greeting(), ehlo(), ok(), ok(), dataGo(), MockReply.of("250 2.0.0 queued as Q1"),
        ok(), MockReply.of("550 5.1.1 no such user"), ok(), // message 2: no recipient, no DATA, RSET
        ok(), ok(), dataGo(), MockReply.of("250 2.0.0 queued as Q3"), bye());
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      outcomes = session.sendAll(List.of(message("c@d.example", "one"), message("gone@d.example", "two"),
          message("f@d.example", "three")));
    }
    assertEquals(List.of(true, false, true), outcomes.stream().map(SendOutcome::messageAccepted).toList());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<c@d.example>", "DATA",
        "MAIL FROM:<a@b.example>", "RCPT TO:<gone@d.example>", "RSET", "MAIL FROM:<a@b.example>",
        "RCPT TO:<f@d.example>", "DATA", "QUIT"), wire(server));
  }

  @Test
  void bdatBodiesAlsoShareTheirFlightWithTheNextEnvelope() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING", "CHUNKING"), ok(), ok(),
        MockReply.none().thenReadExactly(29), MockReply.none(), // BDAT 29 LAST: reply withheld until MAIL 2
        MockReply.lines("250 2.0.0 queued as Q1", "250 2.1.0 ok"), ok(),
        MockReply.none().thenReadExactly(29), MockReply.of("250 2.0.0 queued as Q2"), bye());
    List<SendOutcome> outcomes;
    try (SmtpSession session = Smtp.plain(server).preferChunking(true).build().connect()) {
      outcomes = session.sendAll(List.of(message("c@d.example", "one"), message("e@d.example", "two")));
    }
    assertTrue(outcomes.stream().allMatch(SendOutcome::messageAccepted), outcomes.toString());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<c@d.example>", "BDAT 29 LAST",
        "MAIL FROM:<a@b.example>", "RCPT TO:<e@d.example>", "BDAT 29 LAST", "QUIT"), wire(server));
  }
}
