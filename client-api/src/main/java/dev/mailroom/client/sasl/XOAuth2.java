package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.io.IOException;

/**
 * XOAUTH2, Google's SASL format for OAuth 2.0 bearer tokens: the initial response is
 * {@code "user=" user ^A "auth=Bearer " token ^A ^A} (^A is U+0001). When the token is refused the server sends a
 * JSON error as a challenge, the client answers with an empty response, and the server then fails the exchange.
 */
final class XOAuth2 implements SaslMechanism {
  static final XOAuth2 INSTANCE = new XOAuth2();

  private XOAuth2() {
  }

  @Override
  public String name() {
    return "XOAUTH2";
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
      throw new IllegalArgumentException("XOAUTH2 needs OAuth 2.0 credentials, got " + credentials);
    }
    if (oauth.username().isEmpty() || SaslText.indexOfControl(oauth.username()) >= 0) {
      throw new MailAuthenticationException("XOAUTH2: the user name is empty or contains a control character");
    }
    String token = BearerToken.fetch(oauth, name());
    byte[] message = SaslText.utf8("user=" + oauth.username() + "\u0001auth=Bearer " + token + "\u0001\u0001");
    return new BearerExchange(name(), message, new byte[0]);
  }

  @Override
  public String toString() {
    return name();
  }
}
