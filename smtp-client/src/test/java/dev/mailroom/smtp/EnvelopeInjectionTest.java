package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Envelope injection: S01, S02, S04, and the xtext encoding of RFC 3461 §4. */
@ExtendWith(StartStopExtension.class)
class EnvelopeInjectionTest {
  private static final byte[] BODY = "Subject: t\r\n\r\nhi\r\n".getBytes(US_ASCII);

  @StartStop final MockMailServer server = new MockMailServer();

  @ParameterizedTest
  @ValueSource(strings = {"a@b.example\r\nRCPT TO:<evil@x.example>", "a\r@b.example", "a\n@b.example",
      "\"a\r\nRCPT TO:<x@y.example>\"@d.example", "\"a\\\r\"@d.example", "a\u0000@b.example", "a@b.example>",
      "<a@b.example", "a b@c.example", "a@b.example\u2028"})
  void addressesThatCouldSplitACommandAreRejectedBeforeAnyByteS01(String address) throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING", "SMTPUTF8"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(IllegalArgumentException.class, () -> session.send(Envelope.of(address, "ok@b.example"), BODY));
      assertThrows(IllegalArgumentException.class, () -> session.send(Envelope.of("ok@b.example", address), BODY));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server), "WIRE: only EHLO and QUIT");
  }

  @Test
  void narrowingCharactersAreEncodedAsUtf8NeverCastS02() throws Exception {
    String address = "a\u760D\u760A@b.example"; // low bytes 0x0D and 0x0A: a char->byte cast would inject CR LF
    server.enqueue(greeting(), ehlo("SMTPUTF8"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.of("250 queued"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("s@b.example", address), BODY);
    }
    byte[] rcpt = server.commands().get(2).bytes();
    assertArrayEquals(("RCPT TO:<" + address + ">\r\n").getBytes(UTF_8), rcpt);
    for (int i = 0; i < rcpt.length - 2; i++) {
      assertEquals(false, rcpt[i] == '\r' || rcpt[i] == '\n', "no CR or LF byte inside the command");
    }
    assertEquals("MAIL FROM:<s@b.example> SMTPUTF8", server.commands().get(1).line());
  }

  @Test
  void narrowingCharacterWithoutSmtpUtf8IsRejectedS02S09() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCapabilityException.class,
          () -> session.send(Envelope.of("s@b.example", "a\u760D@b.example"), BODY));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id\r\nRCPT TO:<x@y>", "id\nx", "\u00e9t\u00e9", "x\u0000"})
  void dsnValuesWithControlsOrNonAsciiAreRejectedS04(String value) {
    assertThrows(IllegalArgumentException.class, () -> MailFromOptions.defaults().withEnvelopeId(value));
    assertThrows(IllegalArgumentException.class, () -> RcptOptions.none().withOriginalRecipient(value));
  }

  @Test
  void dsnValuesWithSpaceAndEqualsAreXtextEncodedS04() throws Exception {
    server.enqueue(greeting(), ehlo("DSN", "PIPELINING"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.of("250 queued"), bye());
    Envelope envelope = new Envelope("s@b.example",
        List.of(new Envelope.Recipient("r@b.example", new RcptOptions(Set.of(DsnNotify.FAILURE, DsnNotify.DELAY),
            "r+tag@b.example"))),
        MailFromOptions.defaults().withEnvelopeId("id 1=2+3").withReturn(DsnReturn.HDRS));
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(envelope, BODY);
    }
    List<String> wire = wire(server);
    assertEquals("MAIL FROM:<s@b.example> RET=HDRS ENVID=id+201+3D2+2B3", wire.get(1));
    assertEquals("RCPT TO:<r@b.example> NOTIFY=FAILURE,DELAY ORCPT=rfc822;r+2Btag@b.example", wire.get(2));
  }

  @Test
  void notifyNeverCannotBeCombinedS04() {
    assertThrows(IllegalArgumentException.class, () -> RcptOptions.notifyOn(DsnNotify.NEVER, DsnNotify.SUCCESS));
  }

  @Test
  void dsnWithoutTheExtensionIsRefusedLocally() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCapabilityException.class, () -> session.send(Envelope.of("s@b.example", "r@b.example")
          .withMailFromOptions(MailFromOptions.defaults().withReturn(DsnReturn.FULL)), BODY));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @Test
  void nullReversePathIsSentAsEmptyBrackets() throws Exception {
    server.enqueue(greeting(), ehlo(), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(),
        MockReply.of("250 queued"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("", "r@b.example"), BODY);
    }
    assertEquals("MAIL FROM:<>", wire(server).get(1));
  }
}
