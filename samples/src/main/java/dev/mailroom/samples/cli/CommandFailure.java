package dev.mailroom.samples.cli;

/**
 * An expected failure a subcommand reports with a message and an exit code instead of a stack trace: an unknown
 * folder, a server that lacks what an option needs, a state file in use. {@link MailroomCli} prints
 * {@code mailroom: MESSAGE} on standard error and exits with {@link #exitCode()}.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CommandFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
