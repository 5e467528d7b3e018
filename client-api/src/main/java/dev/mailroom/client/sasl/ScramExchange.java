package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.internal.sasl.StrictBase64;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One SCRAM exchange (RFC 5802 §3, §5, §7): client-first, server-first, client-final, server-final.
 *
 * <p>The server-first message is validated before any proof is computed: its nonce must start with ours (§5.1 "r";
 * the grammar makes the server's part optional), the salt must be base64 (§5.1 "s") and the iteration count must
 * lie in [{@value #MIN_ITERATIONS}, {@value #MAX_ITERATIONS}] (RFC 7677 §4 asks for at least 4096; the ceiling
 * bounds the CPU a hostile server can make us spend). The exchange is complete only after the server-final message proved that the server knows the
 * salted password (§3, "ServerSignature"); a server error {@code e=} (§7) fails it.
 */
final class ScramExchange implements SaslExchange {
  static final int MIN_ITERATIONS = 4096;
  static final int MAX_ITERATIONS = 1_000_000;
  /** Bound on a server message; real ones are well under 1 KiB (SECURITY.md T18). */
  static final int MAX_SERVER_MESSAGE_BYTES = 8 * 1024;

  private enum State { AWAITING_SERVER_FIRST, AWAITING_SERVER_FINAL, VERIFIED, FAILED }

  private final Scram.Algorithm algorithm;
  private final String gs2Header;
  private final String clientFirstBare;
  private final String clientNonce;
  private byte[] password;
  private byte[] expectedServerSignature;
  private State state = State.AWAITING_SERVER_FIRST;

  ScramExchange(Scram.Algorithm algorithm, String username, String authorizationId, byte[] password,
      String clientNonce) {
    this.algorithm = algorithm;
    this.password = password;
    this.clientNonce = clientNonce;
    // gs2-header = gs2-cbind-flag "," [ authzid ] ","   with gs2-cbind-flag "n": no channel binding (§7)
    this.gs2Header = "n," + (authorizationId.isEmpty() ? "" : "a=" + saslName(authorizationId)) + ",";
    this.clientFirstBare = "n=" + saslName(username) + ",r=" + clientNonce;
  }

  /** RFC 5802 §5.1: in a saslname, "=" is sent as "=3D" and "," as "=2C". */
  static String saslName(String name) {
    return name.replace("=", "=3D").replace(",", "=2C");
  }

  /** RFC 5802 §7: printable = %x21-2B / %x2D-7E (printable ASCII except ","), at least one. */
  static boolean isPrintableNonce(String nonce) {
    if (nonce.isEmpty()) {
      return false;
    }
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      if (c < 0x21 || c > 0x7E || c == ',') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String mechanism() {
    return algorithm.mechanismName();
  }

  @Override
  public Optional<byte[]> initialResponse() {
    return Optional.of(SaslText.utf8(gs2Header + clientFirstBare));
  }

  @Override
  public byte[] evaluate(byte[] challenge) throws MailAuthenticationException {
    State current = state;
    state = State.FAILED; // until this step succeeds
    return switch (current) {
      case AWAITING_SERVER_FIRST -> {
        byte[] clientFinal = clientFinal(parse(challenge, "server-first"));
        state = State.AWAITING_SERVER_FINAL;
        yield clientFinal;
      }
      case AWAITING_SERVER_FINAL -> {
        verifyServerFinal(parse(challenge, "server-final"));
        state = State.VERIFIED;
        yield new byte[0];
      }
      case VERIFIED -> throw fail("unexpected challenge after the server-final message");
      case FAILED -> throw fail("the exchange has already failed");
    };
  }

  @Override
  public boolean isComplete() {
    return state == State.VERIFIED;
  }

  private byte[] clientFinal(List<String> serverFirst) throws MailAuthenticationException {
    // server-first-message = [reserved-mext ","] nonce "," salt "," iteration-count ["," extensions]
    if (serverFirst.get(0).startsWith("m=")) {
      throw fail("server-first requires an unsupported mandatory extension (RFC 5802 §5.1 \"m\")");
    }
    if (serverFirst.size() < 3) {
      throw fail("server-first needs r=, s= and i=");
    }
    String nonce = value(serverFirst.get(0), 'r', "server-first");
    if (!isPrintableNonce(nonce) || !nonce.startsWith(clientNonce)) {
      throw fail("the server nonce does not start with the client nonce (RFC 5802 §5.1 \"r\")");
    }
    byte[] salt = base64(value(serverFirst.get(1), 's', "server-first"), "salt");
    if (salt.length == 0) {
      throw fail("empty salt");
    }
    int iterations = iterationCount(value(serverFirst.get(2), 'i', "server-first"));

    // RFC 5802 §3: SaltedPassword, ClientKey, StoredKey, AuthMessage, ClientSignature, ClientProof, ServerKey.
    String clientFinalWithoutProof = "c=" + base64(gs2Header.getBytes(StandardCharsets.UTF_8)) + ",r=" + nonce;
    byte[] authMessage = SaslText.utf8(clientFirstBare + "," + String.join(",", serverFirst) + ","
        + clientFinalWithoutProof);
    byte[] saltedPassword = algorithm.hi(password, salt, iterations);
    forgetPassword();
    byte[] clientKey = algorithm.hmac(saltedPassword, SaslText.utf8("Client Key"));
    byte[] storedKey = algorithm.hash(clientKey);
    byte[] clientSignature = algorithm.hmac(storedKey, authMessage);
    byte[] clientProof = new byte[clientKey.length];
    for (int i = 0; i < clientProof.length; i++) {
      clientProof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
    }
    byte[] serverKey = algorithm.hmac(saltedPassword, SaslText.utf8("Server Key"));
    expectedServerSignature = algorithm.hmac(serverKey, authMessage);
    Arrays.fill(saltedPassword, (byte) 0);
    Arrays.fill(clientKey, (byte) 0);
    return SaslText.utf8(clientFinalWithoutProof + ",p=" + base64(clientProof));
  }

  private void verifyServerFinal(List<String> serverFinal) throws MailAuthenticationException {
    // server-final-message = (server-error / verifier) ["," extensions]
    String first = serverFinal.get(0);
    if (first.startsWith("e=")) {
      throw fail("the server reported \"" + SaslText.printable(first.substring(2), 64) + "\" (RFC 5802 §7)");
    }
    byte[] signature = base64(value(first, 'v', "server-final"), "server signature");
    if (!MessageDigest.isEqual(expectedServerSignature, signature)) {
      throw fail("the server signature does not verify: the server does not know the password"
          + " (RFC 5802 §3); refusing to trust it");
    }
  }

  private List<String> parse(byte[] message, String what) throws MailAuthenticationException {
    if (message.length > MAX_SERVER_MESSAGE_BYTES) {
      throw fail(what + " message of " + message.length + " bytes exceeds " + MAX_SERVER_MESSAGE_BYTES);
    }
    if (message.length == 0) {
      throw fail("empty " + what + " message");
    }
    String text = SaslText.decodeUtf8(message, mechanism() + " " + what + " message");
    List<String> attributes = new ArrayList<>(List.of(text.split(",", -1)));
    for (String attribute : attributes) {
      // attr-val = ALPHA "=" value
      if (attribute.length() < 2 || attribute.charAt(1) != '=' || !isAlpha(attribute.charAt(0))) {
        throw fail("malformed " + what + " message (attribute \"" + SaslText.printable(attribute, 32) + "\")");
      }
    }
    return attributes;
  }

  private String value(String attribute, char name, String what) throws MailAuthenticationException {
    if (attribute.charAt(0) != name) {
      throw fail("malformed " + what + " message: expected " + name + "=, got "
          + SaslText.printable(attribute.substring(0, 1), 1) + "=");
    }
    return attribute.substring(2);
  }

  private int iterationCount(String text) throws MailAuthenticationException {
    // posit-number = %x31-39 *DIGIT
    boolean digits = !text.isEmpty() && text.length() <= 9 && text.charAt(0) != '0'
        && text.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits) {
      throw fail("iteration count is not a positive decimal number");
    }
    int iterations = Integer.parseInt(text);
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw fail("iteration count " + iterations + " is outside [" + MIN_ITERATIONS + ", " + MAX_ITERATIONS + "]");
    }
    return iterations;
  }

  private byte[] base64(String text, String what) throws MailAuthenticationException {
    try {
      return StrictBase64.decode(text, MAX_SERVER_MESSAGE_BYTES);
    } catch (IllegalArgumentException e) {
      throw fail(what + " is not valid base64: " + e.getMessage());
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private void forgetPassword() {
    if (password != null) {
      Arrays.fill(password, (byte) 0);
      password = null;
    }
  }

  private MailAuthenticationException fail(String reason) {
    state = State.FAILED;
    forgetPassword();
    return new MailAuthenticationException(mechanism() + ": " + reason);
  }
}
