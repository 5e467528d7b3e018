package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677), without channel binding (gs2 flag {@code n}, RFC 5802
 * §7). The user name is prepared with SASLprep as a query (§5.1) and the password as a stored string (§2.2,
 * {@code Normalize}); the exchange itself is {@link ScramExchange}.
 */
final class Scram extends BaseMechanism<Credentials.Password> {
  static final Scram SHA_1 = new Scram(Algorithm.SHA_1, Scram::randomNonce);
  static final Scram SHA_256 = new Scram(Algorithm.SHA_256, Scram::randomNonce);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Algorithm algorithm;
  private final Supplier<String> nonces;

  /**
   * A SCRAM mechanism whose client nonces come from {@code nonces}. Package-private so that tests can replay the
   * RFC 5802 §5 and RFC 7677 §3 examples; production code uses {@link #SHA_1} and {@link #SHA_256}.
   */
  Scram(Algorithm algorithm, Supplier<String> nonces) {
    super(Objects.requireNonNull(algorithm, "algorithm").mechanismName(), CLIENT_FIRST, NO_SECRET_IN_CLEAR,
        Credentials.Password.class, "password credentials");
    this.algorithm = algorithm;
    this.nonces = Objects.requireNonNull(nonces, "nonces");
  }

  @Override
  SaslExchange begin(Credentials.Password password, SaslContext context) throws MailAuthenticationException {
    String username = prepare(password.username(), true, "user name");
    // The authzid's form is up to the application protocol (RFC 4422 §3.4.1): sent as given, only escaped.
    String authorizationId = password.authorizationId();
    String preparedPassword = prepare(password.password(), false, "password");
    String nonce = nonces.get();
    if (!ScramExchange.isPrintableNonce(nonce)) {
      throw new IllegalStateException("client nonce must be printable ASCII without ','");
    }
    return new ScramExchange(algorithm, username, authorizationId, SaslText.utf8(preparedPassword), nonce);
  }

  /** SASLprep, failing the exchange (RFC 5802 §5.1: abort if preparation fails or yields the empty string). */
  private String prepare(String text, boolean query, String what) throws MailAuthenticationException {
    String prepared;
    try {
      prepared = query ? SaslPrep.query(text) : SaslPrep.storedString(text);
    } catch (IllegalArgumentException e) {
      throw new MailAuthenticationException(name() + ": the " + what + " is not valid for SCRAM: " + e.getMessage());
    }
    if (prepared.isEmpty()) {
      throw new MailAuthenticationException(name() + ": the " + what + " is empty after SASLprep");
    }
    return prepared;
  }

  private static String randomNonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes); // printable, never ','
  }

  /** The hash function a SCRAM variant is built on (RFC 5802 §2.2: H, HMAC, Hi). */
  enum Algorithm {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1"),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256");

    private final String mechanismName;
    private final String digest;
    private final String hmac;

    Algorithm(String mechanismName, String digest, String hmac) {
      this.mechanismName = mechanismName;
      this.digest = digest;
      this.hmac = hmac;
    }

    String mechanismName() {
      return mechanismName;
    }

    /** H(str). */
    byte[] hash(byte[] input) {
      try {
        return MessageDigest.getInstance(digest).digest(input);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(digest + " is required of every Java platform", e);
      }
    }

    /** HMAC(key, str). */
    byte[] hmac(byte[] key, byte[] input) {
      return mac(key).doFinal(input);
    }

    /** Hi(str, salt, i): PBKDF2 with this HMAC and one block of output (RFC 5802 §2.2). */
    byte[] hi(byte[] password, byte[] salt, int iterations) {
      Mac mac = mac(password);
      mac.update(salt);
      byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
      byte[] result = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < result.length; j++) {
          result[j] ^= u[j];
        }
      }
      return result;
    }

    private Mac mac(byte[] key) {
      try {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(key, hmac));
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(hmac + " is required of every Java platform", e);
      }
    }
  }
}
