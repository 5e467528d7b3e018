package dev.mailroom.client.internal.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.TestCertificates;
import java.time.Duration;
import java.util.List;

/** Small helpers shared by the transport tests that run against {@link MockMailServer}. */
final class MockServers {
  static final TestCertificates LOCALHOST = TestCertificates.localhost();
  /** Trusts the CA that issued {@link #LOCALHOST} (and the other variants made by the same CA). */
  static final TlsOptions TRUST_TEST_CA = TlsOptions.builder().trustStore(LOCALHOST.trustStore()).build();
  static final Timeouts QUICK = Timeouts.defaults().newBuilder().all(Duration.ofSeconds(5)).build();

  private MockServers() { }

  static TransportOptions options(Endpoint endpoint) {
    return TransportOptions.of(endpoint).withTls(TRUST_TEST_CA).withTimeouts(QUICK);
  }

  static LineTransport connect(MockMailServer server, dev.mailroom.client.Security security,
      Timeouts timeouts, List<String> trace) throws MailException {
    Endpoint endpoint = new Endpoint("localhost", server.port(), security, false);
    return LineTransport.connect(options(endpoint).withTimeouts(timeouts)
        .withTrace(trace == null ? ProtocolTrace.NONE : ProtocolTrace.printing(trace::add)));
  }

  static String line(LineTransport t) throws MailException {
    return new String(t.readLine(), US_ASCII);
  }
}
