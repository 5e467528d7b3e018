package dev.mailroom.client.internal.transport;

import static dev.mailroom.client.internal.transport.MockServers.LOCALHOST;
import static dev.mailroom.client.internal.transport.MockServers.QUICK;
import static dev.mailroom.client.internal.transport.MockServers.line;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.RecordedHandshake;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The STARTTLS upgrade: the happy path and the injection rows T05, T06, T12, and the handshake stall T16. */
@ExtendWith(StartStopExtension.class)
class StartTlsTransportTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private LineTransport startTlsConnection(Timeouts timeouts) throws Exception {
    server.offerStartTls(LOCALHOST);
    LineTransport t = MockServers.connect(server, Security.STARTTLS, timeouts, null);
    t.commandDeadline();
    assertEquals("* OK ready", line(t));
    t.writeLine("a1 STARTTLS", Sensitivity.PUBLIC);
    t.flush();
    return t;
  }

  @Test
  void upgradesAndKeepsTalkingOverTls() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls(),
        MockReply.of("a2 OK noop over TLS"));
    try (LineTransport t = startTlsConnection(QUICK)) {
      assertEquals("a1 OK begin TLS", line(t));
      t.startTls();
      assertTrue(t.isTlsActive());
      t.writeLine("a2 NOOP", Sensitivity.PUBLIC);
      t.flush();
      assertEquals("a2 OK noop over TLS", line(t));
    }
    assertEquals("a1 STARTTLS", server.takeCommand().line());
    assertEquals("a2 NOOP", server.takeCommand().line());
    RecordedHandshake handshake = server.takeHandshake();
    assertTrue(handshake.succeeded());
    assertEquals(List.of("localhost"), handshake.serverNames(), "SNI sent");
  }

  @Test
  void sendsNothingBetweenTheCommandAndTheClientHelloT12() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls(),
        MockReply.of("a2 OK"));
    try (LineTransport t = startTlsConnection(QUICK)) {
      line(t);
      t.startTls();
      t.writeLine("a2 NOOP", Sensitivity.PUBLIC);
      t.flush();
      line(t);
    }
    assertArrayEquals(new byte[0], server.takeHandshake().bytesBeforeHandshake());
  }

  @Test
  void injectedResponseInTheSameSegmentFailsBeforeTheHandshakeT05() throws Exception {
    server.enqueue(MockReply.of("* OK ready"),
        MockReply.lines("a1 OK begin TLS", "a2 OK LOGIN completed").thenStartTls());
    LineTransport t = startTlsConnection(QUICK);
    assertEquals("a1 OK begin TLS", line(t));
    MailProtocolException e = assertThrows(MailProtocolException.class, t::startTls);
    assertTrue(e.getMessage().contains("T05"), e.getMessage());
    assertFalse(t.isOpen(), "the connection is closed");
    assertFalse(t.isTlsActive());
  }

  @Test
  void injectedBytesEffectInOneSegmentT05() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls()
        .onReplyEnd(new SocketEffect.InjectAfterGoAhead("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n".getBytes(US_ASCII),
            Duration.ZERO)));
    LineTransport t = startTlsConnection(QUICK);
    line(t);
    assertThrows(MailProtocolException.class, t::startTls);
    assertFalse(t.isOpen());
  }

  @Test
  void injectedBytesInASecondSegmentFailT06() throws Exception {
    // The injection arrives after the go-ahead, in its own segment, while the client starts the handshake: the
    // first bytes the client reads where a TLS record must start are cleartext.
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls()
        .onReplyEnd(new SocketEffect.InjectAfterGoAhead("a2 OK injected\r\n".getBytes(US_ASCII),
            Duration.ofMillis(100))));
    LineTransport t = startTlsConnection(QUICK);
    line(t);
    MailProtocolException e = assertThrows(MailProtocolException.class, t::startTls);
    assertTrue(e.getMessage().contains("cleartext"), e.getMessage());
    assertFalse(t.isOpen());
  }

  @Test
  void injectedBytesThatArriveBeforeTheClientStartsTlsFailT06() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls()
        .onReplyEnd(new SocketEffect.InjectAfterGoAhead("a2 OK injected\r\n".getBytes(US_ASCII),
            Duration.ofMillis(20))));
    LineTransport t = startTlsConnection(QUICK);
    line(t);
    Thread.sleep(300); // a slow client: the injected segment is in the socket before the upgrade starts
    assertThrows(MailProtocolException.class, t::startTls);
    assertFalse(t.isOpen());
  }

  @Test
  void handshakeStallTimesOutT16() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").onReplyEnd(SocketEffect.STALL));
    Timeouts shortHandshake = QUICK.newBuilder().handshake(Duration.ofMillis(500)).build();
    LineTransport t = startTlsConnection(shortHandshake);
    line(t);
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, t::startTls);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 400 && millis < 4000, "timed out after " + millis + " ms");
    assertFalse(t.isOpen());
  }

  @Test
  void aCertificateProblemOnTheStartTlsPathFailsClosed() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls());
    server.offerStartTls(dev.mailroom.testkit.TestCertificates.expired());
    LineTransport t = MockServers.connect(server, Security.STARTTLS, QUICK, null);
    t.commandDeadline();
    line(t);
    t.writeLine("a1 STARTTLS", Sensitivity.PUBLIC);
    t.flush();
    line(t);
    assertThrows(MailSecurityException.class, t::startTls);
    assertFalse(t.isOpen());
    Thread.sleep(100);
    assertEquals(1, server.commandCount(), "nothing but STARTTLS was sent");
    assertFalse(server.takeHandshake().succeeded());
  }

  @Test
  void traceShowsTheUpgrade() throws Exception {
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin TLS").thenStartTls());
    server.offerStartTls(LOCALHOST);
    List<String> trace = new ArrayList<>();
    try (LineTransport t = MockServers.connect(server, Security.STARTTLS, QUICK, trace)) {
      t.commandDeadline();
      line(t);
      t.writeLine("a1 STARTTLS", Sensitivity.PUBLIC);
      t.flush();
      line(t);
      t.startTls();
    }
    assertEquals("S: * OK ready", trace.get(1));
    assertEquals("C: a1 STARTTLS", trace.get(2));
    assertEquals("S: a1 OK begin TLS", trace.get(3));
    assertTrue(trace.get(4).startsWith("== TLS established: TLSv1.3"), trace.toString());
  }
}
