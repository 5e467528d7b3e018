package dev.mailroom.smtp;

/** What a failure DSN should include (RFC 3461 §4.3, MAIL {@code RET}). */
public enum DsnReturn {
  /** The whole message. */
  FULL,
  /** The headers only. */
  HDRS
}
