package dev.mailroom.testkit;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A snapshot of one accepted connection, given to the {@link Dispatcher}.
 *
 * @param index the connection's index on its server: 0 for the first accepted connection
 * @param remoteAddress the client's address
 * @param tls whether the connection was TLS when the snapshot was taken
 */
public record ConnectionInfo(int index, InetSocketAddress remoteAddress, boolean tls) {
  /** Checks the arguments. */
  public ConnectionInfo {
    if (index < 0) throw new IllegalArgumentException("index < 0");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }
}
