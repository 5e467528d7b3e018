package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * LOGIN (draft-murchison-sasl-login): the server speaks first; the client answers the first challenge
 * ({@code "Username:"}) with the user name and the second ({@code "Password:"}) with the password, both UTF-8.
 * There is no authorization identity, so passwords that ask for one are not {@linkplain #supports supported}.
 */
final class Login implements SaslMechanism {
  static final Login INSTANCE = new Login();

  private Login() {
  }

  @Override
  public String name() {
    return "LOGIN";
  }

  @Override
  public boolean sendsInitialResponse() {
    return false;
  }

  @Override
  public boolean sendsSecretInClear() {
    return true;
  }

  @Override
  public boolean supports(Credentials credentials) {
    return credentials instanceof Credentials.Password password && password.authorizationId().isEmpty();
  }

  @Override
  public SaslExchange start(Credentials credentials, SaslContext context) throws MailAuthenticationException {
    if (!supports(credentials)) {
      throw new IllegalArgumentException("LOGIN needs password credentials without authorization id");
    }
    Credentials.Password password = (Credentials.Password) credentials;
    if (password.username().isEmpty() || password.password().isEmpty()) {
      throw new MailAuthenticationException("LOGIN needs a non-empty user name and password");
    }
    return new LoginExchange(password.username(), password.password());
  }

  @Override
  public String toString() {
    return name();
  }

  private static final class LoginExchange implements SaslExchange {
    private final String username;
    private final String password;
    private int answered;
    private boolean failed;

    LoginExchange(String username, String password) {
      this.username = username;
      this.password = password;
    }

    @Override
    public String mechanism() {
      return "LOGIN";
    }

    @Override
    public Optional<byte[]> initialResponse() {
      return Optional.empty();
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
      if (failed || answered == 2) {
        failed = true;
        throw new MailAuthenticationException("LOGIN: unexpected third challenge");
      }
      if (answered == 1 && asksForUserName(challenge)) {
        // Answering a repeated user-name prompt with the password would put the password where servers log names.
        failed = true;
        throw new MailAuthenticationException("LOGIN: server asked for the user name twice");
      }
      answered++;
      return SaslText.utf8(answered == 1 ? username : password);
    }

    private static boolean asksForUserName(byte[] challenge) {
      String prompt = new String(challenge, StandardCharsets.US_ASCII).trim().toLowerCase(Locale.ROOT);
      return prompt.startsWith("user");
    }

    @Override
    public boolean isComplete() {
      return answered == 2 && !failed;
    }
  }
}
