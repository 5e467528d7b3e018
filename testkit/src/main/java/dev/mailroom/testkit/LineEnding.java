package dev.mailroom.testkit;

/** How a recorded client line ended. */
public enum LineEnding {
  /** CR LF, as every mail protocol requires. */
  CRLF,
  /** A bare LF (no CR before it). */
  BARE_LF,
  /** No line feed: the client closed the connection in the middle of the line. */
  NONE
}
