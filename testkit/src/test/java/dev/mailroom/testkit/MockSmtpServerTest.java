package dev.mailroom.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MockSmtpServer} driven by a plain JDK socket client. */
class MockSmtpServerTest {
  private final MockSmtpServer smtp = new MockSmtpServer();

  @BeforeEach
  void start() throws IOException {
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  @Test
  void smtpReplyShorthandsWriteExactBytes() {
    assertEquals("220 mx.test ESMTP\r\n", MockReply.of(220, "mx.test ESMTP").text());
    assertEquals("250\r\n", MockReply.of(250, "").text());
    assertEquals("250-mx.test\r\n250-PIPELINING\r\n250 SIZE 1000000\r\n",
        MockReply.multiline(250, "mx.test", "PIPELINING", "SIZE 1000000").text());
    assertEquals("250 mx.test\r\n", MockReply.multiline(250, "mx.test").text());
    assertThrows(IllegalArgumentException.class, () -> MockReply.of(99, "x"));
    assertThrows(IllegalArgumentException.class, () -> MockReply.of(600, "x"));
    assertThrows(IllegalArgumentException.class, () -> MockReply.of(250, "a\r\n250 b"));
    assertThrows(IllegalArgumentException.class, () -> MockReply.multiline(250));
  }

  @Test
  void ehloShorthandGoesOnTheWireExactly() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "PIPELINING", "SIZE 1000000", "CHUNKING");
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP\r\n", client.readRawLine());
      client.write("EHLO client.test\r\n");
      byte[] expected = "250-mx.test\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n250 CHUNKING\r\n"
          .getBytes(StandardCharsets.US_ASCII);
      assertArrayEquals(expected, client.readExactly(expected.length));
      client.socket().shutdownOutput();
      assertEquals(0, client.readToEnd().length); // nothing more, no fail-fast reply
    }
    assertEquals("EHLO client.test", smtp.takeCommand().line());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void dataBodyIsRecordedUnstuffed() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueue(MockReply.of(250, "mx.test"), MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"),
        MockReply.of(354, "go ahead"), MockReply.of(250, "2.0.0 queued"));
    String sent = "Subject: dots\r\n\r\n..leading dot\r\n...two\r\nmid.dot\r\n.\r\n";
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("HELO client.test\r\n");
      assertEquals("250 mx.test", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\n");
      assertEquals("250 2.1.0 ok", client.readLine());
      client.write("RCPT TO:<b@mx.test>\r\n");
      assertEquals("250 2.1.5 ok", client.readLine());
      client.write("DATA\r\n");
      assertEquals("354 go ahead", client.readLine());
      client.write(sent);
      assertEquals("250 2.0.0 queued", client.readLine());
    }
    RecordedMessage message = smtp.takeMessage();
    assertEquals("Subject: dots\r\n\r\n.leading dot\r\n..two\r\nmid.dot\r\n", message.text());
    assertFalse(message.viaBdat());
    assertEquals(List.of("MAIL FROM:<a@client.test>", "RCPT TO:<b@mx.test>", "DATA"),
        message.transactionCommands().stream().map(RecordedCommand::line).toList());
    assertEquals(4, smtp.commandCount()); // the body lines are not commands
    assertArrayEquals(sent.getBytes(StandardCharsets.US_ASCII), smtp.takePayload().raw());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void bdatChunksAreConcatenatedIntoOneMessage() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"),
        MockReply.of(250, "2.0.0 13 octets"), MockReply.of(250, "2.0.0 queued"));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\n");
      assertEquals("250 2.1.0 ok", client.readLine());
      client.write("RCPT TO:<b@mx.test>\r\n");
      assertEquals("250 2.1.5 ok", client.readLine());
      // The first chunk holds CRLF.CRLF and a line that looks like a command: counted bytes are never interpreted.
      client.write("BDAT 13\r\nab\r\n.\r\nRSET\r\n");
      assertEquals("250 2.0.0 13 octets", client.readLine());
      client.write("BDAT 4 LAST\r\n.xyz");
      assertEquals("250 2.0.0 queued", client.readLine());
    }
    RecordedMessage message = smtp.takeMessage();
    assertArrayEquals("ab\r\n.\r\nRSET\r\n.xyz".getBytes(StandardCharsets.US_ASCII), message.bytes());
    assertTrue(message.viaBdat());
    assertEquals(List.of("MAIL FROM:<a@client.test>", "RCPT TO:<b@mx.test>", "BDAT 13", "BDAT 4 LAST"),
        message.transactionCommands().stream().map(RecordedCommand::line).toList());
    assertEquals(1, smtp.messageCount());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void pipelinedCommandsInOneWriteAreAnsweredInOrder() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "PIPELINING");
    smtp.enqueue(MockReply.of(250, "2.1.0 sender ok"), MockReply.of(250, "2.1.5 first ok"),
        MockReply.of(550, "5.1.1 second unknown"), MockReply.of(354, "go"), MockReply.of(250, "2.0.0 queued"));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("EHLO client.test\r\n");
      assertEquals("250-mx.test", client.readLine());
      assertEquals("250 PIPELINING", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\nRCPT TO:<b@mx.test>\r\nRCPT TO:<c@mx.test>\r\nDATA\r\n");
      assertEquals("250 2.1.0 sender ok", client.readLine());
      assertEquals("250 2.1.5 first ok", client.readLine());
      assertEquals("550 5.1.1 second unknown", client.readLine());
      assertEquals("354 go", client.readLine());
      client.write("hi\r\n.\r\n");
      assertEquals("250 2.0.0 queued", client.readLine());
    }
    assertEquals("EHLO client.test", smtp.takeCommand().line());
    assertEquals("MAIL FROM:<a@client.test>", smtp.takeCommand().line());
    assertEquals("RCPT TO:<b@mx.test>", smtp.takeCommand().line());
    assertEquals("RCPT TO:<c@mx.test>", smtp.takeCommand().line());
    assertEquals("DATA", smtp.takeCommand().line());
    assertEquals("hi\r\n", smtp.takeMessage().text());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void anUnexpectedCommandGets500AndIsRecordedAsAFailure() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("NOOP\r\n");
      assertEquals("500 5.5.1 unexpected command", client.readLine());
    }
    assertEquals(1, smtp.failures().size());
    assertTrue(smtp.failures().get(0).contains("NOOP"), smtp.failures().toString());
    AssertionError reported = assertThrows(AssertionError.class, smtp::verifyNoFailures);
    assertTrue(reported.getMessage().contains("unexpected command"), reported.getMessage());
  }

  @Test
  void closeReportsAnUnreportedFailFast() throws Exception {
    MockSmtpServer other = new MockSmtpServer();
    other.start();
    try (TestClient client = TestClient.connect(other)) {
      assertEquals("500 5.5.1 unexpected command", client.readLine()); // no greeting enqueued
    }
    assertThrows(AssertionError.class, other::close);
  }

  @Test
  void startTlsWithTestCertificates() throws Exception {
    TestCertificates certificates = TestCertificates.localhost();
    SSLContext clientContext = certificates.clientContext();
    smtp.offerStartTls(certificates);
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "STARTTLS");
    smtp.enqueue(MockReply.of(220, "go").thenStartTls());
    smtp.enqueueEhlo("mx.test", "CHUNKING");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(250, "2.0.0 queued"));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("EHLO client.test\r\n");
      assertEquals("250-mx.test", client.readLine());
      assertEquals("250 STARTTLS", client.readLine());
      client.write("STARTTLS\r\n");
      assertEquals("220 go", client.readLine());
      client.startTls(clientContext, "localhost");
      client.write("EHLO client.test\r\n");
      assertEquals("250-mx.test", client.readLine());
      assertEquals("250 CHUNKING", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\nRCPT TO:<b@mx.test>\r\nBDAT 3 LAST\r\nabc");
      assertEquals("250 2.1.0 ok", client.readLine());
      assertEquals("250 2.1.5 ok", client.readLine());
      assertEquals("250 2.0.0 queued", client.readLine());
    }
    RecordedHandshake handshake = smtp.takeHandshake();
    assertTrue(handshake.succeeded(), handshake.toString());
    assertFalse(handshake.implicit());
    assertFalse(smtp.takeCommand().tls()); // EHLO
    assertFalse(smtp.takeCommand().tls()); // STARTTLS
    assertTrue(smtp.takeCommand().tls()); // EHLO again
    RecordedMessage message = smtp.takeMessage();
    assertTrue(message.tls());
    assertEquals("abc", message.text());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void droppingTheConnectionAfterTheFinalDotStillRecordsTheMessage() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueue(MockReply.of(354, "go"), MockReply.none().onReplyStart(SocketEffect.CLOSE));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("DATA\r\n");
      assertEquals("354 go", client.readLine());
      client.write("body\r\n.\r\n");
      assertEquals(0, client.readToEnd().length);
    }
    assertEquals("body\r\n", smtp.takeMessage().text());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void rsetAbandonsTheBdatTransaction() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    // A sloppy client: after RSET it sends BDAT without a new MAIL, and this script accepts it.
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "chunk ok"), MockReply.of(250, "reset"),
        MockReply.of(250, "queued"));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\nBDAT 3\r\nold");
      assertEquals("250 ok", client.readLine());
      assertEquals("250 chunk ok", client.readLine());
      client.write("RSET\r\nBDAT 3 LAST\r\nnew");
      assertEquals("250 reset", client.readLine());
      assertEquals("250 queued", client.readLine());
    }
    RecordedMessage message = smtp.takeMessage();
    assertEquals("new", message.text());
    assertEquals(List.of("BDAT 3 LAST"), message.transactionCommands().stream().map(RecordedCommand::line).toList());
    assertThrows(AssertionError.class, () -> smtp.takeMessage(Duration.ofMillis(100)));
  }

  @Test
  void anEmptyLastChunkEndsTheMessage() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueue(MockReply.of(250, "ok"), MockReply.of(250, "chunk ok"), MockReply.of(250, "queued"));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\nBDAT 2\r\nhiBDAT 0 LAST\r\n");
      assertEquals("250 ok", client.readLine());
      assertEquals("250 chunk ok", client.readLine());
      assertEquals("250 queued", client.readLine());
    }
    assertEquals("hi", smtp.takeMessage().text());
  }

  @Test
  void a354ToAnythingButDataDoesNotStartABody() throws Exception {
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueue(MockReply.of(354, "odd"), MockReply.of(250, "ok"));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("NOOP\r\nNOOP\r\n");
      assertEquals("354 odd", client.readLine());
      assertEquals("250 ok", client.readLine());
    }
    assertEquals(0, smtp.messageCount());
    assertEquals(List.of(), smtp.failures());
  }

  @Test
  void withATranscriptTheBodyIsScriptedLineByLine() throws Exception {
    smtp.setDispatcher(Transcript.parse("""
        S: 220 mx.test ESMTP
        C: DATA
        S: 354 go
        C: hi
        C: .
        S: 250 queued
        """));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("DATA\r\n");
      assertEquals("354 go", client.readLine());
      client.write("hi\r\n.\r\n");
      assertEquals("250 queued", client.readLine());
    }
    assertEquals(0, smtp.messageCount());
    assertEquals(List.of(), smtp.failures());
  }

  /** The class Javadoc's example, verbatim apart from the socket timeout. */
  @Test
  void javadocExample() throws Exception {
    try (MockSmtpServer smtp = new MockSmtpServer()) {
      smtp.enqueueGreeting("mx.test ESMTP");
      smtp.enqueueEhlo("mx.test", "PIPELINING", "SIZE 1000000");
      smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(354, "go"));
      smtp.enqueue(MockReply.of(250, "2.0.0 queued"), MockReply.of(221, "bye").onReplyEnd(SocketEffect.CLOSE));
      smtp.start();
      try (Socket socket = new Socket(smtp.host(), smtp.port())) {
        socket.setSoTimeout(5000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
        OutputStream out = socket.getOutputStream();
        assertEquals("220 mx.test ESMTP", in.readLine());
        out.write("EHLO client.test\r\n".getBytes(US_ASCII));
        assertEquals("250-mx.test", in.readLine());
        assertEquals("250-PIPELINING", in.readLine());
        assertEquals("250 SIZE 1000000", in.readLine());
        out.write("MAIL FROM:<a@client.test>\r\nRCPT TO:<b@mx.test>\r\nDATA\r\n".getBytes(US_ASCII)); // pipelined
        assertEquals("250 2.1.0 ok", in.readLine());
        assertEquals("250 2.1.5 ok", in.readLine());
        assertEquals("354 go", in.readLine());
        out.write("Subject: hi\r\n\r\n..dot\r\n.\r\n".getBytes(US_ASCII));
        assertEquals("250 2.0.0 queued", in.readLine());
        out.write("QUIT\r\n".getBytes(US_ASCII));
        assertEquals("221 bye", in.readLine());
      }
      assertEquals("EHLO client.test", smtp.takeCommand().line());
      RecordedMessage message = smtp.takeMessage();
      assertEquals("Subject: hi\r\n\r\n.dot\r\n", message.text()); // un-stuffed
      assertEquals(3, message.transactionCommands().size());     // MAIL, RCPT, DATA
    }
  }
}
