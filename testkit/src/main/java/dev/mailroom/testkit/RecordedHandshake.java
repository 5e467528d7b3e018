package dev.mailroom.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One server-side TLS handshake attempt: implicit TLS on connect, or after a reply with
 * {@link MockReply#thenStartTls()}.
 *
 * <p>{@link #bytesBeforeHandshake()} holds every byte the client sent after the go-ahead and before the first byte of
 * its ClientHello (a TLS handshake record starts with {@code 0x16}), including bytes the client had pipelined behind
 * {@code STARTTLS<CRLF>}. A correct client sends none (SECURITY.md T12). If the client closed without a ClientHello,
 * they are all the bytes it sent.
 *
 * @param connectionIndex the connection's index on its server
 * @param implicit true for implicit TLS on connect, false for an upgrade after a go-ahead
 * @param bytesBeforeHandshake what the client sent before its ClientHello; copied in and out
 * @param succeeded whether the handshake completed
 * @param protocol the negotiated protocol, for instance {@code "TLSv1.3"}; empty if it failed
 * @param cipherSuite the negotiated cipher suite; empty if it failed
 * @param serverNames the SNI host names the client sent (recorded even if the handshake then failed)
 * @param failure why the handshake failed; empty if it succeeded
 */
public record RecordedHandshake(int connectionIndex, boolean implicit, byte[] bytesBeforeHandshake, boolean succeeded,
    String protocol, String cipherSuite, List<String> serverNames, String failure) {
  /** Copies the collections and checks the arguments. */
  public RecordedHandshake {
    bytesBeforeHandshake = bytesBeforeHandshake.clone();
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    serverNames = List.copyOf(serverNames);
    Objects.requireNonNull(failure, "failure");
  }

  /** Returns a copy of the bytes the client sent before its ClientHello. */
  @Override
  public byte[] bytesBeforeHandshake() {
    return bytesBeforeHandshake.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedHandshake h && connectionIndex == h.connectionIndex && implicit == h.implicit
        && Arrays.equals(bytesBeforeHandshake, h.bytesBeforeHandshake) && succeeded == h.succeeded
        && protocol.equals(h.protocol) && cipherSuite.equals(h.cipherSuite) && serverNames.equals(h.serverNames)
        && failure.equals(h.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectionIndex, implicit, Arrays.hashCode(bytesBeforeHandshake), succeeded, protocol,
        cipherSuite, serverNames, failure);
  }

  @Override
  public String toString() {
    return "RecordedHandshake[connection " + connectionIndex + (implicit ? ", implicit" : ", upgrade")
        + ", before=" + Bytes.escape(bytesBeforeHandshake)
        + (succeeded ? ", " + protocol + " " + cipherSuite : ", failed: " + failure)
        + (serverNames.isEmpty() ? "" : ", sni=" + serverNames) + "]";
  }
}
