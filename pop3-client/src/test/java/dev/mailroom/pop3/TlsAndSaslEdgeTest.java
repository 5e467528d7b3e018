package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.greeting;
import static dev.mailroom.pop3.Pop3.ok;
import static dev.mailroom.pop3.Pop3.wire;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The remaining SECURITY.md A.1 rows on POP3: T06, T11, T14, T16, T17, T18, T20. */
@ExtendWith(StartStopExtension.class)
class TlsAndSaslEdgeTest {
  @StartStop final MockPop3Server server = new MockPop3Server();

  private Pop3Client.Builder stls() {
    return Pop3.client(server, Security.STARTTLS).credentials(Credentials.password("bob", "bob-pw"));
  }

  @Test
  void bytesInjectedInASecondSegmentBeforeTheClientHelloFailT06() {
    server.offerStartTls(Pop3.CERTS);
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), ok("go").onReplyEnd(
        new SocketEffect.InjectAfterGoAhead("+OK injected\r\n".getBytes(UTF_8), Duration.ofMillis(200))));
    Timeouts quick = Timeouts.defaults().newBuilder().all(Pop3.QUICK).handshake(Duration.ofSeconds(2)).build();
    MailException e = assertThrows(MailException.class, () -> stls().timeouts(quick).build().connect());
    assertTrue(e instanceof MailProtocolException || e instanceof MailSecurityException, e.toString());
    assertEquals(List.of("CAPA", "STLS"), wire(server));
  }

  @Test
  void certificateForAnotherHostFailsClosedT11() {
    server.offerStartTls(TestCertificates.forHost("other.example.org"));
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), ok("go").thenStartTls());
    assertThrows(MailSecurityException.class, () -> stls().build().connect());
    assertEquals(List.of("CAPA", "STLS"), wire(server));
  }

  @Test
  void alreadyAuthenticatedAfterTlsIsAnAuthenticationErrorT14() {
    server.offerStartTls(Pop3.CERTS);
    server.enqueue(greeting(), MockPop3Server.capa("STLS", "USER"), ok("go").thenStartTls(),
        MockPop3Server.capa("USER"), MockReply.of("-ERR already authenticated"));
    assertThrows(MailAuthenticationException.class, () -> stls().authMethod(Pop3AuthMethod.USER_PASS).build()
        .connect());
    assertEquals(List.of("CAPA", "STLS", "CAPA", "USER bob"), wire(server));
  }

  @Test
  void handshakeStallIsATimeoutT16() {
    server.offerStartTls(Pop3.CERTS);
    server.enqueue(greeting(), MockPop3Server.capa("STLS"), ok("go").onReplyEnd(SocketEffect.STALL));
    Timeouts quick = Timeouts.defaults().newBuilder().all(Pop3.QUICK).handshake(Duration.ofMillis(500)).build();
    assertThrows(MailTimeoutException.class, () -> stls().timeouts(quick).build().connect());
  }

  @Test
  void truncatedListingOnTlsIsAProtocolErrorT17() throws Exception {
    try (MockPop3Server tls = new MockPop3Server()) {
      tls.useTls(Pop3.CERTS);
      tls.start();
      Pop3.enqueueLogin(tls, "USER", "UIDL");
      byte[] listing = "+OK\r\n1 a\r\n2 b\r\n.\r\n".getBytes(UTF_8);
      tls.enqueue(MockReply.raw(listing).onReplyStart(new SocketEffect.CloseMidReply(listing.length - 3)));
      try (Pop3Session session = Pop3.client(tls, Security.IMPLICIT_TLS)
          .credentials(Credentials.password("bob", "bob-pw")).build().connect()) {
        assertThrows(MailProtocolException.class, session::uidl);
      }
    }
  }

  @Test
  void megabyteChallengeIsRefusedAtTheLineLimitT18() {
    server.enqueue(greeting(), MockPop3Server.capa("SASL LOGIN"), MockReply.of("+ " + "QUFB".repeat(256 * 1024)));
    assertThrows(MailProtocolException.class, () -> Pop3.plain(server)
        .credentials(Credentials.password("bob", "bob-pw"))
        .saslPolicy(dev.mailroom.client.sasl.SaslPolicy.of(dev.mailroom.client.sasl.SaslMechanism.login()))
        .build().connect());
  }

  @Test
  void successBeforeTheInitialResponseWasSentIsAProtocolErrorT20() {
    String user = "u".repeat(200); // too long for the AUTH line: the initial response waits for "+ "
    server.enqueue(greeting(), MockPop3Server.capa("SASL PLAIN"), ok("welcome"));
    assertThrows(MailProtocolException.class, () -> Pop3.plain(server).credentials(Credentials.password(user, "pw"))
        .build().connect());
    assertEquals(List.of("CAPA", "AUTH PLAIN"), wire(server));
  }
}
