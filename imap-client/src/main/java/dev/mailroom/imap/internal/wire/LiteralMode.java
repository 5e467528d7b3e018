package dev.mailroom.imap.internal.wire;

/** How literals may be sent (RFC 7888). */
public enum LiteralMode {
  /** Synchronising only: {@code {n}} then wait for {@code +}. */
  SYNCHRONIZING,
  /** LITERAL+: {@code {n+}} for any size. */
  PLUS,
  /** LITERAL- (and IMAP4rev2): {@code {n+}} up to 4096 bytes, synchronising above. */
  MINUS;

  /** RFC 7888 §4: the largest non-synchronising literal under LITERAL-. */
  public static final long MINUS_MAX = 4096;

  /** Whether a literal of {@code size} bytes is sent without waiting for a continuation. */
  public boolean nonSynchronizing(long size) {
    return this == PLUS || (this == MINUS && size <= MINUS_MAX);
  }
}
