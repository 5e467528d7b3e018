package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.io.IOException;

/**
 * OAUTHBEARER (RFC 7628): the initial response (§3.1) is a GS2 header naming the user, then key/value pairs each
 * ended by ^A (U+0001): {@code n,a=user,^Ahost=imap.example.org^Aport=993^Aauth=Bearer token^A^A}. The host and port
 * pairs are left out when the {@link SaslContext} does not know them. On failure the server sends a JSON error as a
 * challenge and the client answers with a single ^A (§3.2.3); the server then fails the exchange.
 */
final class OAuthBearer extends BaseMechanism<Credentials.OAuth2> {
  static final OAuthBearer INSTANCE = new OAuthBearer();
  private static final String KVSEP = "\u0001";

  private OAuthBearer() {
    super("OAUTHBEARER", CLIENT_FIRST, SECRET_IN_CLEAR, Credentials.OAuth2.class, "OAuth 2.0 credentials");
  }

  @Override
  SaslExchange begin(Credentials.OAuth2 oauth, SaslContext context) throws IOException {
    if (SaslText.indexOfControl(oauth.username()) >= 0) {
      throw new MailAuthenticationException("OAUTHBEARER: the user name contains a control character");
    }
    String token = BearerToken.fetch(oauth, name());
    StringBuilder message = new StringBuilder("n,");
    if (!oauth.username().isEmpty()) {
      message.append("a=").append(ScramExchange.saslName(oauth.username())); // RFC 5801 saslname escaping
    }
    message.append(',').append(KVSEP);
    if (!context.host().isEmpty()) {
      message.append("host=").append(context.host()).append(KVSEP);
    }
    if (context.port() != 0) {
      message.append("port=").append(context.port()).append(KVSEP);
    }
    message.append("auth=Bearer ").append(token).append(KVSEP).append(KVSEP);
    return new BearerExchange(name(), SaslText.utf8(message.toString()), SaslText.utf8(KVSEP));
  }
}
