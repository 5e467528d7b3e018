package dev.mailroom.samples.cli;

/**
 * The exit codes of every {@code mailroom} subcommand; {@code --help} lists them. They say what happened to the
 * message, so a script can tell "retry" (2) from "do not retry blindly" (3).
 */
public final class ExitCodes {
  /** Success: {@code send}: every recipient accepted; {@code parse}: the file was read. */
  public static final int OK = 0;
  /** {@code send}: the message was accepted for some recipients and refused for others. */
  public static final int SOME_REJECTED = 1;
  /** {@code send}: the message was certainly not delivered (refused, or the connection was lost before its end). */
  public static final int NOT_DELIVERED = 2;
  /** {@code send}: the whole message was sent but its reply was lost: it may or may not have been accepted. */
  public static final int OUTCOME_UNKNOWN = 3;
  /** A usage error: bad options, or an input file that cannot be read or parsed. */
  public static final int USAGE = 4;
  /** Connecting, TLS or authentication failed; the server refused the session. Nothing was sent. */
  public static final int CONNECTION = 5;
  /** An unexpected internal error (a bug: please report it with {@code --trace}). */
  public static final int SOFTWARE = 6;

  private ExitCodes() { }
}
