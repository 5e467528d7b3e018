package dev.mailroom.client;

import java.util.Objects;

/**
 * What a client proves its identity with. Secrets never appear in {@code toString()}, exception messages or the
 * protocol trace.
 *
 * <pre>{@code
 * Credentials alice = Credentials.password("alice", "alice-pw");
 * Credentials carol = Credentials.password("carol", "pässwörd");         // SASLprep'd for SCRAM
 * Credentials bob   = Credentials.oauth2("bob@example.org", refresh -> tokenFor("bob", refresh));
 * }</pre>
 */
public sealed interface Credentials
    permits Credentials.Password, Credentials.OAuth2, Credentials.External, Credentials.Anonymous {

  /** A user name and password, optionally acting as another identity ({@code authorizationId}, may be empty). */
  static Password password(String username, String password) {
    return new Password(username, password, "");
  }

  /** OAuth 2.0 bearer tokens for XOAUTH2 / OAUTHBEARER. */
  static OAuth2 oauth2(String username, OAuth2TokenSource tokens) {
    return new OAuth2(username, tokens);
  }

  /** SASL EXTERNAL: the identity comes from the TLS client certificate; {@code authorizationId} may be empty. */
  static External external(String authorizationId) {
    return new External(authorizationId);
  }

  /** SASL ANONYMOUS with optional trace information (RFC 4505). */
  static Anonymous anonymous(String trace) {
    return new Anonymous(trace);
  }

  /** The user name this credential authenticates as, or the empty string. */
  String username();

  /** A user name and password. */
  record Password(String username, String password, String authorizationId) implements Credentials {
    public Password {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(authorizationId, "authorizationId");
    }

    /** A copy that asks to act as {@code authorizationId} (SASL authzid). */
    public Password actingAs(String authorizationId) {
      return new Password(username, password, authorizationId);
    }

    @Override
    public String toString() {
      return "Password[username=" + username + ", password=<redacted>"
          + (authorizationId.isEmpty() ? "" : ", authorizationId=" + authorizationId) + "]";
    }
  }

  /** A user name and an OAuth 2.0 token source. */
  record OAuth2(String username, OAuth2TokenSource tokens) implements Credentials {
    public OAuth2 {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public String toString() {
      return "OAuth2[username=" + username + ", tokens=<redacted>]";
    }
  }

  /** SASL EXTERNAL. */
  record External(String authorizationId) implements Credentials {
    public External {
      Objects.requireNonNull(authorizationId, "authorizationId");
    }

    @Override
    public String username() {
      return authorizationId;
    }
  }

  /** SASL ANONYMOUS. */
  record Anonymous(String trace) implements Credentials {
    public Anonymous {
      Objects.requireNonNull(trace, "trace");
    }

    @Override
    public String username() {
      return "";
    }
  }
}
