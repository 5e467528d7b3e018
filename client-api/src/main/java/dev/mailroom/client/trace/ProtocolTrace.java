package dev.mailroom.client.trace;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives what crosses the wire, one line at a time: {@code C:} for what the client sent, {@code S:} for what the
 * server sent. Lines arrive already redacted (passwords, SASL responses and tokens become {@code <redacted>}) and
 * with control characters escaped; literal and message bodies are reported by size only.
 *
 * <p>Like {@link dev.mailroom.client.MailEventListener}, a trace must be fast, must not block on I/O shared with the
 * session and must not throw.
 *
 * <pre>{@code
 * ProtocolTrace trace = ProtocolTrace.printing(System.err::println);
 * // C: A1 AUTHENTICATE SCRAM-SHA-256 <redacted>
 * // S: + cj1meXVu...
 * }</pre>
 */
public interface ProtocolTrace {
  /** A trace that drops everything. */
  ProtocolTrace NONE = (direction, line) -> { };

  /** Which side sent a line. */
  enum Direction {
    CLIENT("C: "),
    SERVER("S: ");

    private final String prefix;

    Direction(String prefix) {
      this.prefix = prefix;
    }

    /** {@code "C: "} or {@code "S: "}. */
    public String prefix() {
      return prefix;
    }
  }

  /** One protocol line, without its CRLF, redacted and escaped. */
  void line(Direction direction, String line);

  /** A literal, message body or other opaque payload of {@code size} bytes crossed the wire (contents not shown). */
  default void payload(Direction direction, long size) {
    line(direction, "<" + size + " bytes>");
  }

  /** Something happened on the connection that is not a line: connected, TLS negotiated, closed. */
  default void event(String text) {
    line(Direction.CLIENT, "* " + text);
  }

  /**
   * A trace that formats each line as {@code "C: ..."}, {@code "S: ..."} or {@code "== ..."} for events and hands
   * it to {@code sink}.
   */
  static ProtocolTrace printing(Consumer<String> sink) {
    Objects.requireNonNull(sink, "sink");
    return new ProtocolTrace() {
      @Override
      public void line(Direction direction, String line) {
        sink.accept(direction.prefix() + line);
      }

      @Override
      public void event(String text) {
        sink.accept("== " + text);
      }
    };
  }
}
