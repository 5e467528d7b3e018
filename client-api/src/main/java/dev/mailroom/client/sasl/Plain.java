package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.io.ByteArrayOutputStream;

/**
 * PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd} in UTF-8 (§2). The server prepares the
 * strings (SASLprep, §2), so they are sent as given.
 */
final class Plain extends BaseMechanism<Credentials.Password> {
  static final Plain INSTANCE = new Plain();

  private Plain() {
    super("PLAIN", CLIENT_FIRST, SECRET_IN_CLEAR, Credentials.Password.class, "password credentials");
  }

  @Override
  SaslExchange begin(Credentials.Password password, SaslContext context) throws MailAuthenticationException {
    // RFC 4616 §2: authcid and passwd are 1*SAFE, and no production may contain NUL.
    if (password.username().isEmpty() || password.password().isEmpty()) {
      throw new MailAuthenticationException("PLAIN needs a non-empty user name and password (RFC 4616 §2)");
    }
    if (password.username().indexOf('\0') >= 0 || password.authorizationId().indexOf('\0') >= 0
        || password.password().indexOf('\0') >= 0) {
      throw new MailAuthenticationException("PLAIN: user name, password and authorization id must not contain NUL");
    }
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes(SaslText.utf8(password.authorizationId()));
    message.write(0);
    message.writeBytes(SaslText.utf8(password.username()));
    message.write(0);
    message.writeBytes(SaslText.utf8(password.password()));
    return new SingleMessageExchange(name(), message.toByteArray());
  }
}
