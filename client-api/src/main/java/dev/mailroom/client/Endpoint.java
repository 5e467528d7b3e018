package dev.mailroom.client;

import java.util.Objects;

/**
 * Where a client connects and how the connection is protected.
 *
 * <pre>{@code
 * Endpoint imaps = Endpoint.implicitTls("imap.example.org", 993);
 * Endpoint submission = Endpoint.startTls("smtp.example.org", 587);
 * Endpoint local = Endpoint.plain("127.0.0.1", 10143);                          // credentials allowed: loopback
 * Endpoint legacy = Endpoint.plain("mail.lan", 110).allowingCleartextCredentials(); // explicit opt-in
 * }</pre>
 *
 * @param host a host name or IP literal, without brackets
 * @param port 1 to 65535
 * @param security how the connection is protected
 * @param cleartextCredentialsAllowed whether credentials may be sent over a {@link Security#PLAIN} connection to a
 *     host that is not a loopback address (SECURITY.md T13); false unless the caller opts in
 */
public record Endpoint(String host, int port, Security security, boolean cleartextCredentialsAllowed) {
  public Endpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    if (host.isEmpty() || host.length() > 253) {
      throw new IllegalArgumentException("host must be 1 to 253 characters");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '/' || c == '@' || c == '[' || c == ']') {
        throw new IllegalArgumentException("host contains a character that is not allowed: U+"
            + String.format("%04X", (int) c));
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535: " + port);
    }
    if (cleartextCredentialsAllowed && security != Security.PLAIN) {
      throw new IllegalArgumentException("cleartextCredentialsAllowed only applies to Security.PLAIN");
    }
  }

  /** TLS from the first byte. */
  public static Endpoint implicitTls(String host, int port) {
    return new Endpoint(host, port, Security.IMPLICIT_TLS, false);
  }

  /** Cleartext upgraded with STARTTLS/STLS, which is required. */
  public static Endpoint startTls(String host, int port) {
    return new Endpoint(host, port, Security.STARTTLS, false);
  }

  /** No TLS. Credentials only to loopback unless {@link #allowingCleartextCredentials()} is used. */
  public static Endpoint plain(String host, int port) {
    return new Endpoint(host, port, Security.PLAIN, false);
  }

  /**
   * A copy of this {@link Security#PLAIN} endpoint that may send credentials in cleartext to a host that is not a
   * loopback address. Anyone on the path can read them: use only on networks you trust.
   */
  public Endpoint allowingCleartextCredentials() {
    if (security != Security.PLAIN) {
      throw new IllegalStateException("only a PLAIN endpoint can allow cleartext credentials");
    }
    return new Endpoint(host, port, security, true);
  }

  /** Whether TLS must be active before anything but the greeting and STARTTLS is exchanged. */
  public boolean requiresTls() {
    return security != Security.PLAIN;
  }

  @Override
  public String toString() {
    return host + ":" + port + " (" + security + (cleartextCredentialsAllowed ? ", cleartext credentials" : "") + ")";
  }
}
