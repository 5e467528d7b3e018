package dev.mailroom.samples.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code mailroom} subcommand; {@code --help} lists them. They say what happened to the
 * message, so a script can tell "retry" (2) from "do not retry blindly" (3). {@code check} has its own three,
 * in the style of monitoring plugins: {@link #FOUND}, {@link #NOT_FOUND}, {@link #CHECK_ERROR}.
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
  /** {@code fetch}: the run stopped early or some messages were not stored; nothing is lost, run it again. */
  public static final int INCOMPLETE = 2;
  /** {@code check}: a matching message arrived (and, with {@code --delete}, was deleted). */
  public static final int FOUND = 0;
  /** {@code check}: no matching message arrived within {@code --within}. */
  public static final int NOT_FOUND = 1;
  /** {@code check}: it could not check (bad option, connection, authentication or server error). */
  public static final int CHECK_ERROR = 2;
  /** A usage error: bad options, or an input file that cannot be read or parsed. */
  public static final int USAGE = 4;
  /** Connecting, TLS or authentication failed; the server refused the session. Nothing was sent. */
  public static final int CONNECTION = 5;
  /** An unexpected internal error (a bug: please report it with {@code --trace}). */
  public static final int SOFTWARE = 6;

  /** What {@code --help} lists, in order. */
  static final Map<String, String> HELP = helpList();

  private ExitCodes() { }

  private static Map<String, String> helpList() {
    Map<String, String> help = new LinkedHashMap<>();
    help.put(String.valueOf(OK), "success (send: every recipient accepted; check: found)");
    help.put(String.valueOf(SOME_REJECTED), "send: some recipients were rejected; check: not found in time");
    help.put(String.valueOf(NOT_DELIVERED), "send: the message was not delivered (refused; safe to retry); "
        + "fetch: stopped early, nothing lost (run again); check: any error");
    help.put(String.valueOf(OUTCOME_UNKNOWN), "send: outcome unknown (the reply to the message was lost)");
    help.put(String.valueOf(USAGE), "usage error, or an input file that cannot be read (check: 2)");
    help.put(String.valueOf(CONNECTION), "connection, TLS or authentication error; nothing was sent (check: 2)");
    help.put(String.valueOf(SOFTWARE), "internal error");
    return Collections.unmodifiableMap(help);
  }
}
