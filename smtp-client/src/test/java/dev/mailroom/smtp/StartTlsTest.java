package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.CERTS;
import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STARTTLS (RFC 3207): T01, T02, T04, T05, T06, T07/T08, T12, T14. */
@ExtendWith(StartStopExtension.class)
class StartTlsTest {
  @StartStop final MockMailServer server = new MockMailServer();

  @BeforeEach
  void offerTls() {
    server.offerStartTls(CERTS);
  }

  private SmtpClient.Builder startTls() {
    return Smtp.client(server, Security.STARTTLS);
  }

  @Test
  void upgradesThenReadsCapabilitiesAgainT07() throws Exception {
    server.enqueue(greeting(), ehlo("PIPELINING", "STARTTLS"), MockReply.of("220 2.0.0 go ahead").thenStartTls(),
        ehlo("SIZE 1000", "8BITMIME"), bye());
    try (SmtpSession session = startTls().build().connect()) {
      assertTrue(session.isTls());
      assertEquals(1000, session.capabilities().maxSize());
      assertTrue(!session.capabilities().pipelining(), "nothing from the cleartext list survives (T07)");
    }
    assertEquals(List.of("EHLO client.test", "STARTTLS", "EHLO client.test", "QUIT"), wire(server));
    assertTrue(server.takeHandshake().succeeded());
  }

  @Test
  void missingStartTlsFailsBeforeAnythingElseIsSentT01() {
    server.enqueue(greeting(), ehlo("AUTH PLAIN", "PIPELINING"));
    assertThrows(MailSecurityException.class,
        () -> startTls().credentials(Credentials.password("alice", "secret")).build().connect());
    assertEquals(List.of("EHLO client.test"), wire(server), "no AUTH, no MAIL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"454 4.7.0 TLS not available", "502 5.5.1 no", "530 5.7.0 must issue", "500 what",
      "221 bye", "354 go ahead"})
  void refusedOrOddGoAheadIsASecurityErrorT02T04(String reply) {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of(reply));
    assertThrows(MailSecurityException.class, () -> startTls().build().connect());
    assertEquals(List.of("EHLO client.test", "STARTTLS"), wire(server));
    assertEquals(0, server.handshakeCount(), "TLS was never started");
  }

  @Test
  void imapStyleContinuationAsGoAheadNeverStartsTlsT04() {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of("+ continue"));
    assertThrows(MailSecurityException.class, () -> startTls().build().connect());
    assertEquals(0, server.handshakeCount());
  }

  @Test
  void injectedReplyInTheGoAheadSegmentFailsT05() {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of("220 go ahead").onReplyEnd(
        new SocketEffect.InjectAfterGoAhead("250-mx.test\r\n250 AUTH PLAIN\r\n".getBytes(US_ASCII), Duration.ZERO)));
    assertThrows(MailProtocolException.class, () -> startTls().build().connect());
    assertEquals(List.of("EHLO client.test", "STARTTLS"), wire(server));
  }

  @Test
  void injectedReplyInALaterSegmentFailsT06() {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of("220 go ahead").onReplyEnd(
        new SocketEffect.InjectAfterGoAhead("250 AUTH PLAIN\r\n".getBytes(US_ASCII), Duration.ofMillis(50))));
    assertThrows(MailException.class, () -> startTls().build().connect());
    assertEquals(List.of("EHLO client.test", "STARTTLS"), wire(server), "nothing sent over a suspect channel");
  }

  @Test
  void nothingIsSentBetweenStartTlsAndTheClientHelloT12() throws Exception {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of("220 go ahead").thenStartTls(), ehlo(), bye());
    startTls().build().connect().close();
    assertArrayEquals(new byte[0], server.takeHandshake().bytesBeforeHandshake());
  }

  @Test
  void mechanismIsChosenFromTheListAfterTlsT08() throws Exception {
    server.enqueue(greeting(), ehlo("STARTTLS", "AUTH LOGIN"), MockReply.of("220 go ahead").thenStartTls(),
        ehlo("AUTH PLAIN"), MockReply.of("235 2.7.0 ok"), ehlo("AUTH PLAIN", "PIPELINING"), bye());
    try (SmtpSession session = startTls().credentials(Credentials.password("alice", "secret")).build().connect()) {
      assertTrue(session.capabilities().pipelining(), "EHLO again after AUTH");
    }
    List<String> wire = wire(server);
    assertTrue(wire.get(3).startsWith("AUTH PLAIN "), wire.toString());
    assertEquals("EHLO client.test", wire.get(4));
  }

  @Test
  void alreadyAuthenticatedRightAfterTlsIsAnAuthenticationErrorT14() {
    server.enqueue(greeting(), ehlo("STARTTLS"), MockReply.of("220 go ahead").thenStartTls(),
        ehlo("AUTH PLAIN"), MockReply.of("503 5.5.1 already authenticated"));
    SmtpClient client = startTls().credentials(Credentials.password("alice", "secret")).build();
    assertThrows(MailAuthenticationException.class, client::connect);
    List<String> wire = wire(server);
    assertEquals(4, wire.size(), wire.toString());
    assertTrue(wire.stream().noneMatch(l -> l.startsWith("MAIL")));
  }

  @Test
  void implicitTlsSkipsStartTls() throws Exception {
    try (MockMailServer tls = new MockMailServer()) {
      tls.useTls(CERTS);
      tls.start();
      tls.enqueue(greeting(), ehlo("AUTH PLAIN"), bye());
      try (SmtpSession session = Smtp.client(tls, Security.IMPLICIT_TLS).build().connect()) {
        assertTrue(session.isTls());
      }
      assertEquals(List.of("EHLO client.test", "QUIT"), wire(tls));
    }
  }
}
