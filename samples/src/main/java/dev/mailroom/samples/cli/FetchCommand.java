package dev.mailroom.samples.cli;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailException;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.UnsolicitedListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailroom fetch}: the scripted fetch job. Downloads new messages over POP3 ({@link Pop3Fetch}, with the
 * SDK's {@link dev.mailroom.pop3.FetchJob}) or IMAP ({@link ImapFetch}) into a Maildir, an mbox or a directory of
 * {@code .eml} files ({@link MessageStore}), optionally deleting or moving them on the server once stored.
 *
 * <pre>{@code
 * MAILROOM_PASSWORD=secret java -jar samples/target/mailroom.jar fetch --protocol imap --host imap.example.org \
 *     --security tls --user bob --password-env MAILROOM_PASSWORD --folder INBOX --since 2024-01-01 \
 *     --into maildir:$HOME/Mail/inbox --state $HOME/.mailroom/inbox.state --move-to Archive
 * }</pre>
 *
 * <p>Every run is resumable and stores each message exactly once, whenever it is killed: a message is written to a
 * temporary file, synced and renamed into place (Maildir {@code tmp/} → {@code new/}), and only then recorded in the
 * {@link FetchState} (itself replaced atomically); file names are derived from the message's identity, so a message
 * stored but not yet recorded is overwritten on the next run, not duplicated (an mbox is truncated back to the
 * length the state recorded). Deleting or moving happens only after both. Prints
 * {@code stored S, already seen A, deleted D, errors E}; progress goes to standard error.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = "Download new messages over POP3 or IMAP into a Maildir, mbox or .eml directory, exactly once.")
final class FetchCommand implements Callable<Integer> {
  /** The protocol, as {@code --protocol} spells it. */
  enum Protocol { pop3, imap }

  @Mixin
  ConnectionOptions connection;

  @Mixin
  SearchOptions search;

  @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "imap",
      description = "pop3 or imap (default: ${DEFAULT-VALUE}).")
  Protocol protocol;

  @Option(names = "--folder", paramLabel = "NAME", defaultValue = "INBOX",
      description = "IMAP: the folder to fetch (default: ${DEFAULT-VALUE}).")
  String folder;

  @Option(names = "--into", paramLabel = "STORE", required = true,
      description = "maildir:DIR, mbox:FILE or eml:DIR (created when missing).")
  String into;

  @Option(names = "--state", paramLabel = "FILE", description = "What was already fetched (default: "
      + ".mailroom-fetch-state in the Maildir or .eml directory, FILE.mailroom-fetch-state beside an mbox).")
  Path stateFile;

  @Option(names = "--delete", description = "Delete each message from the server once it is stored (IMAP: the "
      + "messages this run, or an interrupted one, stored; POP3: also those stored by earlier runs).")
  boolean delete;

  @Option(names = "--move-to", paramLabel = "FOLDER", description = "IMAP: move each message to FOLDER once "
      + "it is stored.")
  String moveTo;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "50",
      description = "IMAP: messages per UID FETCH (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--no-progress", description = "No progress on standard error.")
  boolean noProgress;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    validate(cl);
    Optional<Credentials> credentials = connection.credentials(cl);
    String source = protocol + "://" + Clients.account(connection) + (protocol == Protocol.imap ? "/" + folder : "");
    Progress progress = Progress.to(err, !noProgress);
    FetchSummary summary;
    try (FetchState state = FetchState.open(stateFile != null ? stateFile : defaultStateFile(), source);
         MessageStore store = MessageStore.open(into, state.mboxLength)) {
      state.mboxLength = store.length(); // saved before the first message: where a re-run truncates an mbox to
      summary = protocol == Protocol.imap
          ? new ImapFetch(Clients.imap(connection, credentials, err, UnsolicitedListener.NONE),
              MailboxName.of(folder), search.criteria(), store, state, delete,
              moveTo == null ? null : MailboxName.of(moveTo), batch, progress, err).run()
          : new Pop3Fetch(Clients.pop3(connection, credentials, err), store, state, delete, progress).run();
    } catch (MailException e) {
      err.println("mailroom: cannot connect: " + Display.escape(e.getMessage()));
      return ExitCodes.CONNECTION;
    }
    cl.getOut().println(summary.line(moveTo != null));
    if (summary.problem().isPresent()) {
      err.println("mailroom: fetch incomplete, run it again (nothing is lost): "
          + Display.escape(summary.problem().get()));
      return ExitCodes.INCOMPLETE;
    }
    return ExitCodes.OK;
  }

  private void validate(CommandLine cl) {
    if (connection.user == null) {
      throw new CommandLine.ParameterException(cl, "--user is required");
    }
    if (protocol == Protocol.pop3 && (moveTo != null || search.given() || !folder.equals("INBOX"))) {
      throw new CommandLine.ParameterException(cl, "--folder, --move-to and the search options (--since, "
          + "--before, --from, --subject, --unseen) need --protocol imap: POP3 has one mailbox and no search");
    }
    if (folder.equals(moveTo)) {
      throw new CommandLine.ParameterException(cl, "--move-to names the folder being fetched");
    }
    if (delete && moveTo != null) {
      throw new CommandLine.ParameterException(cl, "--delete and --move-to exclude each other");
    }
    if (!into.matches("(maildir|mbox|eml):.+")) {
      throw new CommandLine.ParameterException(cl, "--into needs maildir:DIR, mbox:FILE or eml:DIR");
    }
    if (batch < 1 || batch > 1000) {
      throw new CommandLine.ParameterException(cl, "--batch must be 1 to 1000");
    }
  }

  /** Inside a Maildir or .eml directory, beside an mbox. */
  private Path defaultStateFile() {
    String path = into.substring(into.indexOf(':') + 1);
    return into.startsWith("mbox:") ? Path.of(path + ".mailroom-fetch-state")
        : Path.of(path, ".mailroom-fetch-state");
  }
}
