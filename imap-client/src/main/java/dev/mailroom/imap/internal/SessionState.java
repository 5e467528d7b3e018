package dev.mailroom.imap.internal;

import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import dev.mailroom.imap.internal.wire.LiteralMode;
import java.util.Set;

/** What the reader and the command families share about a session: capabilities, TLS, enabled extensions. */
final class SessionState {
  private final LineTransport transport;
  private volatile Set<Capability> capabilities = Set.of();
  private volatile boolean utf8;
  private volatile boolean rev2;
  private volatile boolean qresync;

  SessionState(LineTransport transport) {
    this.transport = transport;
  }

  Set<Capability> capabilities() {
    return capabilities;
  }

  void capabilities(Set<Capability> value) {
    capabilities = Set.copyOf(value);
  }

  boolean has(Capability c) {
    return capabilities.contains(c);
  }

  /** Whether data from the server may be trusted: TLS is up, or the endpoint never asked for it (T07, T09). */
  boolean trusted() {
    return transport.isTlsActive() || !transport.options().endpoint().requiresTls();
  }

  boolean utf8() {
    return utf8;
  }

  void utf8(boolean value) {
    utf8 = value;
  }

  boolean rev2() {
    return rev2;
  }

  void rev2(boolean value) {
    rev2 = value;
  }

  /** Whether {@code ENABLE QRESYNC} succeeded (RFC 7162 §3.2.3): VANISHED replaces EXPUNGE from then on. */
  boolean qresync() {
    return qresync;
  }

  void qresync(boolean value) {
    qresync = value;
  }

  LiteralMode literalMode() {
    if (has(Capability.LITERAL_PLUS)) {
      return LiteralMode.PLUS;
    }
    if (has(Capability.LITERAL_MINUS) || rev2) {
      return LiteralMode.MINUS;
    }
    return LiteralMode.SYNCHRONIZING;
  }

  /** A new encoder for {@code name} with the current literal mode and name encoding. */
  ImapEncoder encoder(String name) {
    return new ImapEncoder(name, literalMode(), utf8);
  }

  LineTransport transport() {
    return transport;
  }
}
