package dev.mailroom.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Every wait has an end. All values are finite and positive.
 *
 * <ul>
 *   <li>{@code connect}: the TCP connect.
 *   <li>{@code greeting}: from connected to the server's complete greeting.
 *   <li>{@code handshake}: a whole TLS handshake (implicit or after STARTTLS).
 *   <li>{@code command}: a whole command, from sending it to the end of its reply. This is a deadline, not an idle
 *       timer: a server that dribbles one byte every few seconds does not extend it (SECURITY.md R01).
 *   <li>{@code readIdle}: the longest silence within a reply.
 *   <li>{@code write}: the longest a single write may block (a server that stops reading).
 * </ul>
 *
 * <pre>{@code
 * Timeouts timeouts = Timeouts.defaults().newBuilder().command(Duration.ofSeconds(30)).build();
 * }</pre>
 */
public record Timeouts(
    Duration connect, Duration greeting, Duration handshake, Duration command, Duration readIdle, Duration write) {

  private static final Timeouts DEFAULTS = new Timeouts(
      Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30),
      Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(2));

  public Timeouts {
    connect = positive(connect, "connect");
    greeting = positive(greeting, "greeting");
    handshake = positive(handshake, "handshake");
    command = positive(command, "command");
    readIdle = positive(readIdle, "readIdle");
    write = positive(write, "write");
  }

  /** Connect 30 s, greeting 60 s, handshake 30 s, command 5 min, read idle 2 min, write 2 min. */
  public static Timeouts defaults() {
    return DEFAULTS;
  }

  /** A builder starting from these values. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  /** Builds {@link Timeouts}; starts from {@link #defaults()}. */
  public static final class Builder {
    private Duration connect;
    private Duration greeting;
    private Duration handshake;
    private Duration command;
    private Duration readIdle;
    private Duration write;

    private Builder(Timeouts from) {
      connect = from.connect;
      greeting = from.greeting;
      handshake = from.handshake;
      command = from.command;
      readIdle = from.readIdle;
      write = from.write;
    }

    public Builder connect(Duration value) {
      connect = value;
      return this;
    }

    public Builder greeting(Duration value) {
      greeting = value;
      return this;
    }

    public Builder handshake(Duration value) {
      handshake = value;
      return this;
    }

    public Builder command(Duration value) {
      command = value;
      return this;
    }

    public Builder readIdle(Duration value) {
      readIdle = value;
      return this;
    }

    public Builder write(Duration value) {
      write = value;
      return this;
    }

    /** Sets every timeout to {@code value}: handy in tests. */
    public Builder all(Duration value) {
      return connect(value).greeting(value).handshake(value).command(value).readIdle(value).write(value);
    }

    public Timeouts build() {
      return new Timeouts(connect, greeting, handshake, command, readIdle, write);
    }
  }
}
