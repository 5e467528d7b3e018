package dev.mailroom.client.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XOAUTH2 (Google's format) and OAUTHBEARER (RFC 7628). */
class OAuthMechanismsTest {
  private static final String RFC7628_TOKEN = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";

  @Test
  void oauthBearerMatchesTheRfc7628ImapExample() throws Exception {
    Credentials credentials = Credentials.oauth2("user@example.com", refresh -> RFC7628_TOKEN);
    SaslExchange exchange = SaslMechanism.oauthBearer()
        .start(credentials, SaslContext.of("server.example.com", 143, true));
    // RFC 7628 §4.1: C: t1 AUTHENTICATE OAUTHBEARER bixhPXVzZXJAZXhhbXBsZS5jb20sAWhv...
    assertEquals("bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRx"
            + "bVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB",
        Base64.getEncoder().encodeToString(exchange.initialResponse().orElseThrow()));
    assertTrue(exchange.isComplete());
  }

  @Test
  void oauthBearerLeavesOutUnknownHostAndPortAndEscapesTheUser() throws Exception {
    SaslExchange exchange = SaslMechanism.oauthBearer()
        .start(Credentials.oauth2("a,b=c", refresh -> "tok"), SaslContext.of("", 0, true));
    assertEquals("n,a=a=2Cb=3Dc,\u0001auth=Bearer tok\u0001\u0001",
        new String(exchange.initialResponse().orElseThrow(), UTF_8));
  }

  @Test
  void oauthBearerAnswersTheErrorChallengeWithASingleKvsepAndIsThenNotComplete() throws Exception {
    SaslExchange exchange = SaslMechanism.oauthBearer()
        .start(Credentials.oauth2("user@example.com", refresh -> "tok"), SaslContext.of("h", 1, true));
    byte[] error = "{\"status\":\"invalid_token\",\"scope\":\"example_scope\"}".getBytes(UTF_8);
    assertArrayEquals(new byte[] {1}, exchange.evaluate(error));
    assertFalse(exchange.isComplete());
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(error));
  }

  @Test
  void xoauth2UsesGooglesFormat() throws Exception {
    SaslExchange exchange = SaslMechanism.xoauth2()
        .start(Credentials.oauth2("someuser@example.com", refresh -> "ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg"),
            SaslContext.of("imap.gmail.com", 993, true));
    // Google's documented example of the encoded XOAUTH2 string.
    assertEquals("dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJo"
            + "ZG1semRHRXVZMjl0Q2cBAQ==",
        Base64.getEncoder().encodeToString(exchange.initialResponse().orElseThrow()));
  }

  @Test
  void xoauth2AnswersTheJsonErrorWithAnEmptyResponse() throws Exception {
    SaslExchange exchange = SaslMechanism.xoauth2()
        .start(Credentials.oauth2("u@example.com", refresh -> "tok"), SaslContext.of("h", 1, true));
    byte[] error = "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}".getBytes(UTF_8);
    assertArrayEquals(new byte[0], exchange.evaluate(error));
    assertFalse(exchange.isComplete());
  }

  @Test
  void startAsksTheTokenSourceWithoutRefresh() throws Exception {
    List<Boolean> asked = new ArrayList<>();
    Credentials credentials = Credentials.oauth2("u", refresh -> {
      asked.add(refresh);
      return "tok";
    });
    SaslMechanism.xoauth2().start(credentials, SaslContext.of("h", 1, true));
    SaslMechanism.oauthBearer().start(credentials, SaslContext.of("h", 1, true));
    assertEquals(List.of(false, false), asked);
  }

  @Test
  void tokenThatCouldBreakTheFramingIsRefusedWithoutShowingIt() {
    Credentials bad = Credentials.oauth2("u", refresh -> "secret\u0001user=admin");
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.xoauth2().start(bad, SaslContext.of("h", 1, true)));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    Credentials nullToken = Credentials.oauth2("u", refresh -> null);
    assertThrows(MailAuthenticationException.class,
        () -> SaslMechanism.oauthBearer().start(nullToken, SaslContext.of("h", 1, true)));
  }

  @Test
  void b64TokenGrammar() {
    assertTrue(BearerToken.isB64Token("abc-._~+/XYZ09=="));
    assertFalse(BearerToken.isB64Token(""));
    assertFalse(BearerToken.isB64Token("=abc"));
    assertFalse(BearerToken.isB64Token("ab=c"));
    assertFalse(BearerToken.isB64Token("a b"));
  }

  @Test
  void onlyOAuth2CredentialsAreSupported() {
    assertTrue(SaslMechanism.xoauth2().supports(Credentials.oauth2("u", refresh -> "t")));
    assertFalse(SaslMechanism.xoauth2().supports(Credentials.password("u", "p")));
    assertFalse(SaslMechanism.oauthBearer().supports(Credentials.password("u", "p")));
  }
}
