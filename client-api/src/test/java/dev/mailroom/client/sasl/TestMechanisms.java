package dev.mailroom.client.sasl;

/** Test access to package-private hooks, for tests in other packages (the exchange driver's). */
public final class TestMechanisms {
  private TestMechanisms() {
  }

  /** SCRAM-SHA-256 with a fixed client nonce, to replay RFC 7677 §3. */
  public static SaslMechanism scramSha256WithNonce(String nonce) {
    return new Scram(Scram.Algorithm.SHA_256, () -> nonce);
  }
}
