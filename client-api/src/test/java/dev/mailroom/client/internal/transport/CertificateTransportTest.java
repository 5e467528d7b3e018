package dev.mailroom.client.internal.transport;

import static dev.mailroom.client.internal.transport.MockServers.QUICK;
import static dev.mailroom.client.internal.transport.MockServers.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Certificate checks on implicit TLS (T10, T11); the STARTTLS path is in {@link StartTlsTransportTest}. */
@ExtendWith(StartStopExtension.class)
class CertificateTransportTest {
  @StartStop final MockMailServer server = new MockMailServer();

  static List<TestCertificates> badCertificates() {
    return List.of(TestCertificates.selfSigned(), TestCertificates.unknownCa(),
        TestCertificates.forHost("other.example.org"), TestCertificates.expired());
  }

  @Test
  void aGoodCertificateConnects() throws Exception {
    server.useTls(MockServers.LOCALHOST);
    server.enqueue(MockReply.of("* OK over TLS"));
    try (LineTransport t = MockServers.connect(server, Security.IMPLICIT_TLS, QUICK, null)) {
      t.commandDeadline();
      assertTrue(t.isTlsActive());
      assertEquals("* OK over TLS", line(t));
    }
  }

  @ParameterizedTest
  @MethodSource("badCertificates")
  void implicitTlsRejectsT10(TestCertificates bad) {
    server.useTls(bad);
    server.enqueue(MockReply.of("* OK never read"));
    assertThrows(MailSecurityException.class,
        () -> MockServers.connect(server, Security.IMPLICIT_TLS, QUICK, null).close(), bad.toString());
    assertEquals(0, server.commandCount());
  }

  @ParameterizedTest
  @MethodSource("badCertificates")
  void startTlsRejectsT10(TestCertificates bad) throws Exception {
    server.offerStartTls(bad);
    server.enqueue(MockReply.of("* OK ready"), MockReply.of("a1 OK begin").thenStartTls());
    LineTransport t = MockServers.connect(server, Security.STARTTLS, QUICK, null);
    t.commandDeadline();
    line(t);
    t.writeLine("a1 STARTTLS", Sensitivity.PUBLIC);
    t.flush();
    line(t);
    assertThrows(MailSecurityException.class, t::startTls, bad.toString());
    assertFalse(t.isOpen());
  }

  @Test
  void aTrustEverythingContextStillChecksTheHostNameT11() throws Exception {
    // A caller-supplied SSLContext whose trust manager accepts any chain and skips the JDK's identity check:
    // Mailroom's own host name check still refuses a certificate for another name.
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new AcceptAnything()}, null);
    server.useTls(TestCertificates.forHost("other.example.org"));
    server.enqueue(MockReply.of("* OK never read"));
    Endpoint endpoint = Endpoint.implicitTls("localhost", server.port());
    MailSecurityException e = assertThrows(MailSecurityException.class, () -> LineTransport.connect(
        MockServers.options(endpoint).withTls(TlsOptions.builder().sslContext(trustAll).build())).close());
    assertTrue(e.getMessage().contains("does not name localhost"), e.getMessage());
  }

  @Test
  void ipLiteralHostsAreVerifiedAgainstIpAddresses() throws Exception {
    server.useTls(MockServers.LOCALHOST); // SAN IP 127.0.0.1
    server.enqueue(MockReply.of("* OK"));
    Endpoint endpoint = Endpoint.implicitTls("127.0.0.1", server.port());
    try (LineTransport t = LineTransport.connect(MockServers.options(endpoint))) {
      assertTrue(t.isTlsActive());
    }
  }

  private static final class AcceptAnything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) { }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) { }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
