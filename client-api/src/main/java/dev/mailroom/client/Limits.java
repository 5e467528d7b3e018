package dev.mailroom.client;

/**
 * Bounds on what a server can make the client hold. Anything beyond them is a {@link MailProtocolException}, never
 * an unbounded buffer; bodies larger than {@code maxInMemoryBytes} are streamed or spooled, not refused.
 *
 * <pre>{@code
 * Limits limits = Limits.defaults().withMaxLineBytes(1_000_000);   // e.g. an IMAP server with huge SEARCH lines
 * }</pre>
 *
 * @param maxLineBytes the longest protocol line accepted, without its CRLF
 * @param maxInMemoryBytes the largest literal, message or SASL payload held in memory at once
 * @param maxResponseBytes the largest whole response (all lines of a multi-line reply) accepted
 */
public record Limits(int maxLineBytes, int maxInMemoryBytes, long maxResponseBytes) {
  private static final Limits DEFAULTS = new Limits(64 * 1024, 1024 * 1024, 16L * 1024 * 1024);

  public Limits {
    if (maxLineBytes < 512) {
      throw new IllegalArgumentException("maxLineBytes must be at least 512 (RFC 5321 §4.5.3.1.5): " + maxLineBytes);
    }
    if (maxInMemoryBytes < 1024) {
      throw new IllegalArgumentException("maxInMemoryBytes must be at least 1024: " + maxInMemoryBytes);
    }
    if (maxResponseBytes < maxLineBytes) {
      throw new IllegalArgumentException("maxResponseBytes must be at least maxLineBytes");
    }
  }

  /** Lines up to 64 KiB, 1 MiB held in memory, responses up to 16 MiB. */
  public static Limits defaults() {
    return DEFAULTS;
  }

  public Limits withMaxLineBytes(int value) {
    return new Limits(value, maxInMemoryBytes, Math.max(value, maxResponseBytes));
  }

  public Limits withMaxInMemoryBytes(int value) {
    return new Limits(maxLineBytes, value, maxResponseBytes);
  }

  public Limits withMaxResponseBytes(long value) {
    return new Limits(maxLineBytes, maxInMemoryBytes, value);
  }
}
