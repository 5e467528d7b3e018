package dev.mailroom.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailSecurityException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** SECURITY.md T13: credentials cross cleartext only to loopback or after an explicit opt-in. */
class CleartextPolicyTest {
  private static final InetAddress REMOTE = address(10, 0, 0, 7);
  private static final InetAddress LOOPBACK = address(127, 0, 0, 1);

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void plainToARemoteHostIsRefusedT13() {
    MailSecurityException e = assertThrows(MailSecurityException.class,
        () -> CleartextPolicy.checkCredentialsAllowed(Endpoint.plain("mail.example.org", 143), REMOTE, false));
    assertTrue(e.getMessage().contains("allowingCleartextCredentials"), e.getMessage());
  }

  @Test
  void theDecisionIsOnTheAddressNotTheName() {
    // a name that looks local but resolved elsewhere does not count as loopback
    assertThrows(MailSecurityException.class,
        () -> CleartextPolicy.checkCredentialsAllowed(Endpoint.plain("localhost", 143), REMOTE, false));
    assertDoesNotThrow(
        () -> CleartextPolicy.checkCredentialsAllowed(Endpoint.plain("mail.example.org", 143), LOOPBACK, false));
  }

  @Test
  void explicitOptInAllowsCleartext() {
    assertDoesNotThrow(() -> CleartextPolicy.checkCredentialsAllowed(
        Endpoint.plain("mail.example.org", 143).allowingCleartextCredentials(), REMOTE, false));
  }

  @Test
  void tlsAlwaysAllows() {
    assertDoesNotThrow(
        () -> CleartextPolicy.checkCredentialsAllowed(Endpoint.startTls("mail.example.org", 143), REMOTE, true));
  }

  @Test
  void startTlsEndpointBeforeTheUpgradeIsRefusedEvenOnLoopback() {
    assertThrows(MailSecurityException.class,
        () -> CleartextPolicy.checkCredentialsAllowed(Endpoint.startTls("localhost", 143), LOOPBACK, false));
  }
}
