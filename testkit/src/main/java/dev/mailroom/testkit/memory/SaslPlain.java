package dev.mailroom.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Server-side SASL PLAIN (RFC 4616) and the LOGIN mechanism's base64 fields, shared by the three sessions. */
final class SaslPlain {
  /** The decoded PLAIN message. */
  record Response(String authorizationId, String user, String password) {
  }

  private SaslPlain() {
  }

  /** Decodes base64; empty if it is not valid base64 or not three NUL-separated UTF-8 fields. */
  static Optional<Response> decode(String base64) {
    Optional<byte[]> raw = base64(base64);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String text = new String(raw.get(), StandardCharsets.UTF_8);
    String[] parts = text.split("\u0000", -1);
    if (parts.length != 3 || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Response(parts[0], parts[1], parts[2]));
  }

  static Optional<byte[]> base64(String text) {
    try {
      return Optional.of(Base64.getDecoder().decode(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks a PLAIN response against the store: the authorization id must be empty or the user itself.
   *
   * @return the canonical user name
   */
  static Optional<String> authenticate(InMemoryMailServer server, Response r) {
    String user = server.loginName(r.user());
    if (!r.authorizationId().isEmpty() && !server.loginName(r.authorizationId()).equalsIgnoreCase(user)) {
      return Optional.empty();
    }
    return server.store().authenticate(user, r.password());
  }
}
