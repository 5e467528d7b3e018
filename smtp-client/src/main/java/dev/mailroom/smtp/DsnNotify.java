package dev.mailroom.smtp;

/** When a delivery status notification is wanted for a recipient (RFC 3461 §4.1, RCPT {@code NOTIFY}). */
public enum DsnNotify {
  /** Never; may not be combined with the others. */
  NEVER,
  SUCCESS,
  FAILURE,
  DELAY
}
