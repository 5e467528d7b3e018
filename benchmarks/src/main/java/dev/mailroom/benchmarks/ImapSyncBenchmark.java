package dev.mailroom.benchmarks;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.imap.AppendRequest;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.AppendResult;
import dev.mailroom.imap.sync.MailboxSync;
import dev.mailroom.imap.sync.SyncCursor;
import dev.mailroom.imap.sync.SyncReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The sync engine against the lab's Dovecot: a folder of 2,000 messages (~4 KB each) in bob's account, synced fully
 * from an empty cursor, and incrementally after 20 changes made by another connection (10 flagged, 5 expunged,
 * 5 new). {@link #main} first counts round trips (client flights) and bytes of each through a {@link CountingProxy},
 * then times both with JMH. Target (IMAP extensions issue): the incremental sync costs at most 2 round trips and at
 * most 5 % of the full sync's bytes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.mailroom.benchmarks.ImapSyncBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ImapSyncBenchmark {
  static final String HOST = "127.0.0.1";
  static final int MESSAGES = 2000;
  static final int PORT = Integer.getInteger("mailroom.imap.port", 10143);

  private Folder folder;
  private ImapSession reader;
  private MailboxSync sync;

  /** The benchmark folder: created and filled, changed, removed. */
  static final class Folder implements AutoCloseable {
    final MailboxName name = MailboxName.of("mailroom-bench-sync-" + ProcessHandle.current().pid());
    final ImapSession writer;
    final List<Long> uids = new ArrayList<>();

    Folder() throws Exception {
      writer = session(PORT);
      try {
        writer.delete(name).await();
      } catch (dev.mailroom.imap.ImapCommandException absent) {
        // not there: fine
      }
      writer.create(name).await();
      List<ImapCommand<AppendResult>> appends = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        appends.add(writer.append(name, AppendRequest.of(message(i))));
      }
      for (ImapCommand<AppendResult> a : appends) {
        uids.add(a.await().uid().orElseThrow().value());
      }
    }

    /** Another client's 20 changes: 10 flagged, 5 expunged, 5 new. */
    void change() throws Exception {
      writer.select(name).await();
      List<Long> flagged = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        flagged.add(uids.get(100 + i * 150));
      }
      writer.store(UidSet.of(flagged), StoreAction.ADD, Set.of(Flag.FLAGGED), true).await();
      List<Long> gone = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        gone.add(uids.get(50 + i * 300));
      }
      writer.store(UidSet.of(gone), StoreAction.ADD, Set.of(Flag.DELETED), true).await();
      writer.expunge(UidSet.of(gone)).await();
      writer.unselect().await();
      for (int i = 0; i < 5; i++) {
        writer.append(name, AppendRequest.of(message(MESSAGES + i))).await();
      }
    }

    @Override
    public void close() throws Exception {
      writer.delete(name).await();
      writer.close();
    }
  }

  static ImapSession session(int port) throws Exception {
    return ImapClient.builder().endpoint(Endpoint.plain(HOST, port).allowingCleartextCredentials())
        .credentials(Credentials.password("bob", "bob-pw")).loginAllowed(true).build().connect();
  }

  /** A deterministic ~4 KB message. */
  static byte[] message(int i) {
    StringBuilder s = new StringBuilder("Message-ID: <bench-sync-" + i + "@mailroom.test>\r\nFrom: a@example.test\r\n"
        + "Subject: sync benchmark " + i + "\r\n\r\n");
    while (s.length() < 4000 + (i % 7) * 50) {
      s.append("line ").append(i).append(" of the sync benchmark body, padded to a few kilobytes.\r\n");
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private SyncCursor beforeChanges;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    folder = new Folder();
    reader = session(PORT);
    sync = MailboxSync.builder(reader, folder.name).build();
    beforeChanges = sync.run(SyncCursor.initial(), e -> { }).cursor();
    folder.change();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    reader.close();
    folder.close();
  }

  @Benchmark
  public SyncReport fullSync() throws Exception {
    return sync.run(SyncCursor.initial(), e -> { });
  }

  @Benchmark
  public SyncReport incrementalSync() throws Exception {
    return sync.run(beforeChanges, e -> { });
  }

  /** Counts round trips and bytes through a {@link CountingProxy}, then runs the JMH timing. */
  public static void main(String[] args) throws Exception {
    try (Folder f = new Folder(); CountingProxy proxy = CountingProxy.start(PORT);
        ImapSession s = session(proxy.port())) {
      MailboxSync sync = MailboxSync.builder(s, f.name).build();
      sync.run(SyncCursor.initial(), e -> { }); // enables QRESYNC on this session
      proxy.reset();
      SyncReport full = sync.run(SyncCursor.initial(), e -> { });
      long fullFlights = proxy.clientFlights();
      long fullBytes = proxy.bytesToClient() + proxy.bytesToServer();
      f.change();
      proxy.reset();
      SyncReport inc = sync.run(full.cursor(), e -> { });
      long incFlights = proxy.clientFlights();
      long incBytes = proxy.bytesToClient() + proxy.bytesToServer();
      System.out.printf("%nIMAP sync of %d messages (Dovecot, %s):%n", MESSAGES, inc.mode());
      System.out.printf("  full sync:        %d new, %3d round trips, %,12d bytes%n", full.newMessages(),
          fullFlights, fullBytes);
      System.out.printf("  incremental sync: %d new, %d flag changes, %d vanished set(s), %3d round trips, "
          + "%,12d bytes = %.2f %% of the full sync%n", inc.newMessages(), inc.flagChanges(), inc.vanishedRanges(),
          incFlights, incBytes, 100.0 * incBytes / fullBytes);
      System.out.printf("  target: <= 2 round trips (%s), <= 5 %% of the bytes (%s)%n%n",
          incFlights <= 2 ? "met" : "NOT met", incBytes * 20 <= fullBytes ? "met" : "NOT met");
    }
    if (args.length == 0 || !args[0].equals("--counts-only")) {
      new Runner(new OptionsBuilder().include(ImapSyncBenchmark.class.getName().replace(".", "\\.") + ".*")
          .build()).run();
    }
  }
}
