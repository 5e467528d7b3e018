package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SIZE (RFC 1870) and content versus capabilities (RFC 6152, 6531): S08, S09, S18. */
@ExtendWith(StartStopExtension.class)
class SizeAndEncodingTest {
  @StartStop final MockMailServer server = new MockMailServer();

  @Test
  void messageOverTheSizeLimitIsRefusedBeforeMailS18() throws Exception {
    server.enqueue(greeting(), ehlo("SIZE 1000", "PIPELINING"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      SmtpCapabilityException e = assertThrows(SmtpCapabilityException.class,
          () -> session.send(Envelope.of("a@b.example", "c@d.example"), "x\r\n".repeat(1000).getBytes(UTF_8)));
      assertTrue(e.getMessage().contains("1000"), e.getMessage());
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server), "WIRE: no MAIL, no DATA");
  }

  @Test
  void sizeIsDeclaredWhenAdvertised() throws Exception {
    server.enqueue(greeting(), ehlo("SIZE 1000"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(),
        bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), "x\r\n".getBytes(UTF_8));
    }
    assertEquals("MAIL FROM:<a@b.example> SIZE=3", wire(server).get(1));
  }

  @Test
  void eightBitBodyWithoutEightBitMimeIsRefusedS09() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCapabilityException.class, () -> session.send(Envelope.of("a@b.example", "c@d.example"),
          "Subject: x\r\n\r\nGr\u00fc\u00dfe\r\n".getBytes(UTF_8)));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @Test
  void eightBitBodyIsDeclaredWithEightBitMimeS09() throws Exception {
    server.enqueue(greeting(), ehlo("8BITMIME"), ok(), ok(), MockReply.of("354 go").thenReadDotTerminated(), ok(),
        bye());
    byte[] body = "Subject: x\r\n\r\nGr\u00fc\u00dfe\r\n".getBytes(UTF_8);
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), body);
    }
    assertEquals("MAIL FROM:<a@b.example> BODY=8BITMIME", wire(server).get(1));
    assertTrue(Arrays.equals(body, server.takePayload().bytes()));
  }

  @Test
  void utf8AddressWithoutSmtpUtf8IsRejectedS09() throws Exception {
    server.enqueue(greeting(), ehlo("8BITMIME"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCapabilityException.class,
          () -> session.send(Envelope.of("j\u00f6rg@b.example", "c@d.example"), "x\r\n".getBytes(UTF_8)));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @Test
  void overlongLineWithoutBinaryMimeIsRefusedNeverFoldedS08() throws Exception {
    byte[] body = new byte[5000];
    Arrays.fill(body, (byte) 'a');
    server.enqueue(greeting(), ehlo("8BITMIME", "CHUNKING"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      SmtpCapabilityException e = assertThrows(SmtpCapabilityException.class,
          () -> session.send(Envelope.of("a@b.example", "c@d.example"), body));
      assertTrue(e.getMessage().contains("5000"), e.getMessage());
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @Test
  void declaredBinaryMimeWithoutTheExtensionIsRefused() throws Exception {
    server.enqueue(greeting(), ehlo("CHUNKING"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCapabilityException.class, () -> session.send(Envelope.of("a@b.example", "c@d.example")
          .withMailFromOptions(MailFromOptions.defaults().withBody(BodyType.BINARY_MIME)), new byte[] {1}));
    }
  }

  @Test
  void requireTlsNeedsTlsAndTheExtension() throws Exception {
    server.enqueue(greeting(), ehlo("REQUIRETLS"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertThrows(SmtpCapabilityException.class, () -> session.send(Envelope.of("a@b.example", "c@d.example")
          .withMailFromOptions(MailFromOptions.defaults().withRequireTls(true)), new byte[] {'x'}));
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }
}
