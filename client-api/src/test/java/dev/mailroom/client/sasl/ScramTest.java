package dev.mailroom.client.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677). */
class ScramTest {
  private static final SaslContext CONTEXT = SaslContext.of("imap.example.org", 993, true);

  // RFC 5802 §5, user "user", password "pencil".
  private static final String SHA1_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
  private static final String SHA1_SERVER_FIRST =
      "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
  private static final String SHA1_CLIENT_FINAL =
      "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
  private static final String SHA1_SERVER_FINAL = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

  // RFC 7677 §3, user "user", password "pencil".
  private static final String SHA256_NONCE = "rOprNGfwEbeRWgbNEkqO";
  private static final String SHA256_SERVER_FIRST =
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  private static final String SHA256_CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
      + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  private static final String SHA256_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  private static SaslExchange sha1(Credentials credentials, String nonce) throws Exception {
    return new Scram(Scram.Algorithm.SHA_1, () -> nonce).start(credentials, CONTEXT);
  }

  private static SaslExchange sha256(Credentials credentials, String nonce) throws Exception {
    return new Scram(Scram.Algorithm.SHA_256, () -> nonce).start(credentials, CONTEXT);
  }

  private static SaslExchange rfc7677Exchange() throws Exception {
    return sha256(Credentials.password("user", "pencil"), SHA256_NONCE);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void scramSha1MatchesRfc5802Section5() throws Exception {
    SaslExchange exchange = sha1(Credentials.password("user", "pencil"), SHA1_NONCE);
    assertEquals("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", text(exchange.initialResponse().orElseThrow()));
    assertEquals(SHA1_CLIENT_FINAL, text(exchange.evaluate(bytes(SHA1_SERVER_FIRST))));
    assertFalse(exchange.isComplete(), "not complete before the server signature is verified");
    assertArrayEquals(new byte[0], exchange.evaluate(bytes(SHA1_SERVER_FINAL)));
    assertTrue(exchange.isComplete());
  }

  @Test
  void scramSha256MatchesRfc7677Section3() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", text(exchange.initialResponse().orElseThrow()));
    assertEquals(SHA256_CLIENT_FINAL, text(exchange.evaluate(bytes(SHA256_SERVER_FIRST))));
    assertFalse(exchange.isComplete());
    assertArrayEquals(new byte[0], exchange.evaluate(bytes(SHA256_SERVER_FINAL)));
    assertTrue(exchange.isComplete());
  }

  @Test
  void nonAsciiPasswordIsSaslPreppedAndHashedAsUtf8() throws Exception {
    // Expected values computed independently with Python's hashlib.pbkdf2_hmac over UTF-8 "pässwörd".
    String serverFirst = "r=clientNONCEcarolSERVERpart,s=c2FsdHNhbHRzYWx0,i=4096";
    String expectedFinal = "c=biws,r=clientNONCEcarolSERVERpart,p=/5ZIdJa0g15M6FVMKKGnayK2XhKNUFzeWq3ZDMk406k=";
    String serverFinal = "v=mu4nU53jm5JaJRHKAuOafFS1/uDHWNSFf3iZKswh7I4=";
    for (String password : new String[] {"p\u00E4ssw\u00F6rd", "pa\u0308sswo\u0308rd"}) {
      SaslExchange exchange = sha256(Credentials.password("carol", password), "clientNONCEcarol");
      exchange.initialResponse();
      assertEquals(expectedFinal, text(exchange.evaluate(bytes(serverFirst))), "NFKC makes both spellings equal");
      exchange.evaluate(bytes(serverFinal));
      assertTrue(exchange.isComplete());
    }
  }

  @Test
  void userNameCommaAndEqualsAreEscaped() throws Exception {
    SaslExchange exchange = sha256(Credentials.password("a,b=c", "pencil"), "NONCE");
    assertEquals("n,,n=a=2Cb=3Dc,r=NONCE", text(exchange.initialResponse().orElseThrow()));
  }

  @Test
  void escapingReplacesEqualsBeforeCommaSoItIsNotDoubleEscaped() {
    assertEquals("=3D2C", ScramExchange.saslName("=2C"));
    assertEquals("=2C=2C", ScramExchange.saslName(",,"));
  }

  @Test
  void authorizationIdGoesIntoTheGs2HeaderAndTheChannelBindingValue() throws Exception {
    SaslExchange exchange = sha256(Credentials.password("user", "pencil").actingAs("ad,min"), "NONCE");
    assertEquals("n,a=ad=2Cmin,n=user,r=NONCE", text(exchange.initialResponse().orElseThrow()));
    String clientFinal = text(exchange.evaluate(bytes("r=NONCEserver,s=QSXCR+Q6sek8bf92,i=4096")));
    // c = base64("n,a=ad=2Cmin,")
    assertTrue(clientFinal.startsWith("c=bixhPWFkPTJDbWluLA==,r=NONCEserver,p="), clientFinal);
  }

  @Test
  void userNameIsSaslPrepped() throws Exception {
    SaslExchange exchange = sha256(Credentials.password("I\u00ADX", "pencil"), "NONCE");
    assertEquals("n,,n=IX,r=NONCE", text(exchange.initialResponse().orElseThrow()));
  }

  @Test
  void credentialsThatSaslPrepRejectsFailBeforeAnythingIsSent() {
    assertThrows(MailAuthenticationException.class,
        () -> sha256(Credentials.password("user", "pen\u0007cil"), "NONCE"));
    assertThrows(MailAuthenticationException.class, () -> sha256(Credentials.password("\u00AD", "pencil"), "NONCE"));
    assertThrows(MailAuthenticationException.class, () -> sha256(Credentials.password("user", ""), "NONCE"));
  }

