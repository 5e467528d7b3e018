package dev.mailroom.testkit;

import java.util.Arrays;
import java.util.Objects;

/**
 * A payload the client sent after a reply that asked for one ({@link MockReply#thenReadDotTerminated()},
 * {@link MockReply#thenReadExactly(long)}).
 *
 * <p>For {@link Framing#DOT_TERMINATED} payloads, {@link #raw()} is what arrived, including the final
 * {@code .<CRLF>}, and {@link #bytes()} is the content: the final {@code .<CRLF>} removed and one leading dot removed
 * from every line that starts with a dot. Only CRLF ends a line: a bare LF neither ends the payload nor starts a line
 * that gets un-stuffed, so {@code <LF>.<LF>} smuggling attempts stay visible. For {@link Framing#COUNTED} payloads both
 * are the same bytes.
 *
 * @param connectionIndex the connection's index on its server
 * @param sequenceNumber the position among the lines and payloads read on its connection
 * @param framing how the payload was delimited
 * @param raw the bytes as sent; copied in and out
 * @param bytes the content (un-stuffed, terminator removed); copied in and out
 * @param complete false if the client closed the connection before the payload ended
 * @param tls whether the connection was TLS when the payload was read
 */
public record RecordedPayload(int connectionIndex, int sequenceNumber, Framing framing, byte[] raw, byte[] bytes,
    boolean complete, boolean tls) {
  /** How a payload was delimited. */
  public enum Framing {
    /** Ended by {@code <CRLF>.<CRLF>}, dot-stuffed (SMTP DATA). */
    DOT_TERMINATED,
    /** A byte count announced beforehand (IMAP literal, SMTP BDAT). */
    COUNTED
  }

  /** Copies the arrays and checks the arguments. */
  public RecordedPayload {
    Objects.requireNonNull(framing, "framing");
    raw = raw.clone();
    bytes = bytes.clone();
  }

  /** Returns a copy of the bytes as sent. */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** Returns a copy of the content. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedPayload p && connectionIndex == p.connectionIndex
        && sequenceNumber == p.sequenceNumber && framing == p.framing && Arrays.equals(raw, p.raw)
        && Arrays.equals(bytes, p.bytes) && complete == p.complete && tls == p.tls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectionIndex, sequenceNumber, framing, Arrays.hashCode(raw), complete, tls);
  }

  @Override
  public String toString() {
    return "RecordedPayload[" + framing + " " + Bytes.escape(raw) + ", connection " + connectionIndex + " #"
        + sequenceNumber + (complete ? "" : ", incomplete") + (tls ? ", tls" : "") + "]";
  }
}
