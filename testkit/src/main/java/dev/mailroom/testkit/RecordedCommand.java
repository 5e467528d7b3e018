package dev.mailroom.testkit;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line the client sent, exactly as it arrived.
 *
 * @param connectionIndex the connection's index on its server (0 for the first)
 * @param sequenceNumber the position of this line among the lines and payloads read on its connection (0 for the first)
 * @param bytes the raw bytes including the line ending; copied in and out
 * @param line the bytes without the ending ({@code CRLF} or bare {@code LF}) decoded as UTF-8 (malformed input
 *     replaced); a lone CR inside the line is kept
 * @param ending how the line ended
 * @param tls whether the connection was TLS when the line was read
 */
public record RecordedCommand(int connectionIndex, int sequenceNumber, byte[] bytes, String line, LineEnding ending,
    boolean tls) {
  /** Copies the bytes and checks the arguments. */
  public RecordedCommand {
    bytes = bytes.clone();
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(ending, "ending");
  }

  /** Returns a copy of the raw bytes, including the line ending. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedCommand c && connectionIndex == c.connectionIndex
        && sequenceNumber == c.sequenceNumber && Arrays.equals(bytes, c.bytes) && ending == c.ending && tls == c.tls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectionIndex, sequenceNumber, Arrays.hashCode(bytes), ending, tls);
  }

  @Override
  public String toString() {
    return "RecordedCommand[" + Bytes.escape(bytes) + ", connection " + connectionIndex + " #" + sequenceNumber
        + (tls ? ", tls" : "") + "]";
  }
}
