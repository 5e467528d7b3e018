package dev.mailroom.client.internal.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailCommandException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.sasl.SaslContext;
import dev.mailroom.client.sasl.SaslExchange;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.client.sasl.TestMechanisms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exchange driver against a scripted in-memory wire. */
class SaslAuthenticatorTest {
  private static final SaslContext SECURE = SaslContext.of("mail.example.org", 587, true);
  private static final SaslContext CLEARTEXT = SaslContext.of("mail.example.org", 25, false);
  private static final Credentials ALICE = Credentials.password("alice", "alice-pw");
  private static final String ALICE_PLAIN = b64("\0alice\0alice-pw");
  private static final SaslAuthenticator DEFAULTS = new SaslAuthenticator(SaslPolicy.defaults());

  // RFC 7677 §3 (user "user", password "pencil").
  private static final String SCRAM_CLIENT_FIRST = b64("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  private static final String SCRAM_SERVER_FIRST =
      b64("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
  private static final String SCRAM_CLIENT_FINAL = b64("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
      + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
  private static final String SCRAM_SERVER_FINAL = b64("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  private static final SaslAuthenticator RFC7677 =
      new SaslAuthenticator(SaslPolicy.of(TestMechanisms.scramSha256WithNonce("rOprNGfwEbeRWgbNEkqO")));
  private static final Credentials PENCIL = Credentials.password("user", "pencil");

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(UTF_8));
  }

  private static MailCommandException serverSaid(String text) {
    return new MailCommandException("AUTH failed", text);
  }

  // Initial response or not.

  @Test
  void initialResponseGoesInTheStartCommandWhenTheWireCanCarryIt() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().then(SaslStep.success());
    SaslMechanism used = DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE);
    assertEquals("PLAIN", used.name());
    assertEquals(List.of("START PLAIN " + ALICE_PLAIN), wire.log());
  }

