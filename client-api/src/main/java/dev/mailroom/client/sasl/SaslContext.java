package dev.mailroom.client.sasl;

import java.util.Objects;

/**
 * What a mechanism may need to know about the connection it authenticates.
 *
 * @param host the host name the client connected to (OAUTHBEARER sends it, RFC 7628 §3.1); may be empty
 * @param port the port the client connected to, or 0 if unknown
 * @param secure whether secrets may cross this connection: it is protected by TLS, or the caller explicitly accepted
 *     cleartext (SECURITY.md T13). When false, mechanisms that {@linkplain SaslMechanism#sendsSecretInClear send the
 *     secret in clear} are never used.
 */
public record SaslContext(String host, int port, boolean secure) {
  public SaslContext {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        throw new IllegalArgumentException("host contains a space, control or non-ASCII character at " + i);
      }
    }
  }

  /** Same as the constructor. */
  public static SaslContext of(String host, int port, boolean secure) {
    return new SaslContext(host, port, secure);
  }
}
