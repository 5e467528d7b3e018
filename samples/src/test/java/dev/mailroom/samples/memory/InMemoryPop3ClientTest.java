package dev.mailroom.samples.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.pop3.Pop3AuthMethod;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3MaildropInUseException;
import dev.mailroom.pop3.Pop3Session;
import dev.mailroom.pop3.Pop3SystemTemporaryException;
import dev.mailroom.pop3.UpdateResult;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import dev.mailroom.testkit.memory.StoredMessage;
import dev.mailroom.testkit.memory.Step;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SMTP client → in-memory server → POP3 client: byte-identical round trips, UPDATE semantics and fault hooks. */
class InMemoryPop3ClientTest {
  @MailServer(tls = true) InMemoryMailServer server;

  private void send(String subject) throws Exception {
    MimeMessage m = SmtpScenarios.message(subject);
    try (SmtpSession session = SmtpClient.builder().endpoint(Endpoint.plain(server.host(), server.smtpPort()))
        .clientName("client.example.test").build().connect()) {
      assertTrue(session.send(Envelope.of("alice@example.test", "bob@example.test"), m).messageAccepted());
    }
  }

  private Pop3Client.Builder pop3(Endpoint endpoint) {
    return Pop3Client.builder().endpoint(endpoint)
        .tls(TlsOptions.builder().trustStore(server.trustStore()).build())
        .credentials(Credentials.password("bob", "bob-pw"));
  }

  @Test
  void retrievedBytesAreTheStoredBytesAndDeletionCommitsAtQuit() throws Exception {
    send("pop3 one");
    send("pop3 two");
    StoredMessage first = server.mailbox("bob").awaitMessages(2, Duration.ofSeconds(5)).get(0);
    try (Pop3Session session = pop3(Endpoint.startTls(server.host(), server.pop3Port())).build().connect()) {
      assertTrue(session.isTls());
      assertEquals(2, session.stat().messageCount());
      assertEquals(2, session.uidl().size());
      try (InputStream body = session.retrieve(1)) {
        assertArrayEquals(first.bytes(), body.readAllBytes());
      }
      session.delete(1);
      UpdateResult result = session.quit();
      assertTrue(result.committed(), result.toString());
    }
    assertEquals(1, server.mailbox("bob").size());
    assertEquals("pop3 two", server.mailbox("bob").messages().get(0).subject().orElseThrow());
  }

  @Test
  void implicitTlsWithScramAndWithUserPass() throws Exception {
    send("pop3 scram");
    try (Pop3Session session = pop3(Endpoint.implicitTls(server.host(), server.pop3sPort()))
        .authMethod(Pop3AuthMethod.SASL).saslPolicy(SaslPolicy.of(SaslMechanism.scramSha256())).build().connect()) {
      assertEquals(1, session.stat().messageCount());
    }
    try (Pop3Session session = pop3(Endpoint.implicitTls(server.host(), server.pop3sPort()))
        .authMethod(Pop3AuthMethod.USER_PASS).build().connect()) {
      assertEquals(1, session.list().size());
    }
  }

  @Test
  void faultsBecomeTypedClientErrors() throws Exception {
    send("pop3 faults");
    server.faults().replyAt(Step.POP3_RETR, "-ERR [SYS/TEMP] storage busy");
    try (Pop3Session session = pop3(Endpoint.startTls(server.host(), server.pop3Port())).build().connect()) {
      assertThrows(Pop3SystemTemporaryException.class, () -> session.retrieve(1));
      try (InputStream body = session.retrieve(1)) {
        assertTrue(body.readAllBytes().length > 0);
      }
      assertThrows(Pop3MaildropInUseException.class,
          () -> pop3(Endpoint.startTls(server.host(), server.pop3Port())).build().connect().close());
    }
  }
}
