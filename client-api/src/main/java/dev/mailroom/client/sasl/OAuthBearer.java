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
final class OAuthBearer implements SaslMechanism {
  static final OAuthBearer INSTANCE = new OAuthBearer();
  private static final String KVSEP = "\u0001";

  private OAuthBearer() {
  }

  @Override
  public String name() {
    return "OAUTHBEARER";
  }

  @Override
  public boolean sendsInitialResponse() {
    return true;
  }

  @Override
  public boolean sendsSecretInClear() {
    return true;
  }

  @Override
  public boolean supports(Credentials credentials) {
    return credentials instanceof Credentials.OAuth2;
  }

  @Override
  public SaslExchange start(Credentials credentials, SaslContext context) throws IOException {
    if (!(credentials instanceof Credentials.OAuth2 oauth)) {
      throw new IllegalArgumentException("OAUTHBEARER needs OAuth 2.0 credentials, got " + credentials);
    }
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

  @Override
  public String toString() {
    return name();
  }
}
