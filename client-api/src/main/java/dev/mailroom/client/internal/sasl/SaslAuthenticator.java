package dev.mailroom.client.internal.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.sasl.SaslContext;
import dev.mailroom.client.sasl.SaslExchange;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a SASL authentication (RFC 4422 §3) over any protocol's {@link SaslWire}: chooses the mechanism, drives the
 * challenges and responses, and decides whether the outcome can be believed. Stateless and thread-safe; one
 * instance can serve every session.
 *
 * <pre>{@code
 * // In a protocol module, after STARTTLS and a fresh EHLO/CAPA/CAPABILITY (SECURITY.md T08):
 * SaslAuthenticator authenticator = new SaslAuthenticator(options.saslPolicy());
 * SaslMechanism used = authenticator.authenticate(new SmtpSaslWire(connection), ehlo.authMechanisms(), credentials,
 *     SaslContext.of(host, port, connection.isTls()));
 * }</pre>
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>The mechanism is the policy's first choice among those offered in the list passed in; nothing is cached, so
 *       the caller must pass the list read after TLS (T08). On a connection that is not
 *       {@linkplain SaslContext#secure() secure}, a mechanism that sends the secret in clear is never used, and if
 *       it is the only choice, {@link MailSecurityException} is thrown before anything is sent (T13).
 *   <li>Challenges are decoded with {@link StrictBase64} and bounded ({@value #DEFAULT_MAX_CHALLENGE_BYTES} bytes by
 *       default), and at most {@value #MAX_CHALLENGES} challenges are answered. Invalid base64, an oversized
 *       challenge, or one the mechanism rejects makes it cancel the exchange ({@code *}, RFC 4422 §3.5) and throw
 *       {@link MailAuthenticationException} (T18, T19).
 *   <li>A success is believed only if the mechanism is complete once any additional data was processed (RFC 4422
 *       §3.6), so SCRAM must have verified the server's signature. A success before the client sent its initial
 *       response is a {@link MailProtocolException} (T20).
 *   <li>A failure becomes {@link MailAuthenticationException} with the protocol's error as its cause. It never tries
 *       another mechanism (T19). For {@link Credentials.OAuth2} it asks the token source once more with
 *       {@code refresh = true} and retries the same mechanism exactly once.
 * </ul>
 */
public final class SaslAuthenticator {
  /** Default bound on a decoded challenge (64 KiB). */
  public static final int DEFAULT_MAX_CHALLENGE_BYTES = 64 * 1024;
  /** The most challenges one exchange may send; real mechanisms use at most two. */
  public static final int MAX_CHALLENGES = 16;

  private final SaslPolicy policy;
  private final int maxChallengeBytes;

  /** A driver for {@code policy} with the default challenge bound. */
  public SaslAuthenticator(SaslPolicy policy) {
    this(policy, DEFAULT_MAX_CHALLENGE_BYTES);
  }

  /** A driver for {@code policy} that refuses decoded challenges longer than {@code maxChallengeBytes}. */
  public SaslAuthenticator(SaslPolicy policy, int maxChallengeBytes) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (maxChallengeBytes < 1) {
      throw new IllegalArgumentException("maxChallengeBytes must be positive: " + maxChallengeBytes);
    }
    this.maxChallengeBytes = maxChallengeBytes;
  }

  /** The policy mechanisms are chosen from. */
  public SaslPolicy policy() {
    return policy;
  }

  /**
   * Authenticates over {@code wire}.
   *
   * @param offeredMechanisms the mechanism names the server offers, from the capability list read after TLS
   * @return the mechanism that succeeded
   * @throws MailAuthenticationException if no mechanism fits, the exchange had to be cancelled, the server refused
   *     the credentials, or the server's success could not be verified
   * @throws MailSecurityException if the only fitting mechanisms would send the secret in clear over a connection
   *     that is not secure; nothing was sent
   * @throws IOException what the wire or the OAuth 2.0 token source threw, unchanged
   */
  public SaslMechanism authenticate(SaslWire wire, Collection<String> offeredMechanisms, Credentials credentials,
      SaslContext context) throws IOException {
    Objects.requireNonNull(wire, "wire");
    Objects.requireNonNull(context, "context");
    SaslMechanism mechanism = choose(offeredMechanisms, credentials, context);
    SaslStep.Failure failure = exchange(wire, mechanism, credentials, context);
    if (failure == null) {
      return mechanism;
    }
    MailAuthenticationException rejected = rejected(mechanism, failure, "");
    if (!(credentials instanceof Credentials.OAuth2 oauth)) {
      throw rejected;
    }
    String freshToken;
    try {
      freshToken = oauth.tokens().accessToken(true);
    } catch (IOException | RuntimeException e) {
      e.addSuppressed(rejected);
      throw e;
    }
    Credentials refreshed = Credentials.oauth2(oauth.username(), refresh -> freshToken);
    SaslStep.Failure second = exchange(wire, mechanism, refreshed, context);
    if (second == null) {
      return mechanism;
    }
    MailAuthenticationException finalRejection = rejected(mechanism, second, " again with a refreshed token");
    finalRejection.addSuppressed(rejected);
    throw finalRejection;
  }

  private SaslMechanism choose(Collection<String> offered, Credentials credentials, SaslContext context)
      throws MailAuthenticationException, MailSecurityException {
    if (context.secure()) {
      return policy.choose(offered, credentials);
    }
    try {
      return policy.withoutCleartextSecrets().choose(offered, credentials);
    } catch (MailAuthenticationException noProtectedMechanism) {
      SaslMechanism cleartext = policy.choose(offered, credentials); // throws the fuller message if none at all
      throw new MailSecurityException(cleartext.name() + " would send the " + secretKind(credentials)
          + " in clear on a connection without TLS; refusing (use TLS, or allow cleartext explicitly)");
    }
  }

  private static String secretKind(Credentials credentials) {
    return credentials instanceof Credentials.OAuth2 ? "access token" : "password";
  }

  /** Runs one exchange; returns null on a verified success, or the server's failure. */
  private SaslStep.Failure exchange(SaslWire wire, SaslMechanism mechanism, Credentials credentials,
      SaslContext context) throws IOException {
    SaslExchange exchange = mechanism.start(credentials, context);
    String name = mechanism.name();
    Optional<byte[]> initial = exchange.initialResponse();
    byte[] pending = null; // an initial response still owed, to be sent on the server's empty challenge
    if (initial.isPresent() && wire.supportsInitialResponse(name, encodedLength(initial.get().length))) {
      byte[] response = initial.get();
      try {
        wire.start(name, response);
      } finally {
        Arrays.fill(response, (byte) 0);
      }
    } else {
      pending = initial.orElse(null);
      wire.start(name, null);
    }
    try {
      for (int challenges = 0; ; ) {
        SaslStep step = wire.next();
        if (step instanceof SaslStep.Challenge challenge) {
          if (++challenges > MAX_CHALLENGES) {
            throw cancel(wire, name + ": more than " + MAX_CHALLENGES + " challenges", null);
          }
          byte[] decoded = decodeOrCancel(wire, name, challenge.base64Text());
          byte[] response;
          if (pending != null) {
            if (decoded.length != 0) {
              throw cancel(wire, name + ": expected an empty challenge before the initial response, got "
                  + decoded.length + " bytes", null);
            }
            response = pending;
            pending = null;
          } else {
            response = evaluateOrCancel(wire, exchange, decoded);
          }
          try {
            wire.respond(response);
          } finally {
            Arrays.fill(response, (byte) 0);
          }
        } else if (step instanceof SaslStep.Success success) {
          if (pending != null) {
            throw new MailProtocolException(name + ": the server reported success before the client sent its"
                + " initial response");
          }
          acceptSuccess(exchange, name, success);
          return null;
        } else if (step instanceof SaslStep.Failure failure) {
          return failure;
        } else {
          throw new IllegalStateException("SaslWire.next() returned " + step); // null: a bug in the protocol module
        }
      }
    } finally {
      if (pending != null) {
        Arrays.fill(pending, (byte) 0);
      }
    }
  }

  private void acceptSuccess(SaslExchange exchange, String name, SaslStep.Success success)
      throws MailAuthenticationException {
    if (success.base64AdditionalData() != null) {
      byte[] data;
      try {
        data = StrictBase64.decode(success.base64AdditionalData(), maxChallengeBytes);
      } catch (IllegalArgumentException e) {
        throw new MailAuthenticationException(name + ": the additional data with the server's success is invalid: "
            + e.getMessage(), e);
      }
      if (data.length == 0 && exchange.isComplete()) {
        return; // empty additional data for a mechanism that expects none: nothing to process
      }
      byte[] response;
      try {
        response = exchange.evaluate(data);
      } catch (RuntimeException e) {
        throw new MailAuthenticationException(name + ": the additional data with the server's success was refused",
            e);
      }
      if (response.length != 0) {
        throw new MailAuthenticationException(name + ": the server reported success while the mechanism still had"
            + " a response to send");
      }
    }
    if (!exchange.isComplete()) {
      throw new MailAuthenticationException(name + ": the server reported success, but the exchange is not"
          + " complete (the server was not verified); not trusting it");
    }
  }

  private byte[] decodeOrCancel(SaslWire wire, String name, String base64Text) throws IOException {
    try {
      return StrictBase64.decode(base64Text, maxChallengeBytes);
    } catch (IllegalArgumentException e) {
      throw cancel(wire, name + ": invalid challenge from the server: " + e.getMessage(), e);
    }
  }

  private static byte[] evaluateOrCancel(SaslWire wire, SaslExchange exchange, byte[] challenge) throws IOException {
    try {
      return exchange.evaluate(challenge);
    } catch (MailAuthenticationException | RuntimeException e) {
      throw cancel(wire, e.getMessage(), e);
    }
  }

  /** Sends {@code *}, lets the protocol consume the failure reply, and returns the exception to throw. */
  private static MailAuthenticationException cancel(SaslWire wire, String reason, Throwable cause) throws IOException {
    MailAuthenticationException failure = new MailAuthenticationException(reason + "; exchange cancelled", cause);
    try {
      wire.cancel();
    } catch (IOException e) {
      e.addSuppressed(failure);
      throw e;
    }
    return failure;
  }

  private static MailAuthenticationException rejected(SaslMechanism mechanism, SaslStep.Failure failure,
      String detail) {
    return new MailAuthenticationException(mechanism.name() + " authentication was rejected by the server" + detail,
        failure.cause());
  }

  private static int encodedLength(int bytes) {
    return (bytes + 2) / 3 * 4;
  }
}
