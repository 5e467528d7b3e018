package dev.mailroom.client.sasl;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import java.io.IOException;

/** Fetches and checks an OAuth 2.0 bearer token for XOAUTH2 and OAUTHBEARER. */
final class BearerToken {
  private BearerToken() {
  }

  /**
   * Asks the token source for a token ({@code refresh = false}; the exchange driver asks for a fresh one itself) and
   * checks it is a {@code b64token} (RFC 6750 §2.1), so it cannot break the message framing. The message never
   * shows the token.
   */
  static String fetch(Credentials.OAuth2 oauth, String mechanism) throws IOException {
    String token = oauth.tokens().accessToken(false);
    if (token == null || !isB64Token(token)) {
      throw new MailAuthenticationException(mechanism + ": the token source returned "
          + (token == null ? "null" : "a token that is not a b64token (RFC 6750 §2.1)"));
    }
    return token;
  }

  /** b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
  static boolean isB64Token(String token) {
    int i = 0;
    while (i < token.length() && isB64TokenChar(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < token.length() && token.charAt(i) == '=') {
      i++;
    }
    return i == token.length();
  }

  private static boolean isB64TokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
