package dev.mailroom.pop3;

import dev.mailroom.client.MailException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The common POP3 job, done so that no message is ever lost: download every message not yet seen (by UIDL), hand
 * each to a {@link MessageSink} that confirms durable storage, optionally delete the confirmed ones, then QUIT.
 *
 * <pre>{@code
 * FetchJob job = FetchJob.builder(client)
 *     .sink((ref, body) -> store.save(ref.uid(), body))   // returns only once the message is durable
 *     .seenUids(seenStore)                                 // exactly once across runs
 *     .deleteAfterStore(true)
 *     .build();
 * FetchReport report = job.run();
 * }</pre>
 *
 * <p>The guarantees, whatever fails (SECURITY.md P05, P06):
 * <ul>
 *   <li>A message is marked with DELE only after its sink call returned normally having read the whole body, and (with
 *       a seen-UID store) after its UID was recorded. A message whose sink threw, or that was cut mid-RETR, is never
 *       deleted.
 *   <li>If the run stops early (connection lost, grammar broken), the connection is dropped without QUIT, so the
 *       server deletes nothing.
 *   <li>Deletions count only when QUIT is answered {@code +OK} ({@link FetchReport#committed()}).
 *   <li>Re-running after any failure neither loses nor duplicates: without a seen-UID store every message still on
 *       the server is offered again (at least once); with one, a message already recorded is not downloaded again
 *       but is deleted (when deleting), so each is delivered exactly once.
 * </ul>
 * The one unavoidable window: a crash between the sink's durable write and {@link SeenUidStore#add} delivers that
 * message again next run. Make the sink and the store one transaction to close it.
 */
public final class FetchJob {
  private final Pop3Client client;
  private final MessageSink sink;
  private final SeenUidStore seen;
  private final boolean deleteAfterStore;

  private FetchJob(Builder b) {
    client = b.client;
    sink = Objects.requireNonNull(b.sink, "sink");
    seen = b.seen;
    deleteAfterStore = b.deleteAfterStore;
  }

  /** A builder for a job on {@code client} (which must have credentials). */
  public static Builder builder(Pop3Client client) {
    return new Builder(client);
  }

  /**
   * Runs the job once on a new session.
   *
   * @return what happened; failures after login are in {@link FetchReport#error()}
   * @throws MailException if the session could not be opened (nothing was read or deleted)
   */
  public FetchReport run() throws MailException {
    Pop3Session session = client.connect();
    Run run = new Run();
    try {
      run.fetch(session);
      UpdateResult update = session.quit();
      return run.report(update, null);
    } catch (IOException | RuntimeException e) {
      session.close(); // marked messages: dropped without QUIT, so nothing is deleted
      return run.report(null, e);
    }
  }

  /** The state of one run. */
  private final class Run {
    private int listed;
    private int alreadySeen;
    private final List<MessageRef> stored = new ArrayList<>();
    private final List<FetchReport.NotStored> notStored = new ArrayList<>();
    private final List<MessageRef> deleteRequested = new ArrayList<>();

    void fetch(Pop3Session session) throws IOException {
      session.stat();
      List<UidlEntry> uids = session.uidl();
      Map<Integer, Long> sizes = new HashMap<>();
      for (ListEntry entry : session.list()) {
        sizes.put(entry.number(), entry.sizeOctets());
      }
      listed = uids.size();
      Map<Integer, MessageRef> wanted = new HashMap<>();
      List<Integer> numbers = new ArrayList<>();
      Set<Integer> deletable = new HashSet<>();
      for (UidlEntry entry : uids) {
        MessageRef ref = new MessageRef(entry.number(), entry.uid(), sizes.getOrDefault(entry.number(), 0L));
        if (seen != null && seen.contains(entry.uid())) {
          alreadySeen++;
          deletable.add(entry.number());
        } else {
          wanted.put(entry.number(), ref);
          numbers.add(entry.number());
        }
      }
      session.retrieveAll(numbers, (number, body) -> {
        MessageRef ref = wanted.get(number);
        if (store(session, ref, body)) {
          stored.add(ref);
          deletable.add(number);
        }
      });
      if (!deleteAfterStore || deletable.isEmpty()) {
        return;
      }
      List<Integer> deletions = new ArrayList<>();
      for (UidlEntry entry : uids) {
        if (deletable.contains(entry.number())) {
          deletions.add(entry.number());
          deleteRequested.add(new MessageRef(entry.number(), entry.uid(),
              sizes.getOrDefault(entry.number(), 0L)));
        }
      }
      session.deleteAll(deletions);
    }

    /** Gives one body to the sink; true only if the sink confirmed it and it was whole and recorded. */
    private boolean store(Pop3Session session, MessageRef ref, InputStream body) throws IOException {
      EndTracking tracked = new EndTracking(body);
      try {
        sink.store(ref, tracked);
      } catch (IOException | RuntimeException e) {
        notStored.add(new FetchReport.NotStored(ref, e));
        if (!session.isOpen()) {
          throw e instanceof IOException io ? io : new IOException(e); // cut mid-RETR (P05): stop the run
        }
        return false;
      }
      if (!tracked.reachedEnd) {
        notStored.add(new FetchReport.NotStored(ref, new IOException("the sink returned before reading the whole "
            + "message; its confirmation is not believed")));
        return false;
      }
      if (seen != null) {
        try {
          seen.add(ref.uid());
        } catch (IOException | RuntimeException e) {
          notStored.add(new FetchReport.NotStored(ref, e));
          return false;
        }
      }
      return true;
    }

    FetchReport report(UpdateResult update, Exception error) {
      return new FetchReport(listed, alreadySeen, stored, notStored, deleteRequested, update, error);
    }
  }

  /** Notes whether the wrapped body was read to its end; closing it does not close the body. */
  private static final class EndTracking extends FilterInputStream {
    boolean reachedEnd;

    EndTracking(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      reachedEnd |= b == -1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      reachedEnd |= n == -1;
      return n;
    }

    @Override
    public void close() {
      // the session skips what is left; a sink closing early is caught by reachedEnd
    }
  }

  /** Builds a {@link FetchJob}. */
  public static final class Builder {
    private final Pop3Client client;
    private MessageSink sink;
    private SeenUidStore seen;
    private boolean deleteAfterStore;

    private Builder(Pop3Client client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Where messages go (required). */
    public Builder sink(MessageSink value) {
      sink = Objects.requireNonNull(value, "sink");
      return this;
    }

    /** The seen-UID store: without one every message on the server is downloaded each run (at least once). */
    public Builder seenUids(SeenUidStore value) {
      seen = value;
      return this;
    }

    /** Whether to delete confirmed messages from the server (default false: leave mail on the server). */
    public Builder deleteAfterStore(boolean value) {
      deleteAfterStore = value;
      return this;
    }

    public FetchJob build() {
      return new FetchJob(this);
    }
  }
}
