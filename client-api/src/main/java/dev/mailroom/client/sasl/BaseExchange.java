package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import java.util.Optional;

/**
 * What the exchanges of the single-step and prompt-driven mechanisms share: the mechanism name, an optional initial
 * response handed out as a fresh copy on every call (so that the driver may zero it), and a failed flag. Once
 * {@link #fail} has been called the exchange must never report itself complete.
 */
abstract class BaseExchange implements SaslExchange {
  private final String mechanism;
  private final byte[] initialResponse;
  private boolean failed;

  /**
   * @param mechanism the mechanism's name, as sent on the wire
   * @param initialResponse the client's first message, or null if the server speaks first
   */
  BaseExchange(String mechanism, byte[] initialResponse) {
    this.mechanism = mechanism;
    this.initialResponse = initialResponse;
  }

  @Override
  public final String mechanism() {
    return mechanism;
  }

  @Override
  public final Optional<byte[]> initialResponse() {
    return initialResponse == null ? Optional.empty() : Optional.of(initialResponse.clone());
  }

  /** Marks the exchange failed; returns the exception to throw, its message prefixed with the mechanism name. */
  final MailAuthenticationException fail(String problem) {
    failed = true;
    return new MailAuthenticationException(mechanism + ": " + problem);
  }

  /** Whether {@link #fail} has been called. */
  final boolean failed() {
    return failed;
  }
}
