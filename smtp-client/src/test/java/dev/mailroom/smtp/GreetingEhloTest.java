package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Security;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Greeting, EHLO and the HELO fallback: S03, S16, S17. */
@ExtendWith(StartStopExtension.class)
class GreetingEhloTest {
  @StartStop final MockMailServer server = new MockMailServer();

  @Test
  void readsTypedCapabilitiesFromEhlo() throws Exception {
    server.enqueue(greeting(), ehlo("SIZE 35651584", "AUTH PLAIN LOGIN", "PIPELINING", "CHUNKING", "8BITMIME",
        "BINARYMIME", "SMTPUTF8", "DSN", "ENHANCEDSTATUSCODES", "REQUIRETLS", "X-UNKNOWN whatever", "VRFY"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      EhloCapabilities caps = session.capabilities();
      assertEquals("mx.test", caps.serverName());
      assertEquals(35_651_584L, caps.maxSize());
      assertEquals(Set.of("PLAIN", "LOGIN"), caps.authMechanisms());
      assertTrue(caps.pipelining() && caps.chunking() && caps.eightBitMime() && caps.binaryMime()
          && caps.smtpUtf8() && caps.dsn() && caps.enhancedStatusCodes() && caps.requireTls());
      assertFalse(caps.startTls());
    }
    assertEquals(List.of("EHLO client.test", "QUIT"), wire(server));
  }

  @Test
  void ehloCapabilitiesWithoutExtensionsAreAllOff() {
    EhloCapabilities caps = EhloCapabilities.parse(SmtpReply.of(250, "mx.test"));
    assertEquals(-1, caps.maxSize());
    assertFalse(caps.pipelining() || caps.startTls() || caps.dsn());
    assertTrue(caps.extended());
  }

  @Test
  void malformedEhloDoesNotFailButBoundsAuthMechanismsS11() {
    StringBuilder auth = new StringBuilder("AUTH");
    for (int i = 0; i < 1000; i++) {
      auth.append(" M").append(i);
    }
    EhloCapabilities caps = EhloCapabilities.parse(new SmtpReply(250, null,
        List.of("mx.test", auth.toString(), "SIZE notanumber")));
    assertEquals(EhloCapabilities.MAX_AUTH_MECHANISMS, caps.authMechanisms().size());
    assertEquals(0, caps.maxSize());
  }

  @Test
  void greeting554IsATypedRefusalS16() {
    server.enqueue(MockReply.of("554 5.3.2 no service for you"));
    SmtpCommandException e = assertThrows(SmtpCommandException.class, () -> Smtp.plain(server).build().connect());
    assertEquals(554, e.code());
    assertEquals(List.of(), wire(server), "no EHLO after a refusing greeting");
  }

  @Test
  void greeting421IsServiceClosingS15S16() {
    server.enqueue(MockReply.of("421 4.3.2 too busy"));
    assertThrows(SmtpServiceClosingException.class, () -> Smtp.plain(server).build().connect());
    assertEquals(List.of(), wire(server));
  }

  @ParameterizedTest
  @ValueSource(strings = {"221 bye", "354 go ahead", "500 what", "250 hello"})
  void otherGreetingsAreProtocolErrorsS16(String greeting) {
    server.enqueue(MockReply.of(greeting));
    assertThrows(MailProtocolException.class, () -> Smtp.plain(server).build().connect());
    assertEquals(List.of(), wire(server), "no EHLO loop");
  }

  @Test
  void closeRightAfterTheGreetingFailsS16() {
    server.enqueue(greeting().onReplyEnd(SocketEffect.CLOSE));
    assertThrows(MailException.class, () -> Smtp.plain(server).build().connect());
  }

  @Test
  void noGreetingTimesOutS16() {
    server.enqueue(MockReply.stall());
    SmtpClient client = Smtp.plain(server).smtpTimeouts(SmtpTimeouts.all(Duration.ofMillis(300))).build();
    long start = System.nanoTime();
    assertThrows(MailTimeoutException.class, client::connect);
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
  }

  @Test
  void heloFallbackOnlyOnPlainEndpointsS17() throws Exception {
    server.enqueue(greeting(), MockReply.of("502 5.5.1 EHLO not implemented"), MockReply.of("250 mx.test"), bye());
    try (SmtpSession session = Smtp.plain(server).build().connect()) {
      assertFalse(session.capabilities().extended());
    }
    assertEquals(List.of("EHLO client.test", "HELO client.test", "QUIT"), wire(server));
  }

  @ParameterizedTest
  @ValueSource(strings = {"500 5.5.2 what", "502 5.5.1 no EHLO"})
  void ehloRefusedWhileTlsIsRequiredIsASecurityErrorS17(String refusal) {
    server.enqueue(greeting(), MockReply.of(refusal));
    assertThrows(MailSecurityException.class, () -> Smtp.client(server, Security.STARTTLS).build().connect());
    assertEquals(List.of("EHLO client.test"), wire(server), "no HELO, no STARTTLS-less session");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x\r\nMAIL FROM:<a@b>", "x y", "bad\u0000name", "h\u00e9llo", "", "a\nb"})
  void clientNameWithInjectionIsRejectedS03(String name) {
    assertThrows(IllegalArgumentException.class, () -> SmtpClient.builder().clientName(name));
  }

  @Test
  void addressLiteralClientNameIsAllowed() {
    assertEquals("[192.0.2.1]", SmtpClient.builder().clientName("[192.0.2.1]").build().clientName());
    assertEquals("[IPv6:2001:db8::1]", SmtpClient.builder().clientName("[IPv6:2001:db8::1]").build().clientName());
  }
}
