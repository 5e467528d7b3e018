package dev.mailroom.client.internal.transport;

/**
 * How much of a client line the trace may show. {@link #PUBLIC} shows all of it, {@link #SECRET} none of it (SASL
 * responses, tokens), and {@link #revealing(int)} the first bytes only ({@code "A1 LOGIN "}, {@code "PASS "}),
 * followed by {@code <redacted>}.
 *
 * @param visiblePrefixBytes how many leading bytes the trace may show
 */
public record Sensitivity(int visiblePrefixBytes) {
  /** The whole line may be traced. */
  public static final Sensitivity PUBLIC = new Sensitivity(Integer.MAX_VALUE);
  /** Nothing of the line may be traced. */
  public static final Sensitivity SECRET = new Sensitivity(0);

  public Sensitivity {
    if (visiblePrefixBytes < 0) {
      throw new IllegalArgumentException("visiblePrefixBytes < 0");
    }
  }

  /** Shows the first {@code bytes} bytes, then {@code <redacted>}. */
  public static Sensitivity revealing(int bytes) {
    return new Sensitivity(bytes);
  }
}
