package dev.mailroom.pop3;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.RecordedCommand;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared helpers for the scripted POP3 tests against {@link MockPop3Server}. */
final class Pop3 {
  static final TestCertificates CERTS = TestCertificates.localhost();
  static final TlsOptions TRUST = TlsOptions.builder().trustStore(CERTS.trustStore()).build();
  static final Duration QUICK = Duration.ofSeconds(5);
  static final String TIMESTAMP = "<1896.697170952@dbc.mtview.ca.us>";

  private Pop3() { }

  static Pop3Client.Builder client(MockMailServer server, Security security) {
    return Pop3Client.builder()
        .endpoint(new Endpoint("localhost", server.port(), security, false))
        .tls(TRUST)
        .timeouts(Timeouts.defaults().newBuilder().all(QUICK).build());
  }

  /** A cleartext client to the loopback mock, without credentials. */
  static Pop3Client.Builder plain(MockMailServer server) {
    return client(server, Security.PLAIN);
  }

  /** A cleartext client logging in as bob with USER/PASS. */
  static Pop3Client.Builder bob(MockMailServer server) {
    return plain(server).credentials(Credentials.password("bob", "bob-pw")).authMethod(Pop3AuthMethod.USER_PASS);
  }

  static Pop3Client.Builder traced(Pop3Client.Builder builder, List<String> trace) {
    return builder.trace(ProtocolTrace.printing(trace::add));
  }

  static List<String> newTrace() {
    return new CopyOnWriteArrayList<>();
  }

  static MockReply greeting() {
    return MockReply.of("+OK POP3 server ready " + TIMESTAMP);
  }

  static MockReply ok(String text) {
    return MockReply.of(text.isEmpty() ? "+OK" : "+OK " + text);
  }

  static MockReply err(String text) {
    return MockReply.of("-ERR " + text);
  }

  static MockReply bye() {
    return MockReply.of("+OK bye").onReplyEnd(SocketEffect.CLOSE);
  }

  /** Greeting, CAPA (with these capabilities), USER +OK, PASS +OK, CAPA again. */
  static void enqueueLogin(MockPop3Server server, String... capabilities) {
    server.enqueue(greeting(), MockPop3Server.capa(capabilities), ok("send PASS"), ok("logged in"),
        MockPop3Server.capa(capabilities));
  }

  /** Every command line the server recorded, in order. */
  static List<String> wire(MockMailServer server) {
    return server.commands().stream().map(RecordedCommand::line).toList();
  }

  /** The wire after the login of {@link #enqueueLogin}: what the test's own commands sent. */
  static List<String> afterLogin(MockMailServer server) {
    List<String> all = wire(server);
    return all.subList(Math.min(4, all.size()), all.size());
  }
}
