package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;

/**
 * The exchange of a mechanism that consists of one client message and no challenge: PLAIN (RFC 4616 §2), EXTERNAL
 * (RFC 4422 Appendix A.1) and ANONYMOUS (RFC 4505 §2). Any challenge is a protocol error.
 */
final class SingleMessageExchange extends BaseExchange {
  SingleMessageExchange(String mechanism, byte[] message) {
    super(mechanism, message);
  }

  @Override
  public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
    throw fail("unexpected server challenge (" + challenge.length
        + " bytes); the mechanism has a single client message");
  }

  @Override
  public boolean isComplete() {
    return !failed();
  }
}
