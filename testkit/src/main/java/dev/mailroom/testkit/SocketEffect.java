package dev.mailroom.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Something the fake server does to the socket instead of, or around, writing a reply. Attach one with
 * {@link MockReply#onReplyStart(SocketEffect)} (before the reply's bytes) or {@link MockReply#onReplyEnd(SocketEffect)}
 * (after them).
 *
 * <p>Effects that shape how the reply itself is written ({@link CloseMidReply}, {@link ResetMidReply}, {@link Throttle})
 * are only accepted at reply start; {@link InjectAfterGoAhead} is only accepted at reply end. Every wait an effect
 * causes ends early when the server is closed.
 *
 * <pre>{@code
 * server.enqueue(MockReply.of("220 hello").onReplyStart(new SocketEffect.Throttle(1, Duration.ofSeconds(2))));
 * server.enqueue(MockReply.of("250 ok").onReplyEnd(SocketEffect.RESET));
 * }</pre>
 */
public sealed interface SocketEffect {
  /** {@link Close}. */
  SocketEffect CLOSE = new Close();
  /** {@link Reset}. */
  SocketEffect RESET = new Reset();
  /** {@link Stall}. */
  SocketEffect STALL = new Stall();
  /** {@link HalfClose}. */
  SocketEffect HALF_CLOSE = new HalfClose();

  /**
   * Closes the connection in an orderly way: on TLS a {@code close_notify} alert is sent first, then TCP FIN. At reply
   * start the reply is not written.
   */
  record Close() implements SocketEffect {
  }

  /**
   * Writes only the first {@code afterBytes} bytes of the reply (all of it if shorter), then closes the TCP socket with
   * FIN and, on TLS, <em>without</em> {@code close_notify} (a truncation, SECURITY.md T17). Reply start only.
   *
   * @param afterBytes how many bytes of the reply to write, at least 0
   */
  record CloseMidReply(int afterBytes) implements SocketEffect {
    /** Checks the byte count. */
    public CloseMidReply {
      if (afterBytes < 0) throw new IllegalArgumentException("afterBytes < 0: " + afterBytes);
    }
  }

  /**
   * Writes only the first {@code afterBytes} bytes of the reply, then resets the connection (RST, SO_LINGER 0, no
   * {@code close_notify}); for cutting a transcript at every offset (SECURITY.md R09). Reply start only.
   *
   * @param afterBytes how many bytes of the reply to write, at least 0
   */
  record ResetMidReply(int afterBytes) implements SocketEffect {
    /** Checks the byte count. */
    public ResetMidReply {
      if (afterBytes < 0) throw new IllegalArgumentException("afterBytes < 0: " + afterBytes);
    }
  }

  /** Resets the connection: SO_LINGER 0 and close, so the peer gets TCP RST. At reply start the reply is not written. */
  record Reset() implements SocketEffect {
  }

  /**
   * Stops reading and writing and keeps the socket open until the server is closed. As a greeting's start effect this is
   * the silent server (SECURITY.md R02); at the end of a STARTTLS go-ahead it is the handshake stall (T16).
   */
  record Stall() implements SocketEffect {
  }

  /**
   * Writes the reply {@code bytes} at a time: the first chunk at once, then one chunk after each {@code every}. Reply
   * start only. {@code new Throttle(1, Duration.ofSeconds(2))} is the slow-loris server of SECURITY.md R01.
   *
   * @param bytes chunk size, at least 1
   * @param every pause before each chunk after the first, not negative
   */
  record Throttle(int bytes, Duration every) implements SocketEffect {
    /** Checks the arguments. */
    public Throttle {
      if (bytes < 1) throw new IllegalArgumentException("bytes < 1: " + bytes);
      Objects.requireNonNull(every, "every");
      if (every.isNegative()) throw new IllegalArgumentException("negative pause: " + every);
    }
  }

  /**
   * Writes {@code bytes} bytes of {@code 'x'} with no CR or LF: before the reply at reply start, after it at reply end.
   * The connection then goes on as scripted.
   *
   * @param bytes how many bytes, at least 1
   */
  record OversizedLine(int bytes) implements SocketEffect {
    /** Checks the byte count. */
    public OversizedLine {
      if (bytes < 1) throw new IllegalArgumentException("bytes < 1: " + bytes);
    }
  }

  /**
   * Writes these exact bytes: before the reply at reply start, after it at reply end. The connection then goes on as
   * scripted.
   *
   * @param bytes the bytes to write; copied
   */
  record Garbage(byte[] bytes) implements SocketEffect {
    /** Copies the bytes. */
    public Garbage {
      bytes = bytes.clone();
    }

    /** Returns a copy of the bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Garbage g && Arrays.equals(bytes, g.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Garbage[" + Bytes.escape(bytes) + "]";
    }
  }

  /**
   * STARTTLS response injection (SECURITY.md T05, T06). Reply end only, and it implies {@link MockReply#thenStartTls()}.
   * With a zero {@code pause} the go-ahead reply and {@code bytes} are written with a single write, so they travel in one
   * TCP segment (T05). Otherwise the go-ahead is written, the server waits {@code pause}, then writes {@code bytes} (T06).
   * Either way the server then waits for the client's ClientHello and attempts the handshake, so the client's behaviour
   * decides what happens next.
   *
   * @param bytes the injected bytes (plaintext, before the handshake); copied
   * @param pause zero for one segment, else the wait between the two writes
   */
  record InjectAfterGoAhead(byte[] bytes, Duration pause) implements SocketEffect {
    /** Copies the bytes and checks the pause. */
    public InjectAfterGoAhead {
      bytes = bytes.clone();
      Objects.requireNonNull(pause, "pause");
      if (pause.isNegative()) throw new IllegalArgumentException("negative pause: " + pause);
    }

    /** Returns a copy of the injected bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InjectAfterGoAhead i && Arrays.equals(bytes, i.bytes) && pause.equals(i.pause);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(bytes) + pause.hashCode();
    }

    @Override
    public String toString() {
      return "InjectAfterGoAhead[bytes=" + Bytes.escape(bytes) + ", pause=" + pause + "]";
    }
  }

  /**
   * Shuts down the server's output (TCP FIN, no {@code close_notify}) and keeps reading: every further client line is
   * recorded, but the dispatcher is not consulted and nothing more is written. At reply start the reply is not written.
   */
  record HalfClose() implements SocketEffect {
  }
}
