package dev.mailroom.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mechanism negotiation (RFC 4422 §3.2) and the T08 rule that only the list given is used. */
class SaslPolicyTest {
  private static final Credentials PASSWORD = Credentials.password("alice", "alice-pw");
  private static final Credentials OAUTH = Credentials.oauth2("bob@example.org", refresh -> "tok");
  private static final List<String> EVERYTHING = List.of("LOGIN", "PLAIN", "CRAM-MD5", "XOAUTH2", "OAUTHBEARER",
      "SCRAM-SHA-1", "SCRAM-SHA-256", "EXTERNAL", "ANONYMOUS");

  private static List<String> names(List<SaslMechanism> mechanisms) {
    return mechanisms.stream().map(SaslMechanism::name).toList();
  }

  @Test
  void defaultOrderIsStrongestFirst() {
    assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "OAUTHBEARER", "XOAUTH2", "CRAM-MD5", "PLAIN", "LOGIN",
        "EXTERNAL", "ANONYMOUS"), names(SaslPolicy.defaults().mechanisms()));
  }

  @Test
  void defaultsFilteredByCredentialType() {
    SaslPolicy policy = SaslPolicy.defaults();
    assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN"),
        names(policy.usableWith(PASSWORD)));
    assertEquals(List.of("OAUTHBEARER", "XOAUTH2"), names(policy.usableWith(OAUTH)));
    assertEquals(List.of("EXTERNAL"), names(policy.usableWith(Credentials.external(""))));
    assertEquals(List.of("ANONYMOUS"), names(policy.usableWith(Credentials.anonymous(""))));
  }

  @Test
  void choosesTheStrongestOfferedMechanismWhateverTheServersOrder() throws Exception {
    assertEquals("SCRAM-SHA-256", SaslPolicy.defaults().choose(EVERYTHING, PASSWORD).name());
    assertEquals("OAUTHBEARER", SaslPolicy.defaults().choose(EVERYTHING, OAUTH).name());
    assertEquals("EXTERNAL", SaslPolicy.defaults().choose(EVERYTHING, Credentials.external("")).name());
    assertEquals("ANONYMOUS", SaslPolicy.defaults().choose(EVERYTHING, Credentials.anonymous("x")).name());
    assertEquals("CRAM-MD5", SaslPolicy.defaults().choose(List.of("LOGIN", "PLAIN", "CRAM-MD5"), PASSWORD).name());
    assertEquals("XOAUTH2", SaslPolicy.defaults().choose(List.of("PLAIN", "XOAUTH2"), OAUTH).name());
  }

  @Test
  void namesAreComparedCaseInsensitively() throws Exception {
    assertEquals("SCRAM-SHA-1", SaslPolicy.defaults().choose(List.of("plain", " scram-sha-1 "), PASSWORD).name());
  }

  @Test
  void choosesFromTheListGivenOnlyT08() throws Exception {
    // Before TLS the server claimed PLAIN only; after TLS it offers SCRAM-SHA-256. The same policy object is used
    // for both calls and must not remember the first list.
    SaslPolicy policy = SaslPolicy.defaults();
    assertEquals("PLAIN", policy.choose(List.of("PLAIN"), PASSWORD).name());
    assertEquals("SCRAM-SHA-256", policy.choose(List.of("SCRAM-SHA-256"), PASSWORD).name());
    // And the reverse swap: SCRAM before TLS, only PLAIN after.
    assertEquals("SCRAM-SHA-256", policy.choose(List.of("SCRAM-SHA-256", "PLAIN"), PASSWORD).name());
    assertEquals("PLAIN", policy.choose(List.of("PLAIN"), PASSWORD).name());
  }

  @Test
  void choosingDoesNotReadTheListAgainLater() throws Exception {
    List<String> offered = new ArrayList<>(List.of("PLAIN"));
    SaslMechanism chosen = SaslPolicy.defaults().choose(offered, PASSWORD);
    offered.add("SCRAM-SHA-256");
    assertEquals("PLAIN", chosen.name());
  }

  @Test
  void callerOrderOverridesDefaults() throws Exception {
    SaslPolicy plainFirst = SaslPolicy.of(SaslMechanism.plain(), SaslMechanism.scramSha256());
    assertEquals("PLAIN", plainFirst.choose(EVERYTHING, PASSWORD).name());
  }

  @Test
  void noCommonMechanismNamesWhatWasOfferedAndWhatWasAllowed() {
    SaslPolicy onlyScram = SaslPolicy.of(SaslMechanism.scramSha256(), SaslMechanism.scramSha1());
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> onlyScram.choose(List.of("PLAIN", "LOGIN"), PASSWORD));
    assertTrue(e.getMessage().contains("[PLAIN, LOGIN]"), e.getMessage());
    assertTrue(e.getMessage().contains("[SCRAM-SHA-256, SCRAM-SHA-1]"), e.getMessage());
  }

  @Test
  void passwordCredentialsNeverGetTheOAuthMechanisms() {
    assertThrows(MailAuthenticationException.class,
        () -> SaslPolicy.defaults().choose(List.of("XOAUTH2", "OAUTHBEARER", "EXTERNAL"), PASSWORD));
  }

  @Test
  void serverTextInTheErrorIsEscaped() {
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> SaslPolicy.defaults().choose(List.of("X\r\nINJECTED"), PASSWORD));
    assertTrue(e.getMessage().contains("X\\u000D\\u000AINJECTED"), e.getMessage());
  }

  @Test
  void withoutCleartextSecretsDropsPlainLoginAndBearerMechanisms() {
    assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "EXTERNAL", "ANONYMOUS"),
        names(SaslPolicy.defaults().withoutCleartextSecrets().mechanisms()));
  }

  @Test
  void duplicateNamesAreRejectedAndTheListIsCopied() {
    assertThrows(IllegalArgumentException.class, () -> SaslPolicy.of(SaslMechanism.plain(), SaslMechanism.plain()));
    List<SaslMechanism> mutable = new ArrayList<>(List.of(SaslMechanism.plain()));
    SaslPolicy policy = SaslPolicy.of(mutable);
    mutable.add(SaslMechanism.login());
    assertEquals(List.of("PLAIN"), names(policy.mechanisms()));
    assertThrows(UnsupportedOperationException.class, () -> policy.mechanisms().add(SaslMechanism.login()));
  }

  @Test
  void factoriesReturnSharedInstances() {
    assertSame(SaslMechanism.scramSha256(), SaslMechanism.scramSha256());
    assertEquals(SaslPolicy.of(SaslMechanism.plain()), SaslPolicy.of(List.of(SaslMechanism.plain())));
  }
}
