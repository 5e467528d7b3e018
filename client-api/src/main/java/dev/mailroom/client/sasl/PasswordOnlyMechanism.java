package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;

/**
 * LOGIN and CRAM-MD5: server-first mechanisms whose messages carry a user name and a password and nothing else. With
 * no room for an authorization identity they do not {@linkplain #supports support} passwords that ask for one, and
 * they need a non-empty user name and password.
 */
abstract class PasswordOnlyMechanism extends BaseMechanism<Credentials.Password> {
  private static final String REQUIREMENT = "password credentials without authorization id";

  PasswordOnlyMechanism(String name, boolean secretInClear) {
    super(name, SERVER_FIRST, secretInClear, Credentials.Password.class, REQUIREMENT);
  }

  @Override
  final boolean accepts(Credentials.Password password) {
    return password.authorizationId().isEmpty();
  }

  @Override
  final String refusal(Credentials credentials) {
    return name() + " needs " + REQUIREMENT;
  }

  @Override
  final SaslExchange begin(Credentials.Password password, SaslContext context) throws MailAuthenticationException {
    if (password.username().isEmpty() || password.password().isEmpty()) {
      throw new MailAuthenticationException(name() + " needs a non-empty user name and password");
    }
    return exchange(password.username(), password.password());
  }

  /** Begins one exchange for a non-empty user name and password. */
  abstract SaslExchange exchange(String username, String password) throws MailAuthenticationException;
}
