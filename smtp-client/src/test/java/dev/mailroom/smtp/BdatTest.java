package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.ok;
import static dev.mailroom.smtp.Smtp.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CHUNKING (RFC 3030): BDAT framing, one round trip for a small message, BINARYMIME, S19. */
@ExtendWith(StartStopExtension.class)
class BdatTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private static byte[] body(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ((i % 80 == 79) ? '\n' : 'a' + i % 26);
    }
    return b;
  }

  @Test
  void smallMessageIsOneBdatLast() throws Exception {
    byte[] body = body(500);
    server.enqueue(greeting(), ehlo("PIPELINING", "CHUNKING"), ok(), ok(), MockReply.none().thenReadExactly(500),
        MockReply.of("250 2.0.0 queued as B1"), bye());
    SendReport report;
    try (SmtpSession session = Smtp.plain(server).preferChunking(true).build().connect()) {
      report = session.send(Envelope.of("a@b.example", "c@d.example"), body);
    }
    assertEquals("B1", report.queueId().orElseThrow());
    assertEquals(List.of("EHLO client.test", "MAIL FROM:<a@b.example>", "RCPT TO:<c@d.example>", "BDAT 500 LAST",
        "QUIT"), wire(server));
    assertArrayEquals(body, server.takePayload().bytes(), "BDAT sends the bytes as they are, unstuffed");
  }

  @Test
  void largeMessageIsChunkedAndJoinsBackExactly() throws Exception {
    byte[] body = body(2500);
    server.enqueue(greeting(), ehlo("CHUNKING"), ok(), ok(), MockReply.none().thenReadExactly(1024), ok(),
        MockReply.none().thenReadExactly(1024), ok(), MockReply.none().thenReadExactly(452), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).preferChunking(true).chunkSize(1024).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), body);
    }
    assertEquals(List.of("BDAT 1024", "BDAT 1024", "BDAT 452 LAST", "QUIT"), wire(server).subList(3, 7));
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      joined.write(server.takePayload().bytes());
    }
    assertArrayEquals(body, joined.toByteArray());
  }

  @Test
  void refusalAfterTheSecondOfFiveChunksStopsAtOnceS19() throws Exception {
    byte[] body = body(5 * 1024);
    server.enqueue(greeting(), ehlo("CHUNKING"), ok(), ok(), MockReply.none().thenReadExactly(1024), ok(),
        MockReply.none().thenReadExactly(1024), MockReply.of("554 5.6.0 message content rejected"), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).preferChunking(true).chunkSize(1024).build().connect()) {
      SmtpCommandException e = assertThrows(SmtpCommandException.class,
          () -> session.send(Envelope.of("a@b.example", "c@d.example"), body));
      assertEquals(554, e.code());
      assertTrue(session.isOpen(), "CE: the session is still usable");
    }
    assertEquals(List.of("BDAT 1024", "BDAT 1024", "RSET", "QUIT"), wire(server).subList(3, 7),
        "WIRE: no third chunk");
    assertEquals(2, server.payloadCount());
  }

  @Test
  void binaryContentUsesBinaryMimeAndBdat() throws Exception {
    byte[] body = new byte[3000];
    Arrays.fill(body, (byte) 'x'); // one 3,000-octet line: not valid for DATA (S08)
    body[10] = 0;
    server.enqueue(greeting(), ehlo("CHUNKING", "BINARYMIME", "8BITMIME"), ok(), ok(),
        MockReply.none().thenReadExactly(3000), ok(), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      session.send(Envelope.of("a@b.example", "c@d.example"), body);
    }
    List<String> wire = wire(server);
    assertEquals("MAIL FROM:<a@b.example> BODY=BINARYMIME", wire.get(1));
    assertEquals("BDAT 3000 LAST", wire.get(3));
    assertArrayEquals(body, server.takePayload().bytes());
  }
}
