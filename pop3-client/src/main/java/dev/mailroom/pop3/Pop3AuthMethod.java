package dev.mailroom.pop3;

/**
 * How a {@link Pop3Client} logs in. None of them falls back to another: if the chosen way is not possible, the
 * connection fails before any credential is sent (SECURITY.md P01).
 */
public enum Pop3AuthMethod {
  /**
   * AUTH (RFC 5034) when CAPA lists SASL mechanisms, otherwise USER/PASS (RFC 1939 §7). Never APOP: APOP is used
   * only when asked for.
   */
  AUTO,
  /** AUTH with the client's {@link dev.mailroom.client.sasl.SaslPolicy} (RFC 5034). */
  SASL,
  /** USER and PASS (RFC 1939 §7): the password crosses the connection, so TLS (or loopback, or an opt-in) is needed. */
  USER_PASS,
  /**
   * APOP (RFC 1939 §7) with the greeting's timestamp. MD5 is broken for this use (CVE-2007-1558), so APOP runs only
   * under TLS unless {@link Pop3Client.Builder#allowApopWithoutTls(boolean)} opts in; a greeting without a valid
   * timestamp fails the connection instead of falling back to USER/PASS.
   */
  APOP
}
