package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.io.IOException;

/**
 * XOAUTH2, Google's SASL format for OAuth 2.0 bearer tokens: the initial response is
 * {@code "user=" user ^A "auth=Bearer " token ^A ^A} (^A is U+0001). When the token is refused the server sends a
 * JSON error as a challenge, the client answers with an empty response, and the server then fails the exchange.
 * The token must be a b64token (RFC 6750 §2.1).
 */
final class XOAuth2 extends BaseMechanism<Credentials.OAuth2> {
  static final XOAuth2 INSTANCE = new XOAuth2();

  private XOAuth2() {
    super("XOAUTH2", CLIENT_FIRST, SECRET_IN_CLEAR, Credentials.OAuth2.class, "OAuth 2.0 credentials");
  }

  @Override
  SaslExchange begin(Credentials.OAuth2 oauth, SaslContext context) throws IOException {
    if (oauth.username().isEmpty() || SaslText.indexOfControl(oauth.username()) >= 0) {
      throw new MailAuthenticationException("XOAUTH2: the user name is empty or contains a control character");
    }
    String token = BearerToken.fetch(oauth, name());
    byte[] message = SaslText.utf8("user=" + oauth.username() + "\u0001auth=Bearer " + token + "\u0001\u0001");
    return new BearerExchange(name(), message, new byte[0]);
  }
}
