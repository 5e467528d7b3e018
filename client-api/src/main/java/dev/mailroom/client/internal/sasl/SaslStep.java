package dev.mailroom.client.internal.sasl;

import dev.mailroom.client.MailException;
import java.util.Objects;

/**
 * What the server sent next in a SASL exchange, as a protocol module reports it to {@link SaslAuthenticator}
 * through {@link SaslWire#next()}.
 */
public sealed interface SaslStep permits SaslStep.Challenge, SaslStep.Success, SaslStep.Failure {

  /** A challenge: IMAP {@code + text}, SMTP {@code 334 text}, POP3 {@code + text} (RFC 4422 §3.4). */
  static Challenge challenge(String base64Text) {
    return new Challenge(base64Text);
  }

  /** Success without additional data: IMAP tagged {@code OK}, SMTP {@code 235}, POP3 {@code +OK}. */
  static Success success() {
    return new Success(null);
  }

  /** Success with additional data (RFC 4422 §3.6), such as SCRAM's server-final message. */
  static Success success(String base64AdditionalData) {
    return new Success(Objects.requireNonNull(base64AdditionalData, "base64AdditionalData"));
  }

  /** The server failed the exchange: IMAP {@code NO}/{@code BAD}, SMTP 4xx/5xx, POP3 {@code -ERR}. */
  static Failure failure(MailException cause) {
    return new Failure(cause);
  }

  /**
   * A server challenge.
   *
   * @param base64Text the challenge text exactly as the server sent it after the protocol's framing was removed
   *     (IMAP "+ ", SMTP "334 "), not decoded; empty for an empty challenge
   */
  record Challenge(String base64Text) implements SaslStep {
    public Challenge {
      Objects.requireNonNull(base64Text, "base64Text");
    }
  }

  /**
   * The server reported success.
   *
   * @param base64AdditionalData the additional data, not decoded, or null if there is none (an empty string is
   *     empty additional data, which is not the same as none)
   */
  record Success(String base64AdditionalData) implements SaslStep {
  }

  /**
   * The server reported failure.
   *
   * @param cause the protocol's typed error for the failure reply (usually a {@link
   *     dev.mailroom.client.MailCommandException} subclass holding the server's escaped text); kept as the cause of
   *     the {@link dev.mailroom.client.MailAuthenticationException} the driver throws
   */
  record Failure(MailException cause) implements SaslStep {
    public Failure {
      Objects.requireNonNull(cause, "cause");
    }
  }
}
