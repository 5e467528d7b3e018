package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Transcript} answers in order and checks every client line exactly. */
class TranscriptTest {
  private static final String SCRIPT = """
      # greeting
      S: 220 mx.test ESMTP
      C: EHLO client.test
      S: 250-mx.test
      S: 250 SIZE 1000
      C: DATA
      S: 354 go
      C: Subject: hi
      C:
      C: .
      S: 250 queued
      C: QUIT
      S: 221 bye
      """;

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
  void aMatchingClientFinishesTheScript() throws Exception {
    Transcript transcript = Transcript.parse(SCRIPT);
    server.setDispatcher(transcript);
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("EHLO client.test\r\n");
      assertEquals("250-mx.test", client.readLine());
      assertEquals("250 SIZE 1000", client.readLine());
      client.write("DATA\r\n");
      assertEquals("354 go", client.readLine());
      client.write("Subject: hi\r\n\r\n.\r\n");
      assertEquals("250 queued", client.readLine());
      assertFalse(transcript.finished());
      client.write("QUIT\r\n");
      assertEquals("221 bye", client.readLine());
    }
    transcript.awaitFinished(Duration.ofSeconds(5));
    assertTrue(transcript.finished());
    server.verifyNoFailures();
    assertEquals(6, server.commandCount());
  }

  @Test
  void aMismatchIsAFailureAndGetsTheFailFastReply() throws Exception {
    Transcript transcript = Transcript.parse(SCRIPT, MockReply.of("500 unexpected"));
    server.setDispatcher(transcript);
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("HELO client.test\r\n");
      assertEquals("500 unexpected", client.readLine());
      client.write("EHLO client.test\r\n");
      assertEquals("500 unexpected", client.readLine(), "derailed: the script does not resume");
    }
    assertEquals(1, transcript.failures().size());
    String failure = transcript.failures().get(0);
    assertTrue(failure.contains("line 3") && failure.contains("'EHLO client.test\\r\\n'")
        && failure.contains("'HELO client.test\\r\\n'"), failure);
    AssertionError unfinished = assertThrows(AssertionError.class,
        () -> transcript.awaitFinished(Duration.ofMillis(10)));
    assertTrue(unfinished.getMessage().contains("derailed"), unfinished.getMessage());
    assertThrows(AssertionError.class, server::verifyNoFailures);
  }

  @Test
  void aBareLfIsAMismatch() throws Exception {
    Transcript transcript = Transcript.parse("S: +OK\nC: CAPA\nS: +OK\n");
    server.setDispatcher(transcript);
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("CAPA\n");
      assertEquals(-1, client.in().read(), "default fail-fast closes");
    }
    QueueDispatcherTest.waitFor(() -> !server.failures().isEmpty());
    assertTrue(server.failures().get(0).contains("'CAPA\\n'"), server.failures().toString());
    assertThrows(AssertionError.class, server::verifyNoFailures);
  }

  @Test
  void linesAfterTheEndAndSecondConnectionsAreFailures() throws Exception {
    Transcript transcript = Transcript.parse("S: * OK\nC: A1 LOGOUT\nS: A1 OK\n");
    server.setDispatcher(transcript);
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("A1 LOGOUT\r\nA2 NOOP\r\n");
      assertEquals("A1 OK", client.readLine());
      assertEquals(-1, client.in().read());
    }
    try (TestClient second = TestClient.connect(server)) {
      assertEquals(-1, second.in().read());
    }
    QueueDispatcherTest.waitFor(() -> server.failures().size() == 2);
    assertTrue(transcript.finished());
    assertTrue(server.failures().get(0).contains("A2 NOOP"), server.failures().toString());
    assertTrue(server.failures().get(1).contains("connection 1"), server.failures().toString());
    assertThrows(AssertionError.class, server::verifyNoFailures);
  }

  @Test
  void parsing() {
    assertThrows(IllegalArgumentException.class, () -> Transcript.parse("S: ok\nX: what\n"));
    assertTrue(Transcript.parse("S: server speaks only\n").finished());
    assertFalse(Transcript.parse("C: client first\n").finished());
    Transcript trailing = Transcript.parse("C: A1 X\nS: +\s\n");
    assertEquals("+ \r\n", new String(trailing.dispatch(command("A1 X")).bytes(),
        java.nio.charset.StandardCharsets.US_ASCII), "trailing space kept");
  }

  private static RecordedCommand command(String line) {
    return new RecordedCommand(0, 0, (line + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), line,
        LineEnding.CRLF, false);
  }
}
