package dev.mailroom.samples.cli;

import dev.mailroom.client.MailException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mailroom}: send, fetch, check and inspect mail from a shell. Each subcommand's class is short on purpose:
 * it doubles as example code for the SDK ({@link SendCommand} for SMTP, {@link FetchCommand} for POP3 and IMAP,
 * {@link CheckCommand} for waiting on a mailbox, {@link ParseCommand} for MIME, {@link DemoCommand} for the testkit's
 * in-memory server).
 *
 * <pre>{@code
 * java -jar samples/target/mailroom.jar demo
 * java -jar samples/target/mailroom.jar parse --json message.eml
 * MAILROOM_PASSWORD=secret java -jar samples/target/mailroom.jar send --host smtp.example.org --user alice \
 *     --password-env MAILROOM_PASSWORD --from alice@example.org --to bob@example.org --subject Hi --text Hello
 * }</pre>
 *
 * <p>In-process (as the tests do): {@code int code = MailroomCli.run(System.in, out, err, "parse", "m.eml");}
 */
@Command(name = "mailroom", mixinStandardHelpOptions = true, versionProvider = MailroomCli.Version.class,
    description = "Send and inspect Internet mail with Mailroom.",
    subcommands = {SendCommand.class, FetchCommand.class, CheckCommand.class, ParseCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.SOFTWARE)
public final class MailroomCli implements Runnable {
  private final InputStream stdin;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  MailroomCli(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Standard input, for {@code -} as a file name. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * Runs the tool and exits the JVM with its exit code (see {@link ExitCodes}). Output is UTF-8 whatever the locale:
   * JSON must be (RFC 8259 §8.1), and a C locale would otherwise turn every non-ASCII file name into {@code ?}.
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(System.in, out, err, args));
  }

  /** Runs the tool in this JVM with the given streams and returns its exit code. */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new MailroomCli(in));
    cli.setOut(out);
    cli.setErr(err);
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE).exitCodeOnExecutionException(ExitCodes.SOFTWARE);
      sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
    }
    // check promises 0/1/2 (found, not found, error), also for bad options
    cli.getSubcommands().get("check").getCommandSpec().exitCodeOnInvalidInput(ExitCodes.CHECK_ERROR);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      int code = failure(e, commandLine.getErr());
      return commandLine.getCommand() instanceof CheckCommand && code != ExitCodes.OK ? ExitCodes.CHECK_ERROR : code;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The exit code for what a subcommand threw (each subcommand handles the outcomes it expects itself): a mail
   * failure is a connection error, a bad argument or unreadable input file a usage error, anything else a bug.
   */
  private static int failure(Exception e, PrintWriter err) {
    if (e instanceof CommandFailure failure) {
      err.println("mailroom: " + failure.getMessage());
      return failure.exitCode();
    }
    if (e instanceof MailException) {
      err.println("mailroom: " + e.getMessage());
      return ExitCodes.CONNECTION;
    }
    if (e instanceof IllegalArgumentException || e instanceof IOException) {
      err.println("mailroom: " + (e instanceof IOException ? e.toString() : e.getMessage()));
      return ExitCodes.USAGE;
    }
    e.printStackTrace(err);
    return ExitCodes.SOFTWARE;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MailroomCli.class.getPackage().getImplementationVersion();
      return new String[] {"mailroom " + (version == null ? "(development build)" : version)};
    }
  }
}
