package dev.mailroom.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STARTTLS response injection (T05, T06) and recording of client bytes sent before the ClientHello (T12). */
class StartTlsInjectionTest {
  private static final SSLContext CLIENT = TestCertificates.localhost().clientContext();
  private static final byte[] INJECTED = "250 AUTH PLAIN\r\n".getBytes(US_ASCII);

  private final MockMailServer server = new MockMailServer();

  @BeforeEach
  void start() throws IOException {
    server.offerStartTls(TestCertificates.localhost());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void injectionWithoutPauseArrivesInTheSameSegmentAsTheGoAhead() throws Exception {
    server.enqueue(MockReply.of("220 hi"),
        MockReply.of("220 go").onReplyEnd(new SocketEffect.InjectAfterGoAhead(INJECTED, Duration.ZERO)));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      byte[] buffer = new byte[1024];
      int n = client.in().read(buffer);
      assertEquals("220 go\r\n250 AUTH PLAIN\r\n", new String(buffer, 0, n, US_ASCII), "one read, one segment");
      // A careless client that ignores the injected bytes still gets its handshake: the client's behaviour decides.
      client.startTls(CLIENT, "localhost");
    }
    assertTrue(server.takeHandshake().succeeded());
  }

  @Test
  void injectionWithPauseArrivesInASecondSegment() throws Exception {
    Duration pause = Duration.ofMillis(200);
    server.enqueue(MockReply.of("220 hi"),
        MockReply.of("220 go").onReplyEnd(new SocketEffect.InjectAfterGoAhead(INJECTED, pause)));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      byte[] buffer = new byte[1024];
      int n = client.in().read(buffer);
      long afterGoAhead = System.nanoTime();
      assertEquals("220 go\r\n", new String(buffer, 0, n, US_ASCII));
      n = client.in().read(buffer);
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - afterGoAhead);
      assertEquals("250 AUTH PLAIN\r\n", new String(buffer, 0, n, US_ASCII));
      assertTrue(waited >= 100, "second segment after " + waited + " ms");
      // A correct client gives up here; the server records that no ClientHello came.
    }
    RecordedHandshake handshake = server.takeHandshake();
    assertFalse(handshake.succeeded());
    assertTrue(handshake.failure().contains("before ClientHello"), handshake.failure());
  }

  @Test
  void aCorrectClientSendsNothingBeforeItsClientHello() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go").thenStartTls());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      client.readLine();
      client.startTls(CLIENT, "localhost");
    }
    RecordedHandshake handshake = server.takeHandshake();
    assertTrue(handshake.succeeded());
    assertEquals(0, handshake.bytesBeforeHandshake().length);
  }

  @Test
  void recordsCommandsPipelinedBehindStartTls() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go").thenStartTls(), MockReply.of("250 ok"));
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\nMAIL FROM:<a@b.test>\r\n"); // one segment: the server has it buffered
      assertEquals("220 go", client.readLine());
      client.startTls(CLIENT, "localhost");
      client.write("EHLO x\r\n");
      assertEquals("250 ok", client.readLine());
    }
    RecordedHandshake handshake = server.takeHandshake();
    assertTrue(handshake.succeeded());
    assertEquals("MAIL FROM:<a@b.test>\r\n", new String(handshake.bytesBeforeHandshake(), US_ASCII));
    assertEquals("STARTTLS", server.takeCommand().line());
    RecordedCommand ehlo = server.takeCommand();
    assertEquals("EHLO x", ehlo.line(), "the pipelined bytes were not replayed as a command");
    assertTrue(ehlo.tls());
  }

  @Test
  void recordsBytesSentAfterTheGoAheadInALaterSegment() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go").thenStartTls());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      client.readLine();
      client.write("AUTH PLAIN AGFAYg==\r\n");
      client.startTls(CLIENT, "localhost");
    }
    assertEquals("AUTH PLAIN AGFAYg==\r\n",
        new String(server.takeHandshake().bytesBeforeHandshake(), US_ASCII));
  }

  @Test
  void bytesAndAHandshakeRecordInOneSegmentAreSplitAtTheRecordStart() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go").thenStartTls());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      client.readLine();
      // "RSET\r\n" and the start of a (bogus) TLS handshake record in one write
      client.write(new byte[] {'R', 'S', 'E', 'T', '\r', '\n', 0x16, 0x03, 0x01, 0x00, 0x02, 0x01, 0x00});
      client.socket().shutdownOutput();
      client.readToEnd();
    }
    RecordedHandshake handshake = server.takeHandshake();
    assertFalse(handshake.succeeded());
    assertEquals("RSET\r\n", new String(handshake.bytesBeforeHandshake(), US_ASCII));
  }

  @Test
  void recordsEverythingWhenTheClientNeverSendsAClientHello() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go").thenStartTls());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      client.readLine();
      client.write("QUIT\r\n");
    }
    RecordedHandshake handshake = server.takeHandshake();
    assertFalse(handshake.succeeded());
    assertEquals("QUIT\r\n", new String(handshake.bytesBeforeHandshake(), US_ASCII));
    assertEquals(1, server.commandCount());
  }
}
