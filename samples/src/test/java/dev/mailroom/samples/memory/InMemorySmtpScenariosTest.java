package dev.mailroom.samples.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import dev.mailroom.testkit.memory.ReceivedEnvelope;
import dev.mailroom.testkit.memory.StoredMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared SMTP scenarios against {@link InMemoryMailServer}, plus what only the in-memory server can show. */
class InMemorySmtpScenariosTest extends SmtpScenarios {
  @MailServer(users = {"alice:alice-pw", "bob:bob-pw", "carol:p\u00e4ssw\u00f6rd"}, tls = true)
  InMemoryMailServer server;

  @Override
  MailBackend backend() {
    return new MailBackend() {
      @Override
      public Endpoint smtpInbound() {
        return Endpoint.startTls(server.host(), server.smtpPort());
      }

      @Override
      public Endpoint pop3() {
        return Endpoint.startTls(server.host(), server.pop3Port());
      }

      @Override
      public Endpoint submission() {
        return Endpoint.startTls(server.host(), server.submissionPort());
      }

      @Override
      public Endpoint submissions() {
        return Endpoint.implicitTls(server.host(), server.submissionsPort());
      }

      @Override
      public TlsOptions tls() {
        return TlsOptions.builder().trustStore(server.trustStore()).build();
      }

      @Override
      public byte[] takeDelivered(String user, String messageId, Duration timeout) throws Exception {
        return server.mailbox(user).awaitMessageId(messageId, timeout).bytes();
      }
    };
  }

  @Test
  void theServerRecordsTheDsnParametersTheClientSent() throws Exception {
    dsnParametersAreAccepted();
    StoredMessage stored = server.mailbox("bob").messages().get(0);
    ReceivedEnvelope e = stored.envelope().orElseThrow();
    assertEquals("HDRS", e.mailParameters().get("RET"));
    assertEquals("env+20id+3D1+2B2", e.mailParameters().get("ENVID"));
    assertEquals(List.of("bob@example.test"), e.recipientAddresses());
    assertEquals("FAILURE,DELAY", e.recipients().get(0).parameters().get("NOTIFY"));
    assertEquals("rfc822;bob+2Borig@example.test", e.recipients().get(0).parameters().get("ORCPT"));
    assertEquals(true, e.tls());
  }
}
