package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import java.io.IOException;

/**
 * A SASL mechanism (RFC 4422): stateless and shareable; {@link #start} begins one authentication exchange, whose
 * state lives in the returned {@link SaslExchange}.
 *
 * <p>Mailroom's mechanisms come from the factories below. The protocol modules drive them (SMTP AUTH, POP3 AUTH,
 * IMAP AUTHENTICATE); a caller normally only chooses which ones are allowed, with a {@link SaslPolicy}:
 *
 * <pre>{@code
 * SaslPolicy onlyScram = SaslPolicy.of(SaslMechanism.scramSha256(), SaslMechanism.scramSha1());
 *
 * // What a protocol module does with a mechanism (simplified):
 * SaslExchange exchange = SaslMechanism.plain().start(Credentials.password("alice", "alice-pw"),
 *     SaslContext.of("mail.example.org", 587, true));
 * byte[] first = exchange.initialResponse().orElseThrow();  // "\0alice\0alice-pw", sent base64-encoded
 * }</pre>
 *
 * <p>Implementations must be thread-safe and immutable; {@link #name()} identifies a mechanism within a policy.
 */
public interface SaslMechanism {
  /** The registered mechanism name in upper case, as sent on the wire ({@code "SCRAM-SHA-256"}). */
  String name();

  /** Whether the client speaks first (RFC 4422 §3.3): the exchange has an initial response. */
  boolean sendsInitialResponse();

  /**
   * Whether the secret (password or bearer token) crosses the connection as is or trivially encoded, so only TLS
   * protects it: PLAIN, LOGIN, XOAUTH2 and OAUTHBEARER. Such a mechanism is never chosen on a connection that is
   * not {@linkplain SaslContext#secure() secure} (SECURITY.md T13).
   */
  boolean sendsSecretInClear();

  /**
   * Whether this mechanism can authenticate with {@code credentials}. For example PLAIN and SCRAM take
   * {@link Credentials.Password}, OAUTHBEARER takes {@link Credentials.OAuth2}; LOGIN and CRAM-MD5 cannot carry an
   * authorization identity and so refuse passwords that ask for one.
   */
  boolean supports(Credentials credentials);

  /**
   * Begins one exchange. Nothing is sent yet; the credentials are checked and prepared (SASLprep for SCRAM) and, for
   * OAuth 2.0, a token is fetched from the token source with {@code refresh = false}.
   *
   * @throws IllegalArgumentException if {@link #supports} is false for {@code credentials}
   * @throws dev.mailroom.client.MailAuthenticationException if the credentials cannot be expressed in this mechanism
   *     (a NUL in a PLAIN user name, a password that SASLprep rejects, an empty password)
   * @throws IOException if the OAuth 2.0 token source fails
   */
  SaslExchange start(Credentials credentials, SaslContext context) throws IOException;

  /** PLAIN (RFC 4616). Sends the password in clear. */
  static SaslMechanism plain() {
    return Plain.INSTANCE;
  }

  /** LOGIN (draft-murchison-sasl-login): "Username:" then "Password:". Sends the password in clear. */
  static SaslMechanism login() {
    return Login.INSTANCE;
  }

  /** CRAM-MD5 (RFC 2195). */
  static SaslMechanism cramMd5() {
    return CramMd5.INSTANCE;
  }

  /** SCRAM-SHA-1 (RFC 5802), without channel binding. */
  static SaslMechanism scramSha1() {
    return Scram.SHA_1;
  }

  /** SCRAM-SHA-256 (RFC 7677), without channel binding. */
  static SaslMechanism scramSha256() {
    return Scram.SHA_256;
  }

  /** XOAUTH2 (Google's format for OAuth 2.0 bearer tokens). Sends the token in clear. */
  static SaslMechanism xoauth2() {
    return XOAuth2.INSTANCE;
  }

  /** OAUTHBEARER (RFC 7628). Sends the token in clear. */
  static SaslMechanism oauthBearer() {
    return OAuthBearer.INSTANCE;
  }

  /** EXTERNAL (RFC 4422 Appendix A): the identity comes from outside SASL, such as a TLS client certificate. */
  static SaslMechanism external() {
    return External.INSTANCE;
  }

  /** ANONYMOUS (RFC 4505). */
  static SaslMechanism anonymous() {
    return Anonymous.INSTANCE;
  }
}
