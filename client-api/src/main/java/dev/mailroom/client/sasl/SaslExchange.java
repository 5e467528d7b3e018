package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import java.util.Optional;

/**
 * One SASL authentication exchange on the client side (RFC 4422 §3): it yields the initial response, answers each
 * server challenge and says whether the exchange is complete. Not thread-safe; used by one exchange only.
 *
 * <p>Responses hold secrets: whoever sends them must trace them redacted, and may zero the arrays after use (every
 * call returns a fresh array).
 *
 * <pre>{@code
 * SaslExchange exchange = SaslMechanism.scramSha256().start(credentials, context);
 * byte[] clientFirst = exchange.initialResponse().orElseThrow();   // n,,n=user,r=...
 * byte[] clientFinal = exchange.evaluate(serverFirst);             // c=biws,r=...,p=...
 * exchange.evaluate(serverFinal);                                  // verifies v=...; returns an empty response
 * assert exchange.isComplete();
 * }</pre>
 */
public interface SaslExchange {
  /** The mechanism's name, as sent on the wire. */
  String mechanism();

  /**
   * The initial response (RFC 4422 §3.3), or empty if the server speaks first. A present but zero-length array is an
   * empty initial response, which is not the same as none (SMTP sends it as {@code "="}, RFC 4954 §4).
   */
  Optional<byte[]> initialResponse();

  /**
   * Answers a server challenge, or processes the additional data that came with the server's success (RFC 4422
   * §3.6). The challenge is already base64-decoded.
   *
   * @return the response to send, possibly empty
   * @throws MailAuthenticationException if the challenge is malformed, comes when none is expected, or reports a
   *     server-side error (SCRAM {@code e=}); the exchange is then failed and never {@linkplain #isComplete
   *     complete}
   */
  byte[] evaluate(byte[] challenge) throws MailAuthenticationException;

  /**
   * Whether the client side has finished successfully, so a success from the server may be believed. SCRAM is
   * complete only once the server's signature has been verified; the mechanisms that do not authenticate the server
   * are complete once the client has said everything, unless the server reported an error in a challenge.
   */
  boolean isComplete();
}
