package dev.mailroom.samples.cli;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ImapCommandException;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import dev.mailroom.imap.SelectedMailbox;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.search.SearchCriteria;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IMAP side of {@code mailroom fetch}: EXAMINE (or SELECT, to delete or move), {@code UID SEARCH} with the
 * filter, then {@code UID FETCH (BODY.PEEK[])} in batches with each body streamed straight into the store; after
 * each message the state's cursor (UIDVALIDITY, last stored UID) is saved. With {@code --delete} or
 * {@code --move-to}, the UIDs stored are recorded as pending in the state, then removed from the folder after each
 * batch: {@code UID STORE +FLAGS.SILENT (\Deleted)} and {@code UID EXPUNGE} of exactly those UIDs (never a bare
 * EXPUNGE, which would also remove other messages marked deleted), or {@code UID MOVE}. A run killed after storing
 * but before removing finishes the removal next time.
 */
final class ImapFetch {
  private final ImapClient client;
  private final MailboxName folder;
  private final SearchCriteria filter;
  private final MessageStore store;
  private final FetchState state;
  private final boolean delete;
  private final MailboxName moveTo;
  private final int batchSize;
  private final Progress progress;
  private final PrintWriter err;
  private int stored;
  private int alreadySeen;
  private int deleted;
  private int moved;

  ImapFetch(ImapClient client, MailboxName folder, SearchCriteria filter, MessageStore store, FetchState state,
      boolean delete, MailboxName moveTo, int batchSize, Progress progress, PrintWriter err) {
    this.client = client;
    this.folder = folder;
    this.filter = filter;
    this.store = store;
    this.state = state;
    this.delete = delete;
    this.moveTo = moveTo;
    this.batchSize = batchSize;
    this.progress = progress;
    this.err = err;
  }

  /**
   * Runs once.
   *
   * @throws MailException if the session could not be opened (nothing was done)
   * @throws CommandFailure if the folder cannot be opened or the server cannot do what was asked
   */
  FetchSummary run() throws IOException {
    try (ImapSession session = client.connect()) {
      SelectedMailbox box = open(session);
      try {
        finishPendingRemovals(session);
        List<Long> todo = newMatches(session);
        progress.total(todo.size());
        for (int i = 0; i < todo.size(); i += batchSize) {
          List<Long> batch = todo.subList(i, Math.min(todo.size(), i + batchSize));
          fetch(session, batch, box.uidValidity());
          finishPendingRemovals(session);
        }
        progress.finish();
        return summary(Optional.empty());
      } catch (IOException | RuntimeException e) {
        progress.finish();
        return summary(Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    }
  }

  /** EXAMINE or SELECT, checks what the options need, and handles a new UIDVALIDITY. */
  private SelectedMailbox open(ImapSession session) throws IOException {
    SelectedMailbox box = await(delete || moveTo != null ? session.select(folder) : session.examine(folder),
        folder);
    if (moveTo != null) {
      await(session.status(moveTo, StatusItem.MESSAGES), moveTo);
    }
    if (delete && !session.has(Capability.UIDPLUS)) {
      throw new CommandFailure(ExitCodes.USAGE, "the server lacks UIDPLUS, so --delete cannot expunge only the "
          + "messages it stored; use --move-to FOLDER or fetch without deleting");
    }
    if (state.uidValidity != 0 && state.uidValidity != box.uidValidity()) {
      err.println("mailroom: UIDVALIDITY of " + Display.escape(folder.name()) + " changed from "
          + state.uidValidity + " to " + box.uidValidity() + ": the server renumbered the folder, so every "
          + "message is fetched again (messages fetched before may be stored twice)");
      state.lastUid = 0;
      state.pending.clear();
    }
    state.uidValidity = box.uidValidity();
    state.save();
    return box;
  }

  private static <T> T await(ImapCommand<T> command, MailboxName mailbox) throws MailException {
    try {
      return command.await();
    } catch (ImapCommandException e) {
      throw new CommandFailure(ExitCodes.USAGE, "cannot open folder " + Display.escape(mailbox.name()) + ": "
          + Display.escape(e.getMessage()));
    }
  }

  /** The matching UIDs above the cursor, ascending; counts those at or below it as already seen. */
  private List<Long> newMatches(ImapSession session) throws MailException {
    List<Long> todo = new ArrayList<>();
    for (long uid : session.uidSearch(filter).await().numbers()) {
      if (uid > state.lastUid) {
        todo.add(uid);
      } else {
        alreadySeen++;
      }
    }
    todo.sort(null);
    return todo;
  }

  /** One UID FETCH; each body is stored and the cursor advanced over the UIDs stored without a gap. */
  private void fetch(ImapSession session, List<Long> batch, long uidValidity) throws IOException {
    Set<Long> done = new HashSet<>();
    int[] next = {0};
    FetchSpec spec = FetchSpec.builder().uid().body(BodySection.whole().asPeek()).build();
    session.fetch(uids(batch), spec, new FetchHandler() {
      @Override
      public void body(BodyPart part, InputStream content) throws IOException {
        long uid = part.uid().orElseThrow(() -> new IOException("the server sent a body before its UID")).value();
        long size = store.store(state.source + ";UIDVALIDITY=" + uidValidity + ";UID=" + uid, content);
        stored++;
        done.add(uid);
        while (next[0] < batch.size() && done.contains(batch.get(next[0]))) {
          state.lastUid = batch.get(next[0]++);
        }
        if (delete || moveTo != null) {
          state.pending.add(uid);
        }
        state.mboxLength = store.length();
        state.save();
        progress.advance(size);
      }
    }).await();
    state.lastUid = Math.max(state.lastUid, batch.get(batch.size() - 1)); // the rest were expunged meanwhile
    state.save();
  }

  /** Deletes or moves the UIDs stored but not yet removed (this run's last batch, or a killed run's). */
  private void finishPendingRemovals(ImapSession session) throws IOException {
    if (state.pending.isEmpty() || !(delete || moveTo != null)) {
      return;
    }
    UidSet set = uids(state.pending);
    if (moveTo != null) {
      session.move(set, moveTo).await();
      moved += state.pending.size();
    } else {
      session.store(set, StoreAction.ADD, Set.of(Flag.DELETED), true).await();
      session.expunge(set).await();
      deleted += state.pending.size();
    }
    state.pending.clear();
    state.save();
  }

  private static UidSet uids(java.util.Collection<Long> uids) {
    return UidSet.of(uids.stream().mapToLong(Long::longValue).toArray());
  }

  private FetchSummary summary(Optional<String> problem) {
    return new FetchSummary(stored, alreadySeen, deleted, moved, problem.isPresent() ? 1 : 0, problem);
  }
}
