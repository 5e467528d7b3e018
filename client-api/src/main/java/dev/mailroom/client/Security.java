package dev.mailroom.client;

/**
 * How a connection is protected. There is no opportunistic mode: {@link #STARTTLS} means TLS is <em>required</em>,
 * and a server that does not offer it, refuses it or answers it oddly makes the connection fail closed with a
 * {@link MailSecurityException} before anything else is sent (RFC 8314 and the NO STARTTLS study both recommend
 * implicit TLS, which is why it comes first).
 */
public enum Security {
  /** TLS from the first byte (ports 465, 993, 995). The recommended mode. */
  IMPLICIT_TLS,
  /** A cleartext connection upgraded with STARTTLS/STLS before anything else; TLS is required, never optional. */
  STARTTLS,
  /**
   * No TLS at all. Credentials may cross such a connection only to a loopback address, or when the caller said so
   * explicitly with {@link Endpoint#allowingCleartextCredentials()}.
   */
  PLAIN
}
