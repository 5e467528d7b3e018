package dev.mailroom.client;

import java.io.IOException;

/**
 * Supplies OAuth 2.0 access tokens for XOAUTH2 and OAUTHBEARER. When the server rejects a token, Mailroom asks once
 * more with {@code refresh = true} and retries the exchange once; a second rejection is final.
 *
 * <pre>{@code
 * OAuth2TokenSource tokens = refresh -> refresh ? myOAuthClient.refreshAccessToken() : myOAuthClient.accessToken();
 * Credentials credentials = Credentials.oauth2("alice@example.org", tokens);
 * }</pre>
 */
@FunctionalInterface
public interface OAuth2TokenSource {
  /**
   * Returns an access token.
   *
   * @param refresh true when the previous token was rejected and a fresh one is needed
   */
  String accessToken(boolean refresh) throws IOException;
}
