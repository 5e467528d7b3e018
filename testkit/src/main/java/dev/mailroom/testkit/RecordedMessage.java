package dev.mailroom.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message body a {@link MockSmtpServer} received, as the client meant it.
 *
 * @param connectionIndex the connection's index on its server
 * @param bytes the body: for DATA, the dot-terminated payload un-stuffed and without the final {@code .<CRLF>}; for
 *     BDAT, the chunks of the transaction concatenated; copied in and out
 * @param transactionCommands the transaction's command lines in order: {@code MAIL}, each {@code RCPT}, then
 *     {@code DATA} or every {@code BDAT} (only those that arrived since the last {@code MAIL}, {@code RSET},
 *     {@code EHLO}, {@code HELO} or {@code STARTTLS} on the connection)
 * @param viaBdat true if the body came in {@code BDAT} chunks, false for {@code DATA}
 * @param tls whether the connection was TLS when the body ended
 */
public record RecordedMessage(int connectionIndex, byte[] bytes, List<RecordedCommand> transactionCommands,
    boolean viaBdat, boolean tls) {
  /** Copies the arguments. */
  public RecordedMessage {
    bytes = bytes.clone();
    transactionCommands = List.copyOf(transactionCommands);
  }

  /** Returns a copy of the body. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the body decoded as UTF-8 (malformed input replaced), for assertions on text messages. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedMessage m && connectionIndex == m.connectionIndex && Arrays.equals(bytes, m.bytes)
        && transactionCommands.equals(m.transactionCommands) && viaBdat == m.viaBdat && tls == m.tls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectionIndex, Arrays.hashCode(bytes), transactionCommands, viaBdat, tls);
  }

  @Override
  public String toString() {
    return "RecordedMessage[" + bytes.length + " bytes via " + (viaBdat ? "BDAT" : "DATA") + ", connection "
        + connectionIndex + (tls ? ", tls" : "") + "]";
  }
}
