package dev.mailroom.client.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import org.junit.jupiter.api.Test;

/** PLAIN (RFC 4616), LOGIN, EXTERNAL (RFC 4422 Appendix A) and ANONYMOUS (RFC 4505). */
class SimpleMechanismsTest {
  private static final SaslContext CONTEXT = SaslContext.of("mail.example.org", 587, true);

  @Test
  void plainMatchesRfc4616FirstExample() throws Exception {
    SaslExchange exchange = SaslMechanism.plain().start(Credentials.password("tim", "tanstaaftanstaaf"), CONTEXT);
    assertArrayEquals("\0tim\0tanstaaftanstaaf".getBytes(UTF_8), exchange.initialResponse().orElseThrow());
    assertTrue(exchange.isComplete());
  }

  @Test
  void plainMatchesRfc4616SecondExampleWithAuthorizationId() throws Exception {
    Credentials kurtAsUrsel = Credentials.password("Kurt", "xipj3plmq").actingAs("Ursel");
    SaslExchange exchange = SaslMechanism.plain().start(kurtAsUrsel, CONTEXT);
    assertArrayEquals("Ursel\0Kurt\0xipj3plmq".getBytes(UTF_8), exchange.initialResponse().orElseThrow());
  }

  @Test
  void plainSendsNonAsciiAsUtf8() throws Exception {
    SaslExchange exchange = SaslMechanism.plain().start(Credentials.password("carol", "p\u00E4ssw\u00F6rd"), CONTEXT);
    assertArrayEquals(new byte[] {0, 'c', 'a', 'r', 'o', 'l', 0, 'p', (byte) 0xC3, (byte) 0xA4, 's', 's', 'w',
        (byte) 0xC3, (byte) 0xB6, 'r', 'd'}, exchange.initialResponse().orElseThrow());
  }

  @Test
  void plainRefusesNulInsideAField() {
    assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.plain().start(Credentials.password("tim\0admin", "x"), CONTEXT));
    assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.plain().start(Credentials.password("tim", ""), CONTEXT));
  }

  @Test
  void plainRejectsAnyChallengeAndIsThenIncomplete() throws Exception {
    SaslExchange exchange = SaslMechanism.plain().start(Credentials.password("tim", "pw"), CONTEXT);
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate("more?".getBytes(UTF_8)));
    assertFalse(exchange.isComplete());
  }

  @Test
  void initialResponseIsAFreshArrayEachTimeSoTheDriverMayZeroIt() throws Exception {
    SaslExchange exchange = SaslMechanism.plain().start(Credentials.password("tim", "pw"), CONTEXT);
    byte[] first = exchange.initialResponse().orElseThrow();
    java.util.Arrays.fill(first, (byte) 0);
    assertArrayEquals("\0tim\0pw".getBytes(UTF_8), exchange.initialResponse().orElseThrow());
  }

  @Test
  void loginAnswersUserNameThenPassword() throws Exception {
    SaslExchange exchange = SaslMechanism.login().start(Credentials.password("tim", "tanstaaf"), CONTEXT);
    assertTrue(exchange.initialResponse().isEmpty());
    assertArrayEquals("tim".getBytes(UTF_8), exchange.evaluate("Username:".getBytes(UTF_8)));
    assertFalse(exchange.isComplete());
    assertArrayEquals("tanstaaf".getBytes(UTF_8), exchange.evaluate("Password:".getBytes(UTF_8)));
    assertTrue(exchange.isComplete());
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate("Again:".getBytes(UTF_8)));
    assertFalse(exchange.isComplete());
  }

  @Test
  void loginRefusesToSendThePasswordToASecondUserNamePrompt() throws Exception {
    SaslExchange exchange = SaslMechanism.login().start(Credentials.password("tim", "secret"), CONTEXT);
    exchange.evaluate("Username:".getBytes(UTF_8));
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate("User Name".getBytes(UTF_8)));
  }

  @Test
  void loginAndCramMd5CannotCarryAnAuthorizationId() {
    Credentials proxy = Credentials.password("kurt", "pw").actingAs("ursel");
    assertFalse(SaslMechanism.login().supports(proxy));
    assertFalse(SaslMechanism.cramMd5().supports(proxy));
    assertTrue(SaslMechanism.plain().supports(proxy));
    assertTrue(SaslMechanism.scramSha256().supports(proxy));
  }

  @Test
  void externalSendsTheAuthorizationIdOrAnEmptyResponse() throws Exception {
    SaslExchange empty = SaslMechanism.external().start(Credentials.external(""), CONTEXT);
    assertArrayEquals(new byte[0], empty.initialResponse().orElseThrow());
    SaslExchange named = SaslMechanism.external().start(Credentials.external("fred@example.com"), CONTEXT);
    assertArrayEquals("fred@example.com".getBytes(UTF_8), named.initialResponse().orElseThrow());
    assertTrue(named.isComplete());
  }

  @Test
  void anonymousSendsTraceAndBoundsIt() throws Exception {
    SaslExchange exchange = SaslMechanism.anonymous().start(Credentials.anonymous("sirhc"), CONTEXT);
    assertArrayEquals("sirhc".getBytes(UTF_8), exchange.initialResponse().orElseThrow());
    assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.anonymous().start(Credentials.anonymous("x".repeat(256)), CONTEXT));
    assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.anonymous().start(Credentials.anonymous("a\r\nb"), CONTEXT));
  }

  @Test
  void mechanismsOnlyAcceptTheirCredentials() {
    assertFalse(SaslMechanism.external().supports(Credentials.password("a", "b")));
    assertFalse(SaslMechanism.plain().supports(Credentials.external("")));
    assertFalse(SaslMechanism.anonymous().supports(Credentials.password("a", "b")));
    assertThrows(IllegalArgumentException.class,
        () -> SaslMechanism.plain().start(Credentials.anonymous(""), CONTEXT));
  }

  @Test
  void onlyPlainLoginAndTheBearerMechanismsSendTheSecretInClear() {
    assertTrue(SaslMechanism.plain().sendsSecretInClear());
    assertTrue(SaslMechanism.login().sendsSecretInClear());
    assertTrue(SaslMechanism.xoauth2().sendsSecretInClear());
    assertTrue(SaslMechanism.oauthBearer().sendsSecretInClear());
    assertFalse(SaslMechanism.cramMd5().sendsSecretInClear());
    assertFalse(SaslMechanism.scramSha1().sendsSecretInClear());
    assertFalse(SaslMechanism.scramSha256().sendsSecretInClear());
    assertFalse(SaslMechanism.external().sendsSecretInClear());
    assertFalse(SaslMechanism.anonymous().sendsSecretInClear());
  }

  @Test
  void namesAndInitialResponseFlags() {
    assertEquals("PLAIN", SaslMechanism.plain().name());
    assertTrue(SaslMechanism.plain().sendsInitialResponse());
    assertEquals("LOGIN", SaslMechanism.login().name());
    assertFalse(SaslMechanism.login().sendsInitialResponse());
    assertEquals("EXTERNAL", SaslMechanism.external().name());
    assertEquals("ANONYMOUS", SaslMechanism.anonymous().name());
  }
}
