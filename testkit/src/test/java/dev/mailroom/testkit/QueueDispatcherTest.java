package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue order, greeting, fail-fast, recording and take timeouts. */
class QueueDispatcherTest {
  private MockMailServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockMailServer(new QueueDispatcher(MockReply.of("500 unexpected")));
    server.start();
  }

  @AfterEach
  void stop() {
    server.failures(); // each test checks failures itself; close() must not throw for reported ones
    server.close();
  }

  @Test
  void greetingThenRepliesInOrderAndCommandsRecordedInOrder() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.lines("250-one", "250 two"), MockReply.of("221 bye"));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 hi", client.readLine());
      client.write("EHLO x\r\n");
      assertEquals("250-one", client.readLine());
      assertEquals("250 two", client.readLine());
      client.write("QUIT\r\n");
      assertEquals("221 bye", client.readLine());
    }
    RecordedCommand ehlo = server.takeCommand();
    assertEquals("EHLO x", ehlo.line());
    assertArrayEquals("EHLO x\r\n".getBytes(StandardCharsets.US_ASCII), ehlo.bytes());
    assertEquals(LineEnding.CRLF, ehlo.ending());
    assertEquals(0, ehlo.connectionIndex());
    assertEquals(0, ehlo.sequenceNumber());
    assertFalse(ehlo.tls());
    RecordedCommand quit = server.takeCommand();
    assertEquals("QUIT", quit.line());
    assertEquals(1, quit.sequenceNumber());
    assertEquals(2, server.commandCount());
    assertEquals(List.of(ehlo, quit), server.commands());
    assertEquals(0, ((QueueDispatcher) server.dispatcher()).pendingReplies());
    server.verifyNoFailures();
  }

  @Test
  void recordsExactlyWhatTheClientSent() throws Exception {
    server.enqueue(MockReply.of("hi"), MockReply.of("a"), MockReply.of("b"), MockReply.of("c"), MockReply.of("d"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      // bare LF, a lone CR inside a line, CR CR LF, UTF-8
      client.write("ONE\nTW\rO\r\nTHREE\r\r\nv\u00e9rifi\u00e9\r\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 4; i++) client.readLine();
      RecordedCommand one = server.takeCommand();
      assertEquals("ONE", one.line());
      assertEquals(LineEnding.BARE_LF, one.ending());
      assertArrayEquals("ONE\n".getBytes(StandardCharsets.US_ASCII), one.bytes());
      RecordedCommand two = server.takeCommand();
      assertEquals("TW\rO", two.line());
      assertEquals(LineEnding.CRLF, two.ending());
      RecordedCommand three = server.takeCommand();
      assertEquals("THREE\r", three.line());
      assertEquals(LineEnding.CRLF, three.ending());
      assertEquals("v\u00e9rifi\u00e9", server.takeCommand().line());
    }
  }

  @Test
  void partialLineAtEndOfStreamIsRecordedButNotAnswered() throws Exception {
    server.enqueue(MockReply.of("hi"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("HALF");
      client.socket().shutdownOutput();
      assertEquals(0, client.readToEnd().length, "server closes without a reply");
    }
    RecordedCommand half = server.takeCommand();
    assertEquals("HALF", half.line());
    assertEquals(LineEnding.NONE, half.ending());
    assertTrue(server.failures().isEmpty(), server.failures().toString());
  }

  @Test
  void failFastAnswersAndRecordsTheUnexpectedCommand() throws Exception {
    server.enqueue(MockReply.of("220 hi"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("NOOP\r\n");
      assertEquals("500 unexpected", client.readLine());
    }
    assertEquals("NOOP", server.takeCommand().line());
    List<String> failures = server.failures();
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).contains("'NOOP\\r\\n'"), failures.get(0));
    AssertionError reported = assertThrows(AssertionError.class, server::verifyNoFailures);
    assertTrue(reported.getMessage().contains("NOOP"), reported.getMessage());
    server.verifyNoFailures(); // reported once only
  }

  @Test
  void closeReportsUnreportedFailuresOnce() throws Exception {
    MockMailServer other = new MockMailServer();
    other.start();
    try (TestClient client = TestClient.connect(other)) {
      assertEquals(0, client.readToEnd().length, "default fail-fast closes without writing");
    }
    waitFor(() -> !other.failures().isEmpty());
    AssertionError error = assertThrows(AssertionError.class, other::close);
    assertTrue(error.getMessage().contains("no greeting"), error.getMessage());
    other.close(); // idempotent, and does not report twice
  }

  @Test
  void takeCommandTimesOutWithAnAssertionError() {
    long start = System.nanoTime();
    AssertionError error = assertThrows(AssertionError.class, () -> server.takeCommand(Duration.ofMillis(100)));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsedMillis >= 90 && elapsedMillis < 5_000, "waited " + elapsedMillis + " ms");
    assertTrue(error.getMessage().contains("no command"), error.getMessage());
    assertThrows(AssertionError.class, () -> server.takePayload(Duration.ofMillis(1)));
    assertThrows(AssertionError.class, () -> server.takeHandshake(Duration.ofMillis(1)));
  }

  @Test
  void connectionsAreNumberedAndShareTheQueue() throws Exception {
    server.enqueue(MockReply.of("hello 1"), MockReply.of("hello 2"), MockReply.of("ok"));
    try (TestClient first = TestClient.connect(server)) {
      assertEquals("hello 1", first.readLine());
      try (TestClient second = TestClient.connect(server)) {
        assertEquals("hello 2", second.readLine());
        second.write("X\r\n");
        assertEquals("ok", second.readLine());
      }
    }
    RecordedCommand x = server.takeCommand();
    assertEquals(1, x.connectionIndex());
    assertEquals(0, x.sequenceNumber());
    assertEquals(2, server.connectionCount());
  }

  @Test
  void withoutFailFastTheServerWaitsForAnEnqueuedReply() throws Exception {
    ((QueueDispatcher) server.dispatcher()).setFailFast(null);
    server.enqueue(MockReply.of("hi"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("WAIT\r\n");
      assertEquals("WAIT", server.takeCommand().line());
      server.enqueue(MockReply.of("late"));
      assertEquals("late", client.readLine());
    }
    assertTrue(server.failures().isEmpty());
  }

  @Test
  void closeReleasesConnectionsWaitingOnTheQueue() throws Exception {
    ((QueueDispatcher) server.dispatcher()).setFailFast(null);
    server.enqueue(MockReply.of("hi"));
    TestClient client = TestClient.connect(server);
    client.readLine();
    client.write("WAIT\r\n");
    server.takeCommand();
    assertTimeoutPreemptively(Duration.ofSeconds(3), server::close);
    assertEquals(0, client.readToEnd().length, "dead letter closes the connection");
    client.close();
  }

  @Test
  void maxLineBytesIsEnforcedAsAFailure() throws Exception {
    server.setMaxLineBytes(16);
    server.enqueue(MockReply.of("hi"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("0123456789ABCDEF and more\r\n");
      assertEquals(0, client.readToEnd().length);
    }
    waitFor(() -> !server.failures().isEmpty());
    assertTrue(server.failures().get(0).contains("longer than 16 bytes"), server.failures().toString());
    assertEquals(0, server.commandCount());
    assertThrows(AssertionError.class, server::verifyNoFailures);
  }

  @Test
  void delayedReplyAndUnpromptedReplies() throws Exception {
    server.enqueue(MockReply.of("* first").thenReadNothing(), MockReply.of("* second").withDelay(Duration.ofMillis(150)));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("* first", client.readLine());
      long start = System.nanoTime();
      assertEquals("* second", client.readLine());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 100);
    }
    assertEquals(0, server.commandCount());
  }

  @Test
  void enqueueNeedsAQueueDispatcherAndStartTwiceFails() {
    assertThrows(IllegalStateException.class, server::start);
    server.setDispatcher(Transcript.parse("S: hi"));
    assertThrows(IllegalStateException.class, () -> server.enqueue(MockReply.of("x")));
    MockMailServer unstarted = new MockMailServer();
    assertThrows(IllegalStateException.class, unstarted::port);
    unstarted.close();
  }

  @Test
  void customDispatcherFailuresAndExceptionsAreReported() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockReply greeting(ConnectionInfo connection) {
        return MockReply.of("hi " + connection.index());
      }

      @Override
      public MockReply dispatch(RecordedCommand command) {
        if (command.line().equals("BOOM")) throw new IllegalStateException("boom");
        if (command.line().equals("ASSERT")) throw new AssertionError("asserted in dispatcher");
        recordFailure("saw " + command.line());
        return MockReply.of("ok");
      }
    });
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("hi 0", client.readLine());
      client.write("A\r\n");
      assertEquals("ok", client.readLine());
      client.write("BOOM\r\n");
      assertEquals(0, client.readToEnd().length);
    }
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("hi 1", client.readLine());
      client.write("ASSERT\r\n");
      assertEquals(0, client.readToEnd().length);
    }
    waitFor(() -> server.failures().size() == 3);
    assertEquals("saw A", server.failures().get(0));
    assertTrue(server.failures().get(1).contains("boom"), server.failures().toString());
    assertTrue(server.failures().get(2).contains("asserted in dispatcher"), server.failures().toString());
    assertThrows(AssertionError.class, server::verifyNoFailures);
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
      while (!condition.getAsBoolean()) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    done.get(5, TimeUnit.SECONDS);
  }
}
