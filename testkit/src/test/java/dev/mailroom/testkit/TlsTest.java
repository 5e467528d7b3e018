package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Implicit TLS and STARTTLS with {@link TestCertificates}, checked by a JDK client that verifies host names. */
class TlsTest {
  private static final SSLContext CLIENT = TestCertificates.localhost().clientContext();

  private final MockMailServer server = new MockMailServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> badCertificates() {
    return Stream.of(
        Arguments.of("expired", TestCertificates.expired(), "CertificateExpiredException"),
        Arguments.of("self-signed", TestCertificates.selfSigned(), "unable to find valid certification path"),
        Arguments.of("unknown CA", TestCertificates.unknownCa(), "unable to find valid certification path"),
        Arguments.of("other host", TestCertificates.forHost("other.example.org"),
            "No subject alternative DNS name matching localhost"));
  }

  @Test
  void implicitTlsWithAVerifiedLocalhostCertificate() throws Exception {
    server.useTls(TestCertificates.localhost());
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("A1 OK done"));
    try (TestClient client = TestClient.connectTls(server, CLIENT)) {
      assertEquals("* OK ready", client.readLine());
      client.write("A1 NOOP\r\n");
      assertEquals("A1 OK done", client.readLine());
    }
    RecordedCommand noop = server.takeCommand();
    assertEquals("A1 NOOP", noop.line());
    assertTrue(noop.tls());
    RecordedHandshake handshake = server.takeHandshake();
    assertTrue(handshake.implicit());
    assertTrue(handshake.succeeded(), handshake.toString());
    assertEquals("TLSv1.3", handshake.protocol());
    assertEquals(0, handshake.bytesBeforeHandshake().length);
  }

  @Test
  void theLocalhostCertificateAlsoCoversTheLoopbackAddress() throws Exception {
    server.useTls(TestCertificates.localhost());
    server.enqueue(MockReply.of("+OK"));
    try (TestClient client = TestClient.connect(server)) {
      client.startTls(CLIENT, "127.0.0.1");
      assertEquals("+OK", client.readLine());
    }
  }

  @Test
  void tls12IsServedToo() throws Exception {
    server.useTls(TestCertificates.localhost());
    server.enqueue(MockReply.of("+OK"));
    SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
    tls12.init(null, trustManagers(), null);
    try (TestClient client = TestClient.connectTls(server, tls12)) {
      assertEquals("+OK", client.readLine());
    }
    assertEquals("TLSv1.2", server.takeHandshake().protocol());
  }

  @Test
  void recordsTheSniHostName() throws Exception {
    server.useTls(TestCertificates.localhost());
    server.enqueue(MockReply.of("+OK"));
    try (TestClient client = TestClient.connect(server);
        SSLSocket tls = (SSLSocket) CLIENT.getSocketFactory().createSocket(client.socket(), "localhost",
            server.port(), true)) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName("mail.example.test")));
      tls.setSSLParameters(parameters);
      tls.startHandshake();
    }
    assertEquals(List.of("mail.example.test"), server.takeHandshake().serverNames());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCertificates")
  void implicitTlsWithABadCertificateIsRejected(String name, TestCertificates bad, String reason) throws Exception {
    server.useTls(bad);
    server.enqueue(MockReply.of("* OK never read"));
    try (TestClient client = TestClient.connect(server)) {
      assertRejectedFor(reason, assertThrows(SSLException.class, () -> client.startTls(CLIENT, "localhost")));
    }
    RecordedHandshake handshake = server.takeHandshake();
    assertFalse(handshake.succeeded(), handshake.toString());
    assertFalse(handshake.failure().isEmpty());
    assertEquals(0, server.commandCount());
  }

  @Test
  void startTlsUpgradesTheSameConnection() throws Exception {
    server.offerStartTls(TestCertificates.localhost());
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go ahead").thenStartTls(), MockReply.of("250 secure"));
    try (TestClient client = TestClient.connect(server)) {
      assertEquals("220 hi", client.readLine());
      client.write("STARTTLS\r\n");
      assertEquals("220 go ahead", client.readLine());
      client.startTls(CLIENT, "localhost");
      client.write("EHLO x\r\n");
      assertEquals("250 secure", client.readLine());
    }
    RecordedCommand startTls = server.takeCommand();
    assertFalse(startTls.tls());
    RecordedCommand ehlo = server.takeCommand();
    assertTrue(ehlo.tls());
    assertEquals(1, ehlo.sequenceNumber());
    RecordedHandshake handshake = server.takeHandshake();
    assertFalse(handshake.implicit());
    assertTrue(handshake.succeeded());
    assertEquals(0, handshake.bytesBeforeHandshake().length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCertificates")
  void startTlsWithABadCertificateIsRejected(String name, TestCertificates bad, String reason) throws Exception {
    server.offerStartTls(bad);
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go ahead").thenStartTls());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      client.readLine();
      assertRejectedFor(reason, assertThrows(SSLException.class, () -> client.startTls(CLIENT, "localhost")));
    }
    assertFalse(server.takeHandshake().succeeded());
  }

  @Test
  void startTlsWithoutACertificateIsAFailure() throws Exception {
    server.enqueue(MockReply.of("220 hi"), MockReply.of("220 go ahead").thenStartTls());
    try (TestClient client = TestClient.connect(server)) {
      client.readLine();
      client.write("STARTTLS\r\n");
      assertEquals("220 go ahead", client.readLine());
      assertEquals(-1, client.in().read());
    }
    QueueDispatcherTest.waitFor(() -> !server.failures().isEmpty());
    AssertionError error = assertThrows(AssertionError.class, server::verifyNoFailures);
    assertTrue(error.getMessage().contains("offerStartTls"), error.getMessage());
  }

  /** The rejection must be for the variant's own reason, not for some other fault. */
  private static void assertRejectedFor(String reason, Throwable rejection) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = rejection; t != null; t = t.getCause()) chain.append(t).append(" <- ");
    assertTrue(chain.toString().contains(reason), "expected '" + reason + "' in " + chain);
  }

  private static javax.net.ssl.TrustManager[] trustManagers() throws Exception {
    javax.net.ssl.TrustManagerFactory factory =
        javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    factory.init(TestCertificates.localhost().trustStore());
    return factory.getTrustManagers();
  }
}
