package dev.mailroom.client.internal.transport;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailSecurityException;
import java.net.InetAddress;

/**
 * Whether credentials may be sent now (SECURITY.md T13): always under TLS; without TLS only to a loopback address
 * (decided on the address actually connected to, not on the name) or when the caller opted in with
 * {@link Endpoint#allowingCleartextCredentials()}.
 */
public final class CleartextPolicy {
  private CleartextPolicy() { }

  public static void checkCredentialsAllowed(Endpoint endpoint, InetAddress remote, boolean tlsActive)
      throws MailSecurityException {
    if (tlsActive) {
      return;
    }
    if (endpoint.requiresTls()) {
      throw new MailSecurityException("refusing to send credentials before TLS is established with "
          + endpoint.host());
    }
    if (endpoint.cleartextCredentialsAllowed() || (remote != null && remote.isLoopbackAddress())) {
      return;
    }
    throw new MailSecurityException("refusing to send credentials in cleartext to " + endpoint.host()
        + " (" + (remote == null ? "unknown address" : remote.getHostAddress()) + "): use TLS, or opt in with"
        + " Endpoint.allowingCleartextCredentials()");
  }
}
