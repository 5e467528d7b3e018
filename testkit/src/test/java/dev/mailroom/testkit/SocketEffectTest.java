package dev.mailroom.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each {@link SocketEffect} does what it says, observed by a plain JDK client. */
class SocketEffectTest {
  private final MockMailServer server = new MockMailServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close(); // also fails the test on an unexpected fail-fast
  }

  @Test
  void closeAtStartWritesNothing() throws Exception {
    server.enqueue(MockReply.of("220 never sent").onReplyStart(SocketEffect.CLOSE));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals(0, client.readToEnd().length);
    }
  }

  @Test
  void closeAtEndWritesTheReplyThenFin() throws Exception {
    server.enqueue(MockReply.of("221 bye").onReplyEnd(SocketEffect.CLOSE));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("221 bye\r\n", new String(client.readToEnd(), US_ASCII));
    }
  }

  @Test
  void closeMidReplyWritesExactlyThatManyBytes() throws Exception {
    server.enqueue(MockReply.of("250 0123456789").onReplyStart(new SocketEffect.CloseMidReply(6)));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("250 01", new String(client.readToEnd(), US_ASCII));
    }
  }

  @Test
  void closeMidReplyBeyondTheReplyWritesAllOfIt() throws Exception {
    server.enqueue(MockReply.of("250 ok").onReplyStart(new SocketEffect.CloseMidReply(1000)));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("250 ok\r\n", new String(client.readToEnd(), US_ASCII));
    }
  }

  @Test
  void resetMidReplyWritesThePrefixThenRst() throws Exception {
    // The delay lets the client's connect() return before the RST; without it the reset can race the connect.
    server.enqueue(MockReply.of("250 0123456789").onReplyStart(new SocketEffect.ResetMidReply(4))
        .withDelay(Duration.ofMillis(20)));
    try (TestClient client = TestClient.connect(server)) {
      assertArrayEquals("250 ".getBytes(US_ASCII), client.readExactly(4));
      SocketException reset = assertThrows(SocketException.class, () -> client.in().read());
      assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.getMessage());
    }
  }

  @Test
  void resetSendsRstInsteadOfTheReply() throws Exception {
    server.enqueue(MockReply.of("220 never sent").onReplyStart(SocketEffect.RESET));
    // The RST may even beat the client's connect(); either way the client sees a reset and no byte.
    SocketException reset = assertThrows(SocketException.class, () -> {
      try (TestClient client = TestClient.connect(server)) {
        client.in().read();
      }
    });
    assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.getMessage());
  }

  @Test
  void resetAtEndFollowsTheReply() throws Exception {
    server.enqueue(MockReply.of("220 hi").onReplyEnd(SocketEffect.RESET).withDelay(Duration.ofMillis(20)));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 hi", client.readLine());
      assertThrows(SocketException.class, () -> client.in().read());
    }
  }

  @Test
  void stallGreetingIsASilentServerUntilClosed() throws Exception {
    server.enqueue(MockReply.stall());
    try (TestClient client = TestClient.connect(server)) {
      client.setTimeout(Duration.ofMillis(200));
      assertThrows(SocketTimeoutException.class, () -> client.in().read());
      client.write("HELLO?\r\n"); // the server is not reading either: nothing is recorded
      assertThrows(SocketTimeoutException.class, () -> client.in().read());
      assertEquals(0, server.commandCount());
      client.setTimeout(Duration.ofSeconds(5));
      assertTimeoutPreemptively(Duration.ofSeconds(3), server::close);
      assertTrue(readsEndOrReset(client), "closing the server ends the stall");
    }
  }

  @Test
  void stallAtEndFollowsTheReply() throws Exception {
    server.enqueue(MockReply.of("220 go ahead").onReplyEnd(SocketEffect.STALL));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 go ahead", client.readLine());
      client.setTimeout(Duration.ofMillis(200));
      assertThrows(SocketTimeoutException.class, () -> client.in().read());
    }
  }

  @Test
  void throttleDribblesTheReply() throws Exception {
    Duration every = Duration.ofMillis(100); // long enough that a busy machine rarely merges two chunks
    server.enqueue(MockReply.of("220 hi").onReplyStart(new SocketEffect.Throttle(2, every))); // 8 bytes, 4 chunks
    try (TestClient client = TestClient.connect(server)) {
      long start = System.nanoTime();
      List<Integer> reads = new ArrayList<>();
      byte[] buffer = new byte[64];
      int total = 0;
      while (total < 8) {
        int n = client.in().read(buffer);
        reads.add(n);
        total += n;
      }
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(reads.stream().allMatch(n -> n <= 2), "reads " + reads);
      assertTrue(elapsed >= 3 * every.toMillis() - 10, "took " + elapsed + " ms");
      assertTrue(elapsed < 3_000, "took " + elapsed + " ms");
    }
  }

  @Test
  void oversizedLineBeforeAndAfterTheReply() throws Exception {
    server.enqueue(MockReply.of("220 hi").onReplyStart(new SocketEffect.OversizedLine(100_000)),
        MockReply.of("250 ok").onReplyEnd(new SocketEffect.OversizedLine(10)));
    try (TestClient client = TestClient.connect(server)) {
      String first = client.readLine();
      assertEquals(100_000 + "220 hi".length(), first.length());
      assertTrue(first.chars().limit(100_000).allMatch(c -> c == 'x'));
      assertTrue(first.endsWith("220 hi"));
      client.write("NOOP\r\n");
      assertEquals("250 ok", client.readLine());
      client.socket().shutdownOutput();
      assertEquals("xxxxxxxxxx", new String(client.readToEnd(), US_ASCII));
    }
  }

  @Test
  void garbageIsWrittenVerbatim() throws Exception {
    byte[] garbage = {0, (byte) 0xff, '\r', 'z', '\n'};
    server.enqueue(MockReply.of("220 hi").onReplyEnd(new SocketEffect.Garbage(garbage)),
        MockReply.raw(new byte[] {'!'}).onReplyStart(new SocketEffect.Garbage(new byte[] {'?'})));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 hi", client.readLine());
      assertArrayEquals(garbage, client.readExactly(garbage.length));
      client.write("NOOP\r\n");
      assertArrayEquals(new byte[] {'?', '!'}, client.readExactly(2));
    }
  }

  @Test
  void halfCloseSendsFinAndKeepsRecording() throws Exception {
    server.enqueue(MockReply.of("220 hi").onReplyEnd(SocketEffect.HALF_CLOSE), MockReply.of("not used"));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 hi\r\n", new String(client.readToEnd(), US_ASCII));
      client.write("STILL\r\nTALKING\r\n");
      assertEquals("STILL", server.takeCommand().line());
      assertEquals("TALKING", server.takeCommand().line());
    }
    assertEquals(1, ((QueueDispatcher) server.dispatcher()).pendingReplies(), "dispatcher not consulted");
  }

  @Test
  void effectsAreCutShortWhenTheServerCloses() throws Exception {
    server.enqueue(MockReply.of("slow").onReplyStart(new SocketEffect.Throttle(1, Duration.ofSeconds(30))),
        MockReply.of("late").withDelay(Duration.ofSeconds(30)));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals('s', client.in().read());
      assertTimeoutPreemptively(Duration.ofSeconds(3), server::close);
    }
  }

  private static boolean readsEndOrReset(TestClient client) {
    try {
      return client.in().read() == -1;
    } catch (SocketException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
