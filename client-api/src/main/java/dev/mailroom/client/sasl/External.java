package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;

/**
 * EXTERNAL (RFC 4422 Appendix A.1): the initial response is the UTF-8 authorization identity, empty to act as the
 * identity the server derives from the external credentials (the TLS client certificate). No challenges follow.
 */
final class External implements SaslMechanism {
  static final External INSTANCE = new External();

  private External() {
  }

  @Override
  public String name() {
    return "EXTERNAL";
  }

  @Override
  public boolean sendsInitialResponse() {
    return true;
  }

  @Override
  public boolean sendsSecretInClear() {
    return false;
  }

  @Override
  public boolean supports(Credentials credentials) {
    return credentials instanceof Credentials.External;
  }

  @Override
  public SaslExchange start(Credentials credentials, SaslContext context) throws MailAuthenticationException {
    if (!(credentials instanceof Credentials.External external)) {
      throw new IllegalArgumentException("EXTERNAL needs external credentials, got " + credentials);
    }
    if (external.authorizationId().indexOf('\0') >= 0) {
      throw new MailAuthenticationException("EXTERNAL: the authorization id must not contain NUL (RFC 4422 A.1)");
    }
    return new SingleMessageExchange(name(), SaslText.utf8(external.authorizationId()));
  }

  @Override
  public String toString() {
    return name();
  }
}
