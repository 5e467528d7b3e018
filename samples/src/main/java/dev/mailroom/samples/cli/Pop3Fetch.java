package dev.mailroom.samples.cli;

import dev.mailroom.client.MailException;
import dev.mailroom.pop3.FetchJob;
import dev.mailroom.pop3.FetchReport;
import dev.mailroom.pop3.MessageRef;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.SeenUidStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The POP3 side of {@code mailroom fetch}: the SDK's {@link FetchJob} does the protocol (UIDL, pipelined RETR, DELE
 * only after the sink confirmed, QUIT to commit); this class supplies the {@link dev.mailroom.pop3.MessageSink}
 * (the {@link MessageStore}) and a {@link SeenUidStore} backed by the state file, saved after every message. UIDLs
 * are opaque: they name the message's identity, hashed into a file name, never a path (SECURITY.md P07).
 */
final class Pop3Fetch {
  private final Pop3Client client;
  private final MessageStore store;
  private final FetchState state;
  private final boolean delete;
  private final Progress progress;
  private boolean saved;

  Pop3Fetch(Pop3Client client, MessageStore store, FetchState state, boolean delete, Progress progress) {
    this.client = client;
    this.store = store;
    this.state = state;
    this.delete = delete;
    this.progress = progress;
  }

  /**
   * Runs the job once.
   *
   * @throws MailException if the session could not be opened (nothing was read or deleted)
   */
  FetchSummary run() throws IOException {
    FetchReport report = FetchJob.builder(client)
        .sink((ref, body) -> {
          if (!saved) {
            state.save(); // the mbox length before the first append of this run
            saved = true;
          }
          progress.advance(store.store(identity(ref), body));
        })
        .seenUids(new StateUids())
        .deleteAfterStore(delete)
        .build()
        .run();
    progress.finish();
    int deleted = 0;
    if (report.committed()) {
      for (MessageRef gone : report.deleteRequested()) {
        state.seen.remove(gone.uid()); // gone from the server: no need to remember it
        deleted++;
      }
      state.save();
    }
    Optional<String> problem = report.error().map(e -> e.getMessage() == null ? e.toString() : e.getMessage());
    if (problem.isEmpty() && !report.notStored().isEmpty()) {
      FetchReport.NotStored first = report.notStored().get(0);
      problem = Optional.of("not stored: " + first.cause().getMessage());
    }
    boolean uncommitted = problem.isEmpty() && !report.deleteRequested().isEmpty() && !report.committed();
    if (uncommitted) {
      problem = Optional.of("the server did not commit the deletions at QUIT: "
          + report.update().flatMap(u -> u.problem()).orElse("no reply"));
    }
    return new FetchSummary(report.stored().size(), report.alreadySeen(), deleted, 0,
        report.notStored().size() + (report.error().isPresent() || uncommitted ? 1 : 0), problem);
  }

  /** The message's identity; a UIDL that is not printable ASCII (RFC 1939 §7) could break the state's lines. */
  private String identity(MessageRef ref) throws IOException {
    if (ref.uid().isEmpty() || ref.uid().chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IOException("a UIDL that is not printable ASCII (RFC 1939 §7): not stored");
    }
    return state.source + ";UIDL=" + ref.uid();
  }

  /** The seen UIDLs, in the state file; {@link #add} saves it (and the mbox length) before returning. */
  private final class StateUids implements SeenUidStore {
    @Override
    public boolean contains(String uid) {
      return state.seen.contains(uid);
    }

    @Override
    public void add(String uid) throws IOException {
      state.seen.add(uid);
      state.mboxLength = store.length();
      state.save();
    }
  }
}
