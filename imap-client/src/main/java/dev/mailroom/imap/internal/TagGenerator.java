package dev.mailroom.imap.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Command tags: {@code A1}, {@code A2}, ... per session by default (deterministic, so transcript tests can name
 * them); injectable for tests that need other shapes.
 */
public final class TagGenerator implements Supplier<String> {
  private final String prefix;
  private final AtomicLong next = new AtomicLong(1);

  public TagGenerator(String prefix) {
    if (!prefix.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("tag prefix must be letters and digits: " + prefix);
    }
    this.prefix = prefix;
  }

  @Override
  public String get() {
    return prefix + next.getAndIncrement();
  }
}
