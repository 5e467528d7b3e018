package dev.mailroom.testkit;

/**
 * What the fake server reads after it has written a reply. Set with {@link MockReply#thenReadLine()} (the default),
 * {@link MockReply#thenReadDotTerminated()}, {@link MockReply#thenReadExactly(long)} or
 * {@link MockReply#thenReadNothing()}.
 */
public sealed interface NextRead {
  /** {@link Line}. */
  NextRead LINE = new Line();
  /** {@link DotTerminated}. */
  NextRead DOT_TERMINATED = new DotTerminated();
  /** {@link Nothing}. */
  NextRead NOTHING = new Nothing();

  /**
   * Returns {@link Exactly} for this many bytes.
   *
   * @param byteCount how many bytes the client must send, at least 0
   * @return the instruction
   */
  static NextRead exactly(long byteCount) {
    return new Exactly(byteCount);
  }

  /** Read one command line, record it as a {@link RecordedCommand} and ask {@link Dispatcher#dispatch}. */
  record Line() implements NextRead {
  }

  /**
   * Read a dot-terminated payload (SMTP DATA, POP3-style), up to and including the line {@code .<CRLF>} that follows a
   * CRLF; record it as a {@link RecordedPayload} and ask {@link Dispatcher#dispatchPayload}.
   */
  record DotTerminated() implements NextRead {
  }

  /**
   * Read exactly {@code byteCount} bytes (IMAP literal, SMTP BDAT chunk); record them as a {@link RecordedPayload} and
   * ask {@link Dispatcher#dispatchPayload}.
   *
   * @param byteCount how many bytes, at least 0
   */
  record Exactly(long byteCount) implements NextRead {
    /** Checks the byte count. */
    public Exactly {
      if (byteCount < 0) throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    }
  }

  /** Read nothing: the server asks {@link Dispatcher#unprompted} for the next reply at once (server writes only). */
  record Nothing() implements NextRead {
  }
}
