package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;

/**
 * The exchange of XOAUTH2 and OAUTHBEARER: one initial response carrying the token; at most one challenge, which is
 * the server's JSON error report and is answered with {@code errorReply} so that the server can finish with a
 * failure (RFC 7628 §3.2.3). After such an error the exchange is never complete.
 */
final class BearerExchange extends BaseExchange {
  private static final int MAX_ERROR_BYTES = 16 * 1024;

  private final byte[] errorReply;
  private boolean errorReported;

  BearerExchange(String mechanism, byte[] message, byte[] errorReply) {
    super(mechanism, message);
    this.errorReply = errorReply;
  }

  @Override
  public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
    if (errorReported || challenge.length > MAX_ERROR_BYTES) {
      throw fail("unexpected challenge (" + challenge.length + " bytes) after the initial response");
    }
    // The challenge is a JSON error report such as {"status":"invalid_token",...}; the outcome follows.
    errorReported = true;
    return errorReply.clone();
  }

  @Override
  public boolean isComplete() {
    return !errorReported && !failed();
  }
}
