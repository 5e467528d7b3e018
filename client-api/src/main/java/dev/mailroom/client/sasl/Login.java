package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * LOGIN (draft-murchison-sasl-login): the server speaks first; the client answers the first challenge
 * ({@code "Username:"}) with the user name and the second ({@code "Password:"}) with the password, both UTF-8.
 * There is no authorization identity, so passwords that ask for one are not {@linkplain #supports supported}.
 */
final class Login extends PasswordOnlyMechanism {
  static final Login INSTANCE = new Login();

  private Login() {
    super("LOGIN", SECRET_IN_CLEAR);
  }

  @Override
  SaslExchange exchange(String username, String password) {
    return new LoginExchange(name(), username, password);
  }

  private static final class LoginExchange extends BaseExchange {
    private final String username;
    private final String password;
    private int answered;

    LoginExchange(String mechanism, String username, String password) {
      super(mechanism, null);
      this.username = username;
      this.password = password;
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
      if (failed() || answered == 2) {
        throw fail("unexpected third challenge");
      }
      if (answered == 1 && asksForUserName(challenge)) {
        // Answering a repeated user-name prompt with the password would put the password where servers log names.
        throw fail("server asked for the user name twice");
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
      return answered == 2 && !failed();
    }
  }
}
