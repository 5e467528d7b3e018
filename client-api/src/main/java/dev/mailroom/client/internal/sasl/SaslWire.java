package dev.mailroom.client.internal.sasl;

import java.io.IOException;

/**
 * The protocol side of a SASL exchange: how SMTP AUTH (RFC 4954), POP3 AUTH (RFC 5034) and IMAP AUTHENTICATE
 * (RFC 3501 §6.2.2, RFC 9051 §6.2.2) frame the messages. Each protocol module implements it over its connection;
 * {@link SaslAuthenticator} drives it. Calls are made from one thread, in this order: {@link #supportsInitialResponse}
 * (only when the mechanism has an initial response), {@link #start}, then
 * {@link #next} followed by {@link #respond} while the server sends challenges, until {@code next} returns a
 * success or a failure or the driver calls {@link #cancel}. After a failure the driver may call {@link #start}
 * again, once, to retry an OAuth 2.0 exchange with a refreshed token.
 *
 * <p>Redaction is the protocol's job: {@link #start} and {@link #respond} carry secrets (passwords, tokens, proofs),
 * so they must appear in the {@link dev.mailroom.client.trace.ProtocolTrace} only as {@code <redacted>}, for
 * example {@code C: A1 AUTHENTICATE PLAIN <redacted>}. Challenges may be traced. The arrays passed in are zeroed
 * by the driver when the call returns: do not keep them.
 *
 * <p>I/O problems, a broken reply grammar or a lost connection are thrown from these methods as the protocol's
 * {@link dev.mailroom.client.MailProtocolException} or {@link dev.mailroom.client.MailTimeoutException}; the
 * driver passes them on unchanged. A negative final reply from a live server is not an exception here but a
 * {@link SaslStep.Failure}.
 */
public interface SaslWire {
  /**
   * Whether the command that starts the exchange can carry this initial response. SMTP AUTH can (RFC 4954 §4) and
   * POP3 AUTH can (RFC 5034 §4) unless the command line would then exceed the protocol's limit (512 octets for SMTP,
   * 255 for POP3), in which case they MUST NOT; IMAP can only with the {@code SASL-IR} capability (RFC 4959 §3).
   * When false, the driver starts without it, waits for the server's empty challenge and sends the initial response
   * as the answer to it (RFC 4422 §3.3; RFC 4954 §4; RFC 5034 §4).
   *
   * @param mechanism the mechanism name that will be sent
   * @param encodedLength the length of the initial response once base64-encoded, 0 for an empty one (sent as "=")
   */
  boolean supportsInitialResponse(String mechanism, int encodedLength);

  /**
   * Sends the command that starts the exchange: {@code AUTH mechanism [initial-response]} or
   * {@code A1 AUTHENTICATE mechanism [initial-response]}.
   *
   * @param mechanism the mechanism name, upper case ASCII
   * @param initialResponse null for no initial response; an empty array for an empty one, which SMTP, POP3 and IMAP
   *     send as {@code "="} (RFC 4954 §4, RFC 5034 §4, RFC 4959 §3); otherwise the bytes to base64-encode
   */
  void start(String mechanism, byte[] initialResponse) throws IOException;

  /** Reads the server's next message: a challenge, a success (with or without additional data), or a failure. */
  SaslStep next() throws IOException;

  /**
   * Sends the answer to the last challenge: the protocol base64-encodes {@code response} (an empty array becomes an
   * empty line) and writes it as one line, traced redacted.
   */
  void respond(byte[] response) throws IOException;

  /**
   * Aborts the exchange (RFC 4422 §3.5): writes {@code "*"} as the response line, then reads and consumes the
   * server's failure reply to it, so the session is back in step. The driver throws its own
   * {@link dev.mailroom.client.MailAuthenticationException} afterwards; a failure reply here is expected and is
   * not reported, but an unexpected success reply must be thrown as a
   * {@link dev.mailroom.client.MailProtocolException}.
   */
  void cancel() throws IOException;
}