  @Test
  void wrongServerSignatureIsRefused() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    exchange.evaluate(bytes(SHA256_SERVER_FIRST));
    // The RFC 7677 signature with its first six bits changed: canonical base64, right length, wrong value.
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> exchange.evaluate(bytes("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    assertFalse(exchange.isComplete());
  }

  @Test
  void serverSignatureOfTheWrongLengthOrEncodingIsRefused() throws Exception {
    SaslExchange shortSignature = rfc7677Exchange();
    shortSignature.evaluate(bytes(SHA256_SERVER_FIRST));
    assertThrows(MailAuthenticationException.class, () -> shortSignature.evaluate(bytes(SHA1_SERVER_FINAL)));
    assertFalse(shortSignature.isComplete());
    SaslExchange badBase64 = rfc7677Exchange();
    badBase64.evaluate(bytes(SHA256_SERVER_FIRST));
    assertThrows(MailAuthenticationException.class, () -> badBase64.evaluate(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn")));
    assertFalse(badBase64.isComplete());
  }

  @Test
  void serverNonceThatDoesNotExtendOursIsRefused() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    String foreignNonce = "r=XXXXNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    MailAuthenticationException e =
        assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(bytes(foreignNonce)));
    assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    assertFalse(exchange.isComplete());
  }

  @Test
  void serverErrorInServerFinalIsAnAuthenticationFailure() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    exchange.evaluate(bytes(SHA256_SERVER_FIRST));
    MailAuthenticationException e =
        assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(bytes("e=invalid-proof")));
    assertTrue(e.getMessage().contains("invalid-proof"), e.getMessage());
    assertFalse(exchange.isComplete());
  }

  @Test
  void withoutServerFinalTheExchangeIsNeverComplete() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    exchange.evaluate(bytes(SHA256_SERVER_FIRST));
    assertFalse(exchange.isComplete());
  }

  @ParameterizedTest
  @ValueSource(strings = {"4095", "1000001", "0", "-1", "04096", "4096x", "", "99999999999999999999"})
  void iterationCountOutsideTheBoundsOrMalformedIsRefused(String count) throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    String serverFirst = "r=rOprNGfwEbeRWgbNEkqOserver,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=" + count;
    MailAuthenticationException e =
        assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(bytes(serverFirst)));
    assertTrue(e.getMessage().contains("iteration count"), e.getMessage());
  }

  @Test
  void iterationCountAtTheUpperBoundIsAccepted() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        exchange.evaluate(bytes("r=rOprNGfwEbeRWgbNEkqOserver,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1000000")));
  }

  @Test
  void oneMebibyteServerFirstIsRefusedBeforeParsing() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    byte[] huge = bytes("r=rOprNGfwEbeRWgbNEkqO" + "x".repeat(1024 * 1024) + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(huge));
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    assertFalse(exchange.isComplete());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "r=rOprNGfwEbeRWgbNEkqOsrv,s=not base64!,i=4096",   // salt not base64
      "r=rOprNGfwEbeRWgbNEkqOsrv,s=,i=4096",              // empty salt
      "r=rOprNGfwEbeRWgbNEkqOsrv,i=4096,s=W22ZaJ0SNY7soEsUEjb6gQ==", // wrong order
      "r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==",        // no iteration count
      "m=ext,r=rOprNGfwEbeRWgbNEkqOsrv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", // mandatory extension
      "garbage",
      ""
  })
  void malformedServerFirstIsRefused(String serverFirst) throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(bytes(serverFirst)));
    assertFalse(exchange.isComplete());
  }

  @Test
  void invalidUtf8ServerFirstIsRefused() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    assertThrows(MailAuthenticationException.class,
        () -> exchange.evaluate(new byte[] {'r', '=', (byte) 0xC3, (byte) 0x28}));
  }

  @Test
  void extensionsAfterTheIterationCountAreIgnoredButCountInTheAuthMessage() throws Exception {
    SaslExchange exchange = sha1(Credentials.password("user", "pencil"), SHA1_NONCE);
    exchange.initialResponse();
    String clientFinal = text(exchange.evaluate(bytes(SHA1_SERVER_FIRST + ",x=future")));
    assertTrue(clientFinal.startsWith("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p="));
    assertNotEquals(SHA1_CLIENT_FINAL, clientFinal, "the proof covers the whole server-first message");
  }

  @Test
  void challengeAfterVerificationIsRefusedAndUndoesCompletion() throws Exception {
    SaslExchange exchange = rfc7677Exchange();
    exchange.evaluate(bytes(SHA256_SERVER_FIRST));
    exchange.evaluate(bytes(SHA256_SERVER_FINAL));
    assertThrows(MailAuthenticationException.class, () -> exchange.evaluate(bytes(SHA256_SERVER_FINAL)));
    assertFalse(exchange.isComplete());
  }

  @Test
  void productionNoncesAreRandomAndPrintable() throws Exception {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String first = text(SaslMechanism.scramSha256().start(Credentials.password("u", "p"), CONTEXT)
          .initialResponse().orElseThrow());
      String nonce = first.substring(first.indexOf(",r=") + 3);
      assertTrue(ScramExchange.isPrintableNonce(nonce), nonce);
      assertTrue(nonce.length() >= 24, nonce);
      nonces.add(nonce);
    }
    assertEquals(20, nonces.size());
  }

  @Test
  void namesAndFlags() {
    assertEquals("SCRAM-SHA-1", SaslMechanism.scramSha1().name());
    assertEquals("SCRAM-SHA-256", SaslMechanism.scramSha256().name());
    assertTrue(SaslMechanism.scramSha256().sendsInitialResponse());
    assertFalse(SaslMechanism.scramSha256().supports(Credentials.oauth2("u", refresh -> "t")));
  }
}
