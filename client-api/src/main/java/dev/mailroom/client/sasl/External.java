package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;

/**
 * EXTERNAL (RFC 4422 Appendix A.1): the initial response is the UTF-8 authorization identity, empty to act as the
 * identity the server derives from the external credentials (the TLS client certificate). No challenges follow.
 */
final class External extends BaseMechanism<Credentials.External> {
  static final External INSTANCE = new External();

  private External() {
    super("EXTERNAL", CLIENT_FIRST, NO_SECRET_IN_CLEAR, Credentials.External.class, "external credentials");
  }

  @Override
  SaslExchange begin(Credentials.External external, SaslContext context) throws MailAuthenticationException {
    if (external.authorizationId().indexOf('\0') >= 0) {
      throw new MailAuthenticationException("EXTERNAL: the authorization id must not contain NUL (RFC 4422 A.1)");
    }
    return new SingleMessageExchange(name(), SaslText.utf8(external.authorizationId()));
  }
}
