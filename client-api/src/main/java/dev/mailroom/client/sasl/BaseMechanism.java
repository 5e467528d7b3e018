package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import java.io.IOException;
import java.util.Objects;

/**
 * What every built-in mechanism shares: a fixed name, whether it is client-first (RFC 4422 §3.3), whether it sends
 * the secret in clear, and the one {@link Credentials} type it takes. {@link #start} refuses other credentials with
 * an {@link IllegalArgumentException}, as {@link SaslMechanism#start} promises, and hands the rest to {@link #begin}.
 * Subclasses hold no mutable state, so they stay thread-safe and shareable.
 *
 * @param <C> the credentials the mechanism takes
 */
abstract class BaseMechanism<C extends Credentials> implements SaslMechanism {
  /** The client speaks first: the exchange has an initial response (RFC 4422 §3.3). */
  static final boolean CLIENT_FIRST = true;
  /** The server speaks first: the client waits for a challenge. */
  static final boolean SERVER_FIRST = false;
  /** The password or token crosses the connection as is, or trivially encoded. */
  static final boolean SECRET_IN_CLEAR = true;
  /** The secret does not cross the connection as is (or there is none). */
  static final boolean NO_SECRET_IN_CLEAR = false;

  private final String name;
  private final boolean initialResponse;
  private final boolean secretInClear;
  private final Class<C> credentialType;
  private final String requirement;

  /**
   * @param name the registered name in upper case, as sent on the wire
   * @param initialResponse {@link #CLIENT_FIRST} or {@link #SERVER_FIRST}
   * @param secretInClear {@link #SECRET_IN_CLEAR} or {@link #NO_SECRET_IN_CLEAR}
   * @param credentialType the credentials {@link #supports} accepts
   * @param requirement what the mechanism needs, for the exception {@link #start} throws: {@code "password
   *     credentials"} makes {@code "PLAIN needs password credentials, got ..."}
   */
  BaseMechanism(String name, boolean initialResponse, boolean secretInClear, Class<C> credentialType,
      String requirement) {
    this.name = Objects.requireNonNull(name, "name");
    this.initialResponse = initialResponse;
    this.secretInClear = secretInClear;
    this.credentialType = Objects.requireNonNull(credentialType, "credentialType");
    this.requirement = Objects.requireNonNull(requirement, "requirement");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean sendsInitialResponse() {
    return initialResponse;
  }

  @Override
  public final boolean sendsSecretInClear() {
    return secretInClear;
  }

  @Override
  public final boolean supports(Credentials credentials) {
    return credentialType.isInstance(credentials) && accepts(credentialType.cast(credentials));
  }

  @Override
  public final SaslExchange start(Credentials credentials, SaslContext context) throws IOException {
    if (!supports(credentials)) {
      throw new IllegalArgumentException(refusal(credentials));
    }
    return begin(credentialType.cast(credentials), context);
  }

  /** Whether credentials of the right type can be carried at all; true unless a mechanism narrows it. */
  boolean accepts(C credentials) {
    return true;
  }

  /** The message of the {@link IllegalArgumentException} that {@link #start} throws for unsupported credentials. */
  String refusal(Credentials credentials) {
    return name + " needs " + requirement + ", got " + credentials;
  }

  /**
   * Begins one exchange with credentials that {@link #supports} accepted: checks and prepares them, as
   * {@link SaslMechanism#start} describes.
   */
  abstract SaslExchange begin(C credentials, SaslContext context) throws IOException;

  @Override
  public final String toString() {
    return name;
  }
}
