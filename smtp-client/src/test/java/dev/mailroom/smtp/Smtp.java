package dev.mailroom.smtp;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.RecordedCommand;
import dev.mailroom.testkit.TestCertificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared helpers for the scripted SMTP tests against {@link MockMailServer}. */
final class Smtp {
  static final TestCertificates CERTS = TestCertificates.localhost();
  static final TlsOptions TRUST = TlsOptions.builder().trustStore(CERTS.trustStore()).build();
  static final Duration QUICK = Duration.ofSeconds(5);

  private Smtp() { }

  static SmtpClient.Builder client(MockMailServer server, Security security) {
    return SmtpClient.builder()
        .endpoint(new Endpoint("localhost", server.port(), security, false))
        .tls(TRUST)
        .timeouts(Timeouts.defaults().newBuilder().all(QUICK).build())
        .smtpTimeouts(SmtpTimeouts.all(QUICK))
        .clientName("client.test");
  }

  static SmtpClient.Builder plain(MockMailServer server) {
    return client(server, Security.PLAIN);
  }

  static SmtpClient.Builder plain(MockMailServer server, List<String> trace) {
    return plain(server).trace(ProtocolTrace.printing(trace::add));
  }

  static List<String> newTrace() {
    return new CopyOnWriteArrayList<>();
  }

  static MockReply greeting() {
    return MockReply.of("220 mx.test ESMTP");
  }

  /** A 250 EHLO reply advertising {@code extensions}. */
  static MockReply ehlo(String... extensions) {
    List<String> lines = new ArrayList<>();
    lines.add("mx.test greets client.test");
    lines.addAll(List.of(extensions));
    String[] out = new String[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      out[i] = "250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i);
    }
    return MockReply.lines(out);
  }

  static MockReply ok() {
    return MockReply.of("250 2.0.0 ok");
  }

  static MockReply bye() {
    return MockReply.of("221 2.0.0 bye");
  }

  /** Every command line the server recorded, in order. */
  static List<String> wire(MockMailServer server) {
    return server.commands().stream().map(RecordedCommand::line).toList();
  }
}
