package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import java.util.Optional;

/**
 * The exchange of a mechanism that consists of one client message and no challenge: PLAIN (RFC 4616 §2), EXTERNAL
 * (RFC 4422 Appendix A.1) and ANONYMOUS (RFC 4505 §2). Any challenge is a protocol error.
 */
final class SingleMessageExchange implements SaslExchange {
  private final String mechanism;
  private final byte[] message;
  private boolean failed;

  SingleMessageExchange(String mechanism, byte[] message) {
    this.mechanism = mechanism;
    this.message = message;
  }

  @Override
  public String mechanism() {
    return mechanism;
  }

  @Override
  public Optional<byte[]> initialResponse() {
    return Optional.of(message.clone());
  }

  @Override
  public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
    failed = true;
    throw new MailAuthenticationException(mechanism + ": unexpected server challenge (" + challenge.length
        + " bytes); the mechanism has a single client message");
  }

  @Override
  public boolean isComplete() {
    return !failed;
  }
}
