package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.wire;
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
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The remaining A.1 rows as they apply to SMTP: T10, T11, T16, T17, T18, T20. */
@ExtendWith(StartStopExtension.class)
class TlsAndSaslEdgeTest {
  @StartStop final MockMailServer server = new MockMailServer();

  private void startTlsWith(TestCertificates certificates) {
    server.offerStartTls(certificates);
    server.enqueue(greeting(), ehlo("STARTTLS", "AUTH PLAIN"), MockReply.of("220 go ahead").thenStartTls());
  }

  @Test
  void untrustedCertificateOnStartTlsSendsNothingT10() {
    startTlsWith(TestCertificates.selfSigned());
    SmtpClient client = Smtp.client(server, Security.STARTTLS).credentials(Credentials.password("a", "pw")).build();
    assertThrows(MailSecurityException.class, client::connect);
    assertEquals(List.of("EHLO client.test", "STARTTLS"), wire(server), "no EHLO, AUTH or MAIL after a bad cert");
  }

  @Test
  void expiredCertificateFailsT10() {
    startTlsWith(TestCertificates.expired());
    assertThrows(MailSecurityException.class, () -> Smtp.client(server, Security.STARTTLS).build().connect());
  }

  @Test
  void wrongHostNameFailsWithDefaultOptionsT11() {
    startTlsWith(TestCertificates.forHost("other.example.org"));
    assertThrows(MailSecurityException.class, () -> Smtp.client(server, Security.STARTTLS).build().connect());
    assertEquals(2, wire(server).size());
  }

  @Test
  void stalledHandshakeTimesOutT16() {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of("220 go ahead").onReplyEnd(SocketEffect.STALL));
    SmtpClient client = Smtp.client(server, Security.STARTTLS)
        .timeouts(Timeouts.defaults().newBuilder().all(Smtp.QUICK).handshake(Duration.ofMillis(300)).build()).build();
    assertThrows(MailTimeoutException.class, client::connect);
  }

  @Test
  void truncatedReplyIsNeverDeliveredAsCompleteT17() throws Exception {
    server.enqueue(greeting(), ehlo(), MockReply.lines("250-first", "250 second")
        .onReplyStart(new SocketEffect.CloseMidReply(12)));
    SmtpSession session = Smtp.plain(server).build().connect();
    assertThrows(MailProtocolException.class, session::noop);
  }

  @Test
  void hugeChallengeIsBoundedT18() {
    server.enqueue(greeting(), ehlo("AUTH LOGIN"), MockReply.of("334 " + "A".repeat(1_000_000)));
    SmtpClient client = Smtp.plain(server).credentials(Credentials.password("a", "pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.login())).build();
    assertThrows(MailProtocolException.class, client::connect);
  }

  @Test
  void successBeforeTheClientAnsweredIsNotTrustedT20() {
    // The shared SASL driver refuses it (AE for an incomplete LOGIN, PE for a success before an initial response);
    // either way the session is not opened and nothing more is sent.
    server.enqueue(greeting(), ehlo("AUTH LOGIN"), MockReply.of("235 2.7.0 welcome, whoever you are"));
    SmtpClient client = Smtp.plain(server).credentials(Credentials.password("a", "pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.login())).build();
    MailException e = assertThrows(MailException.class, client::connect);
    assertTrue(e instanceof MailProtocolException || e instanceof MailAuthenticationException, e.toString());
    assertEquals(List.of("EHLO client.test", "AUTH LOGIN"), wire(server));
  }
}
