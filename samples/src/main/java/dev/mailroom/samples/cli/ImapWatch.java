package dev.mailroom.samples.cli;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.IdleHandle;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommandException;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.SelectedMailbox;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.UnsolicitedListener;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.mime.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An IMAP folder watched by {@code mailroom check}: {@code UID SEARCH UID n:*} for what is new, {@code UID FETCH
 * (BODY.PEEK[HEADER])} (or {@code BODY.PEEK[]}, for a body pattern) so nothing is marked read, and between polls
 * IDLE (RFC 2177) when the server offers it: the wait ends as soon as an {@code EXISTS} arrives. Deleting is
 * {@code UID STORE +FLAGS.SILENT (\Deleted)} then {@code UID EXPUNGE} of that one UID, which needs UIDPLUS.
 */
final class ImapWatch implements WatchedMailbox {
  /** IDLE is re-issued at least this often, as a safety net for a server that stays silent. */
  private static final Duration MAX_IDLE = Duration.ofSeconds(10);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long changes;
  private final ImapSession session;
  private final MailboxName folder;
  private final boolean withBody;
  private final Duration pollInterval;
  private long lastUid;
  private long changesAtPoll;

  /**
   * Connects and opens {@code folder} (SELECT when {@code forDelete}, else read-only EXAMINE).
   *
   * @param skipExisting look only at messages that arrive from now on
   * @throws CommandFailure if the folder does not exist
   */
  ImapWatch(ImapClient client, MailboxName folder, boolean forDelete, boolean skipExisting,
      boolean withBody, Duration pollInterval) throws IOException {
    this.folder = folder;
    this.withBody = withBody;
    this.pollInterval = pollInterval;
    session = client.newBuilder().unsolicitedListener(new UnsolicitedListener() {
      @Override
      public void exists(long count) {
        signal();
      }
    }).build().connect();
    try {
      SelectedMailbox box = forDelete ? session.select(folder).await() : session.examine(folder).await();
      if (skipExisting) {
        lastUid = box.uidNext().orElse(1) - 1;
      }
    } catch (ImapCommandException e) {
      session.close();
      throw new CommandFailure(ExitCodes.CHECK_ERROR, "cannot open folder " + Display.escape(folder.name()) + ": "
          + Display.escape(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void signal() {
    lock.lock();
    try {
      changes++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Arrival> poll() throws IOException {
    changesAtPoll = changes();
    session.noop().await(); // lets the server report what arrived
    List<Long> uids = new ArrayList<>();
    for (long uid : session.uidSearch(SearchCriteria.uid(UidSet.from(lastUid + 1))).await().numbers()) {
      if (uid > lastUid) { // "n:*" also matches the highest UID when it is below n
        uids.add(uid);
      }
    }
    List<Arrival> arrivals = new ArrayList<>();
    if (uids.isEmpty()) {
      return arrivals;
    }
    uids.sort(null);
    uids = uids.subList(0, Math.min(uids.size(), withBody ? 10 : 100));
    BodySection section = (withBody ? BodySection.whole() : BodySection.header()).asPeek();
    FetchSpec spec = FetchSpec.builder().uid().body(section).build();
    for (FetchedMessage m : session.fetch(UidSet.of(uids.stream().mapToLong(Long::longValue).toArray()), spec)
        .await()) {
      long uid = m.uid().orElseThrow(() -> new IOException("the server sent no UID")).value();
      byte[] bytes = m.body(section).orElse(new byte[0]);
      arrivals.add(new Arrival(String.valueOf(uid), MimeMessage.parse(bytes)));
    }
    lastUid = Math.max(lastUid, uids.get(uids.size() - 1));
    arrivals.sort(Comparator.comparingLong(a -> Long.parseLong(a.uid())));
    return arrivals;
  }

  @Override
  public void await(Duration max) throws IOException, InterruptedException {
    if (!session.has(Capability.IDLE)) {
      Thread.sleep(Math.min(max.toMillis(), pollInterval.toMillis()));
      return;
    }
    Duration wait = max.compareTo(MAX_IDLE) < 0 ? max : MAX_IDLE;
    try (IdleHandle idle = session.idle()) {
      lock.lock();
      try {
        long deadline = System.nanoTime() + wait.toNanos();
        while (changes == changesAtPoll) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || !idle.isActive()) {
            break;
          }
          changed.await(left, TimeUnit.NANOSECONDS);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private long changes() {
    lock.lock();
    try {
      return changes;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void delete(Arrival arrival) throws MailException {
    if (!session.has(Capability.UIDPLUS)) {
      throw new CommandFailure(ExitCodes.CHECK_ERROR, "the server lacks UIDPLUS: not deleting (EXPUNGE would "
          + "also remove other messages marked \\Deleted)");
    }
    UidSet uid = UidSet.of(Long.parseLong(arrival.uid()));
    session.store(uid, StoreAction.ADD, Set.of(Flag.DELETED), true).await();
    session.expunge(uid).await();
  }

  @Override
  public String name() {
    return folder.name();
  }

  @Override
  public void close() {
    session.close();
  }
}
