package dev.mailroom.client.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** CRAM-MD5 (RFC 2195). */
class CramMd5Test {
  private static final SaslContext CONTEXT = SaslContext.of("imap.example.org", 993, true);

  @Test
  void matchesTheRfc2195Example() throws Exception {
    SaslExchange exchange = SaslMechanism.cramMd5().start(Credentials.password("tim", "tanstaaftanstaaf"), CONTEXT);
    assertTrue(exchange.initialResponse().isEmpty());
    // S: + PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+
    byte[] challenge = Base64.getDecoder().decode("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
    byte[] response = exchange.evaluate(challenge);
    // C: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw
    assertEquals("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw", Base64.getEncoder().encodeToString(response));
    assertEquals("tim b913a602c7eda7a495b4e6e7334d3890", new String(response, UTF_8));
    assertTrue(exchange.isComplete());
  }

  @Test
  void keyIsTheUtf8Password() {
    // HMAC-MD5 with the UTF-8 bytes of "pässwörd" differs from the Latin-1 bytes.
    byte[] challenge = "<1.2@h>".getBytes(UTF_8);
    String utf8 = CramMd5.digest("p\u00E4ssw\u00F6rd".getBytes(UTF_8), challenge);
    String latin1 = CramMd5.digest("p\u00E4ssw\u00F6rd".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        challenge);
    assertFalse(utf8.equals(latin1));
    assertEquals(32, utf8.length());
  }

  @Test
  void rejectsAChallengeThatIsNotAMsgId() throws Exception {
    SaslExchange exchange = SaslMechanism.cramMd5().start(Credentials.password("tim", "pw"), CONTEXT);
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate("hello".getBytes(UTF_8)));
    assertFalse(exchange.isComplete());
  }

  @Test
  void rejectsControlCharactersAndOversizedChallenges() throws Exception {
    SaslExchange withCr = SaslMechanism.cramMd5().start(Credentials.password("tim", "pw"), CONTEXT);
    assertThrows(MailAuthenticationException.class, () -> withCr.evaluate("<1\r2@h>".getBytes(UTF_8)));
    SaslExchange huge = SaslMechanism.cramMd5().start(Credentials.password("tim", "pw"), CONTEXT);
    assertThrows(MailAuthenticationException.class,
        () -> huge.evaluate(("<" + "x".repeat(5000) + ">").getBytes(UTF_8)));
  }

  @Test
  void answersOnlyOneChallenge() throws Exception {
    SaslExchange exchange = SaslMechanism.cramMd5().start(Credentials.password("tim", "pw"), CONTEXT);
    exchange.evaluate("<1.2@h>".getBytes(UTF_8));
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate("<3.4@h>".getBytes(UTF_8)));
    assertFalse(exchange.isComplete());
  }

  @Test
  void refusesAnEmptyPassword() {
    assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.cramMd5().start(Credentials.password("tim", ""), CONTEXT));
  }
}
