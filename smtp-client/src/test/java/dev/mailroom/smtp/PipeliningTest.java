package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.RecordedCommand;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PIPELINING (RFC 2920): per-recipient results, S14, 1,000 recipients, bounded window, replies in order. */
@ExtendWith(StartStopExtension.class)
class PipeliningTest {
  private static final byte[] BODY = "Subject: p\r\n\r\nbody\r\n".getBytes(US_ASCII);

  @StartStop final MockMailServer server = new MockMailServer();

  @Test
  void mixedRecipientRepliesBecomePerRecipientResultsS14() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING", "ENHANCEDSTATUSCODES"), MockReply.of("250 2.1.0 sender ok"),
        MockReply.of("250 2.1.5 ok"), MockReply.of("550 5.1.1 no such user"), MockReply.of("452 4.5.3 too many"),
        MockReply.of("354 go").thenReadDotTerminated(), MockReply.of("250 2.0.0 queued as Q1"), bye());
    SendReport report;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      report = session.send(Envelope.of("a@b.example", "ok@d.example", "gone@d.example", "many@d.example"), BODY);
    }
    assertEquals(List.of(true, false, false), report.recipients().stream().map(RecipientResult::accepted).toList());
    RecipientResult gone = report.rejectedRecipients().get(0);
    assertEquals("gone@d.example", gone.address());
    assertEquals(new EnhancedStatus(5, 1, 1), gone.reply().enhancedStatus());
    assertEquals(452, report.rejectedRecipients().get(1).reply().code());
    assertEquals("Q1", report.queueId().orElseThrow());
    assertTrue(report.messageAccepted());
    assertEquals("body\r\n", new String(server.takePayload().bytes(), US_ASCII).split("\r\n\r\n", 2)[1]);
  }

  @Test
  void mailRcptAndDataGoInOneFlight() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        ok(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example", "e@d.example"), BODY);
    }
    List<RecordedCommand> commands = server.commands();
    // the server read MAIL, both RCPTs and DATA before the client waited for anything: one flight, one segment
    assertEquals("DATA", commands.get(4).line());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<c@d.example>",
        "RCPT TO:<e@d.example>", "DATA", "QUIT"), wire(server));
  }

  @Test
  void noAcceptedRecipientMeansNoBodyEvenIfDataGot354S14() throws Exception {
    // RFC 2920 §3.1: if DATA was accepted anyway, the client sends a lone "." (an empty message the server must
    // not deliver, §3.1 (4)), then RSET. No byte of the message is sent.
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), MockReply.of("550 5.1.1 no"), MockReply.of("550 5.1.1 no"),
        MockReply.of("354 go").thenReadDotTerminated(), MockReply.of("554 5.5.1 no valid recipients"), ok(), bye());
    SendReport report;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      report = session.send(Envelope.of("a@b.example", "x@d.example", "y@d.example"), BODY);
    }
    assertTrue(report.acceptedRecipients().isEmpty());
    assertFalse(report.messageAccepted());
    assertEquals(2, report.rejectedRecipients().size());
    assertEquals(0, server.takePayload().bytes().length, "WIRE: an empty message, no body bytes");
    List<String> wire = wire(server);
    assertEquals(List.of("RSET", "QUIT"), wire.subList(wire.size() - 2, wire.size()));
  }

  @Test
  void noAcceptedRecipientWithDataRefusedSendsRsetOnlyS14() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), ok(), MockReply.of("550 5.1.1 no"),
        MockReply.of("554 5.5.1 no valid recipients"), ok(), bye());
    SendReport report;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      report = session.send(Envelope.of("a@b.example", "x@d.example"), BODY);
    }
    assertEquals(554, report.finalReply().code());
    assertEquals(0, server.payloadCount());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<x@d.example>", "DATA", "RSET",
        "QUIT"), wire(server));
  }

  @Test
  void aThousandRecipientsInBoundedFlightsRepliesMatchedInOrder() throws Exception {
    List<MockReply> script = new ArrayList<>(List.of(greeting(), ehlo("PIPELINING"), ok()));
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      recipients.add("r" + i + "@d.example");
      script.add(i % 7 == 3 ? MockReply.of("550 5.1.1 r" + i + " unknown") : MockReply.of("250 2.1.5 r" + i));
    }
    script.add(MockReply.of("354 go").thenReadDotTerminated());
    script.add(MockReply.of("250 queued as BIG"));
    script.add(bye());
    server.enqueue(script.toArray(new MockReply[0]));
    SendReport report;
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      report = session.send(Envelope.of("a@b.example", recipients), BODY);
    }
    assertEquals(1000, report.recipients().size());
    for (int i = 0; i < 1000; i++) {
      RecipientResult r = report.recipients().get(i);
      assertEquals("r" + i + "@d.example", r.address());
      assertEquals(i % 7 != 3, r.accepted(), r.toString());
      assertTrue(r.reply().text().contains("r" + i), "reply matched to its own recipient");
    }
    assertEquals(1004, server.commandCount());
  }

  @Test
  void extraReplyPutsTheStreamOutOfStepS13() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), MockReply.lines("250 ok", "250 surprise"));
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(MailProtocolException.class, session::noop);
      assertFalse(session.isOpen());
    }
  }
}
