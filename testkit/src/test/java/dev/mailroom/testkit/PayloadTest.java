package dev.mailroom.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dot-terminated (DATA) and counted (literal, BDAT) payloads are recorded raw and decoded. */
class PayloadTest {
  private final MockMailServer server = new MockMailServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void dotTerminatedPayloadIsUnstuffed() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("354 go").thenReadDotTerminated(), MockReply.of("250 ok"),
        MockReply.of("500 what"), MockReply.of("221 bye"));
    String raw = "Subject: x\r\n\r\n..leading dot\r\n...\r\nmid.dot\r\n.\r\n";
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("DATA\r\n");
      assertEquals("354 go", client.readLine());
      client.write(raw + "...\r\nQUIT\r\n"); // all in one segment: the terminator must split it
      assertEquals("250 ok", client.readLine());
      assertEquals("500 what", client.readLine());
      assertEquals("221 bye", client.readLine());
    }
    RecordedPayload payload = server.takePayload();
    assertEquals(RecordedPayload.Framing.DOT_TERMINATED, payload.framing());
    assertEquals(raw, new String(payload.raw(), US_ASCII));
    assertEquals("Subject: x\r\n\r\n.leading dot\r\n..\r\nmid.dot\r\n", new String(payload.bytes(), US_ASCII),
        "one leading dot removed per line, terminator removed");
    assertTrue(payload.complete());
    assertEquals(1, payload.sequenceNumber());
    assertEquals("DATA", server.takeCommand().line());
    RecordedCommand next = server.takeCommand();
    assertEquals("...", next.line(), "what follows the terminator is read as commands again");
    assertEquals(2, next.sequenceNumber());
    assertEquals("QUIT", server.takeCommand().line());
  }

  @Test
  void onlyCrlfDotCrlfEndsThePayload() throws Exception {
    server.enqueue(MockReply.of("354 go").thenReadDotTerminated(), MockReply.of("250 ok"));
    // Smuggling shapes: <LF>.<LF>, <LF>.<CRLF>, <CR>.<CR>; a dot after a bare LF is not at a line start.
    String raw = "a\n.\nb\n.\r\nc\r.\rd\r\n.\r\n";
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write(raw);
      assertEquals("250 ok", client.readLine());
    }
    RecordedPayload payload = server.takePayload();
    assertEquals(raw, new String(payload.raw(), US_ASCII));
    assertEquals("a\n.\nb\n.\r\nc\r.\rd\r\n", new String(payload.bytes(), US_ASCII));
  }

  @Test
  void emptyDotTerminatedPayload() throws Exception {
    server.enqueue(MockReply.of("354 go").thenReadDotTerminated(), MockReply.of("250 ok"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write(".\r\n");
      assertEquals("250 ok", client.readLine());
    }
    assertEquals(0, server.takePayload().bytes().length);
  }

  @Test
  void payloadCutByTheClientIsRecordedIncomplete() throws Exception {
    server.enqueue(MockReply.of("354 go").thenReadDotTerminated(), MockReply.of("never"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("half a message\r\n.");
    }
    RecordedPayload payload = server.takePayload();
    assertFalse(payload.complete());
    assertEquals("half a message\r\n.", new String(payload.raw(), US_ASCII));
  }

  @Test
  void countedPayloadReadsExactlyThatManyBytes() throws Exception {
    server.enqueue(MockReply.of("* OK"), MockReply.of("+ go").thenReadExactly(7), MockReply.none(),
        MockReply.of("A1 OK appended"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("A1 APPEND INBOX {7}\r\n");
      assertEquals("+ go", client.readLine());
      client.write("a\r\n.\r\nb\r\n"); // the 7 bytes, then the end of the command line
      assertEquals("A1 OK appended", client.readLine());
    }
    assertEquals("A1 APPEND INBOX {7}", server.takeCommand().line());
    RecordedPayload literal = server.takePayload();
    assertEquals(RecordedPayload.Framing.COUNTED, literal.framing());
    assertEquals("a\r\n.\r\nb", new String(literal.bytes(), US_ASCII));
    assertEquals("a\r\n.\r\nb", new String(literal.raw(), US_ASCII));
    assertEquals("", server.takeCommand().line(), "the CRLF after the literal ends the command");
  }

  @Test
  void zeroByteCountedPayload() throws Exception {
    server.enqueue(MockReply.none().thenReadExactly(0), MockReply.of("250 ok"));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("250 ok", client.readLine());
    }
    RecordedPayload empty = server.takePayload();
    assertTrue(empty.complete());
    assertEquals(0, empty.bytes().length);
  }

  @Test
  void payloadOverTheLimitIsAFailure() throws Exception {
    server.setMaxPayloadBytes(10);
    server.enqueue(MockReply.of("354 go").thenReadDotTerminated());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("0123456789abcdef\r\n.\r\n");
      assertEquals(-1, client.in().read());
    }
    QueueDispatcherTest.waitFor(() -> !server.failures().isEmpty());
    assertThrows(AssertionError.class, server::verifyNoFailures);
    assertEquals(0, server.payloadCount());
  }
}