  @Test
  void withoutInitialResponseSupportItAnswersTheEmptyChallenge() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withoutInitialResponse().thenChallenge("").then(SaslStep.success());
    DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE);
    assertEquals(List.of("START PLAIN", "RESPOND " + ALICE_PLAIN), wire.log());
  }

  @Test
  void initialResponseTooLongForTheCommandLineIsSentAsAResponseInstead() throws Exception {
    // e.g. POP3's 255-octet command limit (RFC 5034 §4): "\0alice\0alice-pw" is 20 base64 chars.
    ScriptedSaslWire wire = new ScriptedSaslWire(19).thenChallenge("").then(SaslStep.success());
    DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE);
    assertEquals(List.of("START PLAIN", "RESPOND " + ALICE_PLAIN), wire.log());
  }

  @Test
  void initialResponseThatJustFitsIsSentInTheStartCommand() throws Exception {
    ScriptedSaslWire wire = new ScriptedSaslWire(20).then(SaslStep.success());
    DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE);
    assertEquals(List.of("START PLAIN " + ALICE_PLAIN), wire.log());
  }

  @Test
  void emptyInitialResponseIsSentAsEquals() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().then(SaslStep.success());
    DEFAULTS.authenticate(wire, List.of("EXTERNAL"), Credentials.external(""), SECURE);
    assertEquals(List.of("START EXTERNAL ="), wire.log());
  }

  @Test
  void nonEmptyChallengeWhereTheInitialResponseWasDueIsCancelled() {
    ScriptedSaslWire wire = ScriptedSaslWire.withoutInitialResponse().thenChallenge(b64("surprise"));
    assertThrows(MailAuthenticationException.class, () -> DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE));
    assertEquals(List.of("START PLAIN", "CANCEL"), wire.log());
  }

  @Test
  void successBeforeTheInitialResponseWasSentIsAProtocolErrorT20() {
    ScriptedSaslWire wire = ScriptedSaslWire.withoutInitialResponse().then(SaslStep.success());
    assertThrows(MailProtocolException.class, () -> DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE));
    assertEquals(List.of("START PLAIN"), wire.log());
  }

  @Test
  void mechanismWithoutInitialResponseStartsBareAndAnswersChallenges() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(b64("Username:")).thenChallenge(b64("Password:")).then(SaslStep.success());
    new SaslAuthenticator(SaslPolicy.of(SaslMechanism.login())).authenticate(wire, List.of("LOGIN"), ALICE, SECURE);
    assertEquals(List.of("START LOGIN", "RESPOND " + b64("alice"), "RESPOND " + b64("alice-pw")), wire.log());
  }

  @Test
  void cramMd5OverTheWireMatchesRfc2195() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+").then(SaslStep.success());
    DEFAULTS.authenticate(wire, List.of("CRAM-MD5", "PLAIN"), Credentials.password("tim", "tanstaaftanstaaf"), SECURE);
    assertEquals(List.of("START CRAM-MD5", "RESPOND dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"), wire.log());
  }

  // SCRAM and the rule that success must be verified.

  @Test
  void scramWithServerFinalAsAChallengeThenSuccess() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).thenChallenge(SCRAM_SERVER_FINAL).then(SaslStep.success());
    RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE);
    assertEquals(List.of("START SCRAM-SHA-256 " + SCRAM_CLIENT_FIRST, "RESPOND " + SCRAM_CLIENT_FINAL, "RESPOND "),
        wire.log());
  }

  @Test
  void scramWithServerFinalAsAdditionalDataOnSuccess() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).then(SaslStep.success(SCRAM_SERVER_FINAL));
    RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE);
    assertEquals(List.of("START SCRAM-SHA-256 " + SCRAM_CLIENT_FIRST, "RESPOND " + SCRAM_CLIENT_FINAL), wire.log());
  }

  @Test
  void emptyAdditionalDataIsAcceptedOnlyWhenTheMechanismIsAlreadyComplete() throws Exception {
    ScriptedSaslWire plain = ScriptedSaslWire.withInitialResponse().then(SaslStep.success(""));
    DEFAULTS.authenticate(plain, List.of("PLAIN"), ALICE, SECURE);
    ScriptedSaslWire scram = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).then(SaslStep.success(""));
    assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(scram, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
  }

  @Test
  void unexpectedAdditionalDataForAOneMessageMechanismIsRefused() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().then(SaslStep.success(b64("surprise")));
    assertThrows(MailAuthenticationException.class, () -> DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE));
  }

  @Test
  void successWithoutServerFinalIsNotBelieved() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).then(SaslStep.success());
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertTrue(e.getMessage().contains("not complete"), e.getMessage());
  }

  @Test
  void successWithAForgedServerSignatureIsNotBelieved() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST)
        .then(SaslStep.success(b64("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
  }

  @Test
  void successWithInvalidBase64AdditionalDataIsNotBelieved() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).then(SaslStep.success("v=not-base64"));
    assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
  }

  @Test
  void serverErrorInServerFinalChallengeIsCancelled() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).thenChallenge(b64("e=invalid-proof"));
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertTrue(e.getMessage().contains("invalid-proof"), e.getMessage());
    assertEquals("CANCEL", wire.log().get(wire.log().size() - 1));
  }

  // Garbage, bounds and cancellation (T18, T19).

  @Test
  void invalidBase64ChallengeIsCancelledT19() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenChallenge("%%% not base64 %%%");
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertEquals(List.of("START SCRAM-SHA-256 " + SCRAM_CLIENT_FIRST, "CANCEL"), wire.log());
    assertEquals(0, wire.unusedSteps());
  }

  @Test
  void challengeTheMechanismRejectsIsCancelledWithItsReasonAsCause() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenChallenge(b64("garbage"));
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertInstanceOf(MailAuthenticationException.class, e.getCause());
    assertEquals(List.of("START SCRAM-SHA-256 " + SCRAM_CLIENT_FIRST, "CANCEL"), wire.log());
  }

  @Test
  void oneMebibyteChallengeIsCancelledWithoutDecodingT18() {
    String huge = Base64.getEncoder().encodeToString(new byte[1024 * 1024]);
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenChallenge(huge);
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertTrue(e.getMessage().contains("65536"), e.getMessage());
    assertEquals("CANCEL", wire.log().get(1));
  }

  @Test
  void challengeBoundIsConfigurable() throws Exception {
    SaslAuthenticator small = new SaslAuthenticator(SaslPolicy.of(SaslMechanism.login()), 8);
    ScriptedSaslWire ok = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(b64("User:")).thenChallenge(b64("Pass:")).then(SaslStep.success());
    small.authenticate(ok, List.of("LOGIN"), ALICE, SECURE);
    ScriptedSaslWire tooBig = ScriptedSaslWire.withInitialResponse().thenChallenge(b64("Username:"));
    assertThrows(MailAuthenticationException.class, () -> small.authenticate(tooBig, List.of("LOGIN"), ALICE, SECURE));
    assertEquals(List.of("START LOGIN", "CANCEL"), tooBig.log());
  }

  @Test
  void endlessChallengesAreCancelled() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse();
    for (int i = 0; i <= SaslAuthenticator.MAX_CHALLENGES; i++) {
      wire.thenChallenge(b64("again"));
    }
    SaslAuthenticator chatty = new SaslAuthenticator(SaslPolicy.of(new EchoMechanism()));
    assertThrows(MailAuthenticationException.class,
        () -> chatty.authenticate(wire, List.of("X-ECHO"), ALICE, SECURE));
    assertEquals(SaslAuthenticator.MAX_CHALLENGES + 2, wire.log().size()); // START, 16 responses, CANCEL
    assertEquals("CANCEL", wire.log().get(wire.log().size() - 1));
  }

  @Test
  void mechanismBugWhileEvaluatingStillCancels() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenChallenge(b64("boom"));
    SaslAuthenticator buggy = new SaslAuthenticator(SaslPolicy.of(new EchoMechanism()));
    assertThrows(MailAuthenticationException.class, () -> buggy.authenticate(wire, List.of("X-ECHO"), ALICE, SECURE));
    assertEquals(List.of("START X-ECHO", "CANCEL"), wire.log());
  }

  @Test
  void failingCancelReportsTheIoErrorWithTheReasonSuppressed() {
    IOException dropped = new IOException("connection reset");
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenChallenge("!!!!").failCancelWith(dropped);
    IOException e = assertThrows(IOException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertSame(dropped, e);
    assertInstanceOf(MailAuthenticationException.class, e.getSuppressed()[0]);
  }

  @Test
  void ioErrorsFromTheWirePassThroughUnchanged() {
    MailProtocolException lost = new MailProtocolException("connection closed mid-exchange");
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenThrow(lost);
    IOException e = assertThrows(IOException.class,
        () -> RFC7677.authenticate(wire, List.of("SCRAM-SHA-256"), PENCIL, SECURE));
    assertSame(lost, e);
    assertEquals(1, wire.log().size());
  }

  @Test
  void wireThatReturnsNullIsABugNotASuccess() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().then(null);
    assertThrows(IllegalStateException.class, () -> DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE));
  }

  // Failure, no downgrade, OAuth 2.0 refresh.

  @Test
  void failureKeepsTheCauseAndNeverTriesAWeakerMechanismT19() {
    MailCommandException refused = serverSaid("535 5.7.8 Authentication credentials invalid");
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).then(SaslStep.failure(refused))
        .then(SaslStep.success()); // would accept a downgrade, but must never be read
    SaslAuthenticator scramThenPlain = new SaslAuthenticator(SaslPolicy.of(
        TestMechanisms.scramSha256WithNonce("rOprNGfwEbeRWgbNEkqO"), SaslMechanism.plain()));
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> scramThenPlain.authenticate(wire, List.of("PLAIN", "SCRAM-SHA-256"), PENCIL, SECURE));
    assertSame(refused, e.getCause());
    assertEquals(List.of("START SCRAM-SHA-256 " + SCRAM_CLIENT_FIRST, "RESPOND " + SCRAM_CLIENT_FINAL), wire.log());
    assertEquals(1, wire.unusedSteps());
  }

  @Test
  void passwordFailureIsNotRetried() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .then(SaslStep.failure(serverSaid("NO [AUTHENTICATIONFAILED]"))).then(SaslStep.success());
    assertThrows(MailAuthenticationException.class, () -> DEFAULTS.authenticate(wire, List.of("PLAIN"), ALICE, SECURE));
    assertEquals(1, wire.log().size());
  }

  @Test
  void oauth2FailureRefreshesTheTokenOnceAndRetriesTheSameMechanism() throws Exception {
    List<Boolean> asked = new ArrayList<>();
    Credentials bob = Credentials.oauth2("bob@example.org", refresh -> {
      asked.add(refresh);
      return refresh ? "fresh" : "stale";
    });
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(b64("{\"status\":\"invalid_token\"}"))
        .then(SaslStep.failure(serverSaid("NO SASL authentication failed")))
        .then(SaslStep.success());
    SaslMechanism used = DEFAULTS.authenticate(wire, List.of("XOAUTH2", "OAUTHBEARER"), bob, SECURE);
    assertEquals("OAUTHBEARER", used.name());
    assertEquals(List.of(false, true), asked);
    assertEquals(List.of(
        "START OAUTHBEARER " + b64("n,a=bob@example.org,\u0001host=mail.example.org\u0001port=587\u0001"
            + "auth=Bearer stale\u0001\u0001"),
        "RESPOND AQ==",
        "START OAUTHBEARER " + b64("n,a=bob@example.org,\u0001host=mail.example.org\u0001port=587\u0001"
            + "auth=Bearer fresh\u0001\u0001")), wire.log());
  }

  @Test
  void oauth2SecondFailureIsFinal() {
    List<Boolean> asked = new ArrayList<>();
    Credentials bob = Credentials.oauth2("bob@example.org", refresh -> {
      asked.add(refresh);
      return "tok";
    });
    MailCommandException first = serverSaid("535 first");
    MailCommandException second = serverSaid("535 second");
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .then(SaslStep.failure(first)).then(SaslStep.failure(second)).then(SaslStep.success());
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> DEFAULTS.authenticate(wire, List.of("XOAUTH2"), bob, SECURE));
    assertSame(second, e.getCause());
    assertSame(first, e.getSuppressed()[0].getCause());
    assertEquals(List.of(false, true), asked);
    assertEquals(2, wire.log().size());
    assertEquals(1, wire.unusedSteps());
  }

  @Test
  void tokenSourceFailingOnRefreshIsReportedWithTheRejectionSuppressed() {
    IOException offline = new IOException("token endpoint unreachable");
    Credentials bob = Credentials.oauth2("bob@example.org", refresh -> {
      if (refresh) {
        throw offline;
      }
      return "tok";
    });
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().then(SaslStep.failure(serverSaid("535")));
    IOException e = assertThrows(IOException.class, () -> DEFAULTS.authenticate(wire, List.of("XOAUTH2"), bob, SECURE));
    assertSame(offline, e);
    assertInstanceOf(MailAuthenticationException.class, e.getSuppressed()[0]);
  }

  @Test
  void cancelledOAuthExchangeIsNotRetried() {
    List<Boolean> asked = new ArrayList<>();
    Credentials bob = Credentials.oauth2("bob@example.org", refresh -> {
      asked.add(refresh);
      return "tok";
    });
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse().thenChallenge("*garbage*");
    assertThrows(MailAuthenticationException.class, () -> DEFAULTS.authenticate(wire, List.of("XOAUTH2"), bob, SECURE));
    assertEquals(List.of(false), asked);
  }

  // Choice: T08 and T13.

  @Test
  void choosesFromTheListPassedInEachTimeT08() throws Exception {
    ScriptedSaslWire beforeTls = ScriptedSaslWire.withInitialResponse().then(SaslStep.success());
    DEFAULTS.authenticate(beforeTls, List.of("PLAIN"), ALICE, SECURE);
    assertTrue(beforeTls.log().get(0).startsWith("START PLAIN"));
    ScriptedSaslWire afterTls = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(SCRAM_SERVER_FIRST).then(SaslStep.success(SCRAM_SERVER_FINAL));
    SaslAuthenticator both = new SaslAuthenticator(SaslPolicy.of(
        TestMechanisms.scramSha256WithNonce("rOprNGfwEbeRWgbNEkqO"), SaslMechanism.plain()));
    both.authenticate(afterTls, List.of("SCRAM-SHA-256", "PLAIN"), PENCIL, SECURE);
    assertTrue(afterTls.log().get(0).startsWith("START SCRAM-SHA-256"));
  }

  @Test
  void noCommonMechanismSendsNothing() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse();
    assertThrows(MailAuthenticationException.class,
        () -> DEFAULTS.authenticate(wire, List.of("GSSAPI", "NTLM"), ALICE, SECURE));
    assertEquals(List.of(), wire.log());
  }

  @Test
  void cleartextMechanismOnAnInsecureConnectionFailsClosedT13() {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse();
    MailSecurityException e = assertThrows(MailSecurityException.class,
        () -> DEFAULTS.authenticate(wire, List.of("PLAIN", "LOGIN"), ALICE, CLEARTEXT));
    assertTrue(e.getMessage().contains("PLAIN"), e.getMessage());
    assertEquals(List.of(), wire.log());
  }

  @Test
  void insecureConnectionStillUsesAMechanismThatDoesNotExposeTheSecret() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+").then(SaslStep.success());
    SaslAuthenticator plainFirst = new SaslAuthenticator(SaslPolicy.of(SaslMechanism.plain(), SaslMechanism.cramMd5()));
    assertEquals("CRAM-MD5", plainFirst.authenticate(wire, List.of("PLAIN", "CRAM-MD5"), ALICE, CLEARTEXT).name());
  }

  // Secrets hygiene.

  @Test
  void everyArrayHandedToTheWireIsZeroedAfterwards() throws Exception {
    ScriptedSaslWire wire = ScriptedSaslWire.withInitialResponse()
        .thenChallenge(b64("Username:")).thenChallenge(b64("Password:")).then(SaslStep.success());
    new SaslAuthenticator(SaslPolicy.of(SaslMechanism.login())).authenticate(wire, List.of("LOGIN"), ALICE, SECURE);
    ScriptedSaslWire plain = ScriptedSaslWire.withInitialResponse().then(SaslStep.success());
    DEFAULTS.authenticate(plain, List.of("PLAIN"), ALICE, SECURE);
    List<byte[]> arrays = new ArrayList<>(wire.handedOver());
    arrays.addAll(plain.handedOver());
    assertEquals(3, arrays.size());
    for (byte[] array : arrays) {
      assertArrayEquals(new byte[array.length], array);
    }
  }

  /** A test mechanism that echoes every challenge, and throws a bug-like exception on "boom". */
  private static final class EchoMechanism implements SaslMechanism {
    @Override
    public String name() {
      return "X-ECHO";
    }

    @Override
    public boolean sendsInitialResponse() {
      return false;
    }

    @Override
    public boolean sendsSecretInClear() {
      return false;
    }

    @Override
    public boolean supports(Credentials credentials) {
      return true;
    }

    @Override
    public SaslExchange start(Credentials credentials, SaslContext context) {
      return new SaslExchange() {
        @Override
        public String mechanism() {
          return "X-ECHO";
        }

        @Override
        public Optional<byte[]> initialResponse() {
          return Optional.empty();
        }

        @Override
        public byte[] evaluate(byte[] challenge) {
          if (new String(challenge, UTF_8).equals("boom")) {
            throw new IllegalStateException("mechanism bug");
          }
          return challenge.clone();
        }

        @Override
        public boolean isComplete() {
          return true;
        }
      };
    }
  }
}
