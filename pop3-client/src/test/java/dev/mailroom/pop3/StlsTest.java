package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.err;
import static dev.mailroom.pop3.Pop3.greeting;
import static dev.mailroom.pop3.Pop3.ok;
import static dev.mailroom.pop3.Pop3.wire;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** STLS (RFC 2595 §4) and implicit TLS: T01-T05, T07-T10, T12. */
@ExtendWith(StartStopExtension.class)
class StlsTest {
  private static final String PLAIN_IR = Base64.getEncoder().encodeToString("\0bob\0bob-pw".getBytes(UTF_8));

  @StartStop final MockPop3Server server = new MockPop3Server();

  @BeforeEach
  void tls() {
    server.offerStartTls(Pop3.CERTS);
  }

  private Pop3Client.Builder client() {
    return Pop3.client(server, Security.STARTTLS).credentials(Credentials.password("bob", "bob-pw"));
  }

  @Test
  void stlsThenFreshCapaChoosesTheMechanismFromAfterTlsT07T08() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "SASL SCRAM-SHA-256", "X-PRE-TLS"),
        ok("begin TLS").thenStartTls(), MockPop3Server.capa("SASL PLAIN", "UIDL"), ok("logged in"),
        MockPop3Server.capa("UIDL", "PIPELINING"), bye());
    try (Pop3Session session = client().build().connect()) {
      assertTrue(session.isTls());
      assertFalse(session.greetingProtected(), "the greeting came in clear (T09)");
      assertTrue(session.capabilities().pipelining());
      assertTrue(session.capabilities().lines().stream().noneMatch(l -> l.contains("X-PRE-TLS")));
    }
    assertEquals(List.of("CAPA", "STLS", "CAPA", "AUTH PLAIN " + PLAIN_IR, "CAPA", "QUIT"), wire(server));
  }

  @Test
  void spoofedTextInTheCleartextGreetingIsFlaggedUntrustedT09() throws Exception {
    server.enqueue(MockReply.of("+OK [SYS/PERM] your account is locked, call +1-555-0100"),
        MockPop3Server.capa("STLS", "USER"), ok("go").thenStartTls(), MockPop3Server.capa("USER"), bye());
    try (Pop3Session session = Pop3.client(server, Security.STARTTLS).build().connect()) {
      assertTrue(session.isTls());
      assertFalse(session.greetingProtected());
    }
  }

  @Test
  void nothingIsSentBetweenStlsAndTheClientHelloT12() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), ok("go").thenStartTls(),
        MockPop3Server.capa("USER"), bye());
    Pop3.client(server, Security.STARTTLS).build().connect().close();
    assertEquals(0, server.takeHandshake().bytesBeforeHandshake().length);
  }

  @Test
  void stlsMissingFromCapaFailsClosedT01() {
    server.enqueue(greeting(), MockPop3Server.capa("USER", "SASL PLAIN"));
    assertThrows(MailSecurityException.class, () -> client().build().connect());
    assertEquals(List.of("CAPA"), wire(server));
  }

  @Test
  void stlsRefusedFailsClosedT02() {
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), err("TLS not available"));
    assertThrows(MailSecurityException.class, () -> client().build().connect());
    assertEquals(List.of("CAPA", "STLS"), wire(server));
  }

  @Test
  void capaRefusedWhileTlsIsRequiredFailsClosedT03() {
    server.enqueue(greeting(), err("CAPA unknown"));
    assertThrows(MailSecurityException.class, () -> client().build().connect());
    assertEquals(List.of("CAPA"), wire(server));
  }

  @Test
  void oddGoAheadNeverStartsTlsT04() {
    server.enqueue(greeting(), MockPop3Server.capa("STLS"), MockReply.of("+ continue"));
    assertThrows(MailSecurityException.class, () -> client().build().connect());
    assertEquals(0, server.handshakeCount());
    assertEquals(List.of("CAPA", "STLS"), wire(server));
  }

  @Test
  void bytesInjectedAfterTheGoAheadFailBeforeTheHandshakeT05() {
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), ok("go").onReplyEnd(
        new SocketEffect.InjectAfterGoAhead("+OK\r\n+OK\r\nPLAIN\r\n.\r\n".getBytes(UTF_8), Duration.ZERO)));
    MailException e = assertThrows(MailException.class, () -> client().build().connect());
    assertTrue(e instanceof MailProtocolException || e instanceof MailSecurityException, e.toString());
    assertEquals(List.of("CAPA", "STLS"), wire(server));
  }

  @Test
  void untrustedCertificateOnStlsAndImplicitTlsFailsClosedT10() throws Exception {
    server.offerStartTls(TestCertificates.selfSigned());
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), ok("go").thenStartTls());
    assertThrows(MailSecurityException.class, () -> client().build().connect());
    assertEquals(List.of("CAPA", "STLS"), wire(server));
    try (MockPop3Server implicit = new MockPop3Server()) {
      implicit.useTls(TestCertificates.expired());
      implicit.start();
      assertThrows(MailSecurityException.class,
          () -> Pop3.client(implicit, Security.IMPLICIT_TLS).credentials(Credentials.password("bob", "pw"))
              .build().connect());
      assertEquals(0, implicit.commandCount());
    }
  }

  @Test
  void implicitTlsLogsInWithUserPass() throws Exception {
    try (MockPop3Server implicit = new MockPop3Server()) {
      implicit.useTls(Pop3.CERTS);
      implicit.start();
      Pop3.enqueueLogin(implicit, "USER", "UIDL");
      implicit.enqueue(bye());
      try (Pop3Session session = Pop3.client(implicit, Security.IMPLICIT_TLS)
          .credentials(Credentials.password("bob", "bob-pw")).build().connect()) {
        assertTrue(session.isTls());
        assertTrue(session.greetingProtected());
        assertTrue(implicit.commands().stream().allMatch(c -> c.tls()));
      }
      assertEquals(List.of("CAPA", "USER bob", "PASS bob-pw", "CAPA", "QUIT"), wire(implicit));
    }
  }
}
