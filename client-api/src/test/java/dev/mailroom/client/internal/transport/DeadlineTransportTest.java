package dev.mailroom.client.internal.transport;

import static dev.mailroom.client.internal.transport.MockServers.QUICK;
import static dev.mailroom.client.internal.transport.MockServers.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deadlines are deadlines: slow-loris (R01), silence (R02), idle reads and a server that stops reading (R08). */
@ExtendWith(StartStopExtension.class)
class DeadlineTransportTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void slowLorisHitsTheCommandDeadlineR01() throws Exception {
    // one byte every 100 ms keeps every single read well inside the 2 s idle limit; the 700 ms deadline still ends it
    server.enqueue(MockReply.of("* OK " + "x".repeat(200)).onReplyStart(new SocketEffect.Throttle(1, Duration.ofMillis(100))));
    Timeouts timeouts = QUICK.newBuilder().readIdle(Duration.ofSeconds(2)).build();
    LineTransport t = MockServers.connect(server, Security.PLAIN, timeouts, null);
    t.deadline(Duration.ofMillis(700));
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, () -> t.readLine());
    long took = millisSince(start);
    assertTrue(took >= 600 && took < 3000, "took " + took + " ms");
    assertFalse(t.isOpen());
  }

  @Test
  void aSlowServerThatFinishesWithinTheDeadlineSucceedsR01() throws Exception {
    server.enqueue(MockReply.lines("250-first", "250 second")
        .onReplyStart(new SocketEffect.Throttle(1, Duration.ofMillis(10))));
    try (LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null)) {
      t.deadline(Duration.ofSeconds(5));
      assertEquals("250-first", line(t));
      assertEquals("250 second", line(t));
    }
  }

  @Test
  void oneByteSegmentsOverTheNetworkReadTheSame() throws Exception {
    server.enqueue(MockReply.lines("* OK a", "* 1 EXISTS", "a1 OK done").onReplyStart(
        new SocketEffect.Throttle(1, Duration.ZERO)));
    try (LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null)) {
      t.commandDeadline();
      assertEquals("* OK a", line(t));
      assertEquals("* 1 EXISTS", line(t));
      assertEquals("a1 OK done", line(t));
    }
  }

  @Test
  void silentServerTimesOutR02() throws Exception {
    server.enqueue(MockReply.stall());
    Timeouts timeouts = QUICK.newBuilder().greeting(Duration.ofMillis(400)).build();
    LineTransport t = MockServers.connect(server, Security.PLAIN, timeouts, null);
    t.deadline(timeouts.greeting());
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, () -> t.readLine());
    long took = millisSince(start);
    assertTrue(took >= 300 && took < 3000, "took " + took + " ms");
    assertFalse(t.isOpen());
  }

  @Test
  void silentServerOnImplicitTlsTimesOutInTheHandshakeR02() {
    server.useTls(MockServers.LOCALHOST);
    server.enqueue(MockReply.stall().onReplyStart(SocketEffect.STALL));
    // the stalled greeting comes after the handshake; a handshake deadline still applies to the TLS part
    Timeouts timeouts = QUICK.newBuilder().handshake(Duration.ofMillis(500)).greeting(Duration.ofMillis(400)).build();
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, () -> {
      try (LineTransport t = MockServers.connect(server, Security.IMPLICIT_TLS, timeouts, null)) {
        t.deadline(timeouts.greeting());
        t.readLine();
      }
    });
    assertTrue(millisSince(start) < 4000);
  }

  @Test
  void readIdleTimeoutWithoutADeadline() throws Exception {
    server.enqueue(MockReply.of("* OK late").withDelay(Duration.ofSeconds(3)));
    Timeouts timeouts = QUICK.newBuilder().readIdle(Duration.ofMillis(300)).build();
    LineTransport t = MockServers.connect(server, Security.PLAIN, timeouts, null);
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, () -> t.readLine());
    assertTrue(millisSince(start) < 2500);
  }

  @Test
  void clearedDeadlineNoLongerApplies() throws Exception {
    server.enqueue(MockReply.of("* OK").withDelay(Duration.ofMillis(400)));
    try (LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null)) {
      t.deadline(Duration.ofMillis(100));
      t.clearDeadline();
      assertEquals("* OK", line(t));
    }
  }

  @Test
  void aServerThatStopsReadingMakesWritesTimeOutR08() throws Exception {
    server.enqueue(MockReply.of("* OK").onReplyEnd(SocketEffect.STALL));
    Timeouts timeouts = QUICK.newBuilder().write(Duration.ofMillis(500)).build();
    LineTransport t = MockServers.connect(server, Security.PLAIN, timeouts, null);
    t.commandDeadline();
    line(t);
    byte[] chunk = new byte[64 * 1024];
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, () -> {
      try (OutputStream out = t.payloadStream()) {
        for (int i = 0; i < 50 * 16; i++) { // up to 50 MB; socket buffers fill long before that
          out.write(chunk);
        }
      }
    });
    assertTrue(millisSince(start) < 10_000, "took " + millisSince(start) + " ms");
    assertFalse(t.isOpen());
  }
}
