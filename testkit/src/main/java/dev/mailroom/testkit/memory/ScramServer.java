package dev.mailroom.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding: it derives the salted password
 * from the stored plain password with a fresh salt per exchange, checks the client proof and produces the server
 * signature. Passwords are used as stored (callers pass NFC text; SASLprep is the identity for such passwords).
 */
final class ScramServer {
  static final int ITERATIONS = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InMemoryMailServer server;
  private String gs2Header;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;
  private String user;
  private byte[] saltedPassword;

  ScramServer(InMemoryMailServer server) {
    this.server = server;
  }

  /** Handles client-first-message; returns server-first-message, or empty to fail (unknown user, bad syntax). */
  Optional<String> first(String clientFirst) {
    String[] parts = clientFirst.split(",", 3);
    if (parts.length != 3 || !(parts[0].equals("n") || parts[0].equals("y")) || !parts[1].isEmpty()) {
      return Optional.empty(); // channel binding ("p=") and authzid are not supported
    }
    gs2Header = parts[0] + ",,";
    clientFirstBare = parts[2];
    Map<String, String> attributes = attributes(clientFirstBare);
    String name = attributes.get("n");
    String clientNonce = attributes.get("r");
    if (name == null || clientNonce == null || clientNonce.isEmpty()) {
      return Optional.empty();
    }
    user = server.loginName(name.replace("=2C", ",").replace("=3D", "="));
    Optional<String> password = server.store().password(user);
    if (password.isEmpty()) {
      return Optional.empty();
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] serverNonce = new byte[18];
    RANDOM.nextBytes(serverNonce);
    nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
    saltedPassword = pbkdf2(password.get(), salt);
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
    return Optional.of(serverFirst);
  }

  /** Handles client-final-message; returns server-final-message ({@code v=...}) if the proof is right. */
  Optional<String> last(String clientFinal) {
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0 || saltedPassword == null) {
      return Optional.empty();
    }
    String withoutProof = clientFinal.substring(0, proofAt);
    Map<String, String> attributes = attributes(withoutProof);
    String binding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    if (!binding.equals(attributes.get("c")) || !nonce.equals(attributes.get("r"))) {
      return Optional.empty();
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    byte[] storedKey = sha256(hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII)));
    byte[] signature = hmac(storedKey, authMessage);
    if (proof.length != signature.length) {
      return Optional.empty();
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ signature[i]);
    }
    if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
      return Optional.empty();
    }
    byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
    return Optional.of("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)));
  }

  /** One challenge/response round trip on a protocol's wire; empty when the client cancelled with {@code *}. */
  interface Challenger {
    Optional<String> challenge(String base64) throws java.io.IOException;
  }

  /**
   * Runs a whole exchange (client-first, server-first, client-final, server-final, empty acknowledgement).
   *
   * @return the authenticated user; empty on failure or cancellation
   */
  static Optional<String> exchange(InMemoryMailServer server, Optional<String> initial, Challenger wire)
      throws java.io.IOException {
    Optional<String> first = initial.isPresent() ? initial : wire.challenge("");
    ScramServer scram = new ScramServer(server);
    Optional<String> serverFirst = first.flatMap(SaslPlain::base64).map(ScramServer::utf8).flatMap(scram::first);
    if (serverFirst.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> serverFinal = wire.challenge(SaslPlain.encode(serverFirst.get()))
        .flatMap(SaslPlain::base64).map(ScramServer::utf8).flatMap(scram::last);
    if (serverFinal.isEmpty()) {
      return Optional.empty();
    }
    return wire.challenge(SaslPlain.encode(serverFinal.get())).map(ack -> scram.user());
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The authenticated user, after a successful {@link #last}. */
  String user() {
    return user;
  }

  private static Map<String, String> attributes(String message) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(1) == '=') {
        map.putIfAbsent(part.substring(0, 1), part.substring(2));
      }
    }
    return map;
  }

  private static byte[] pbkdf2(String password, byte[] salt) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is a standard JDK algorithm", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is a standard JDK algorithm", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is a standard JDK algorithm", e);
    }
  }
}
