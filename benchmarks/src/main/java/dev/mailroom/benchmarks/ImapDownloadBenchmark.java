package dev.mailroom.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Downloading the 2,000 seeded bodies of alice's INBOX (134 MB, {@code ../shared/lab/seed.py 2000}) from the lab's
 * Dovecot on plain 10143, read-only: one operation is the whole download; the score is seconds per download (MB/s is
 * 134 MB divided by it; {@code BenchmarkReport --imap} prints the ratios). {@code latencyMs} adds that delay each way
 * through a {@link LatencyProxy} (0: direct).
 *
 * <p>Mailroom runs in a fork with {@code -Xmx64m}: the whole download streams in constant memory. Angus runs twice
 * (its default partial fetch, and {@code mail.imap.partialfetch=false}); Commons Net fetches message by message.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.mailroom.benchmarks.ImapDownloadBenchmark [--latency 0,2]
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ImapDownloadBenchmark {
  static final String HOST = "127.0.0.1";

  @Param({"0", "2"})
  public int latencyMs;

  private LatencyProxy proxy;
  private MailroomImapSubject mailroom;
  private AngusImapPeer angus;
  private CommonsNetImapPeer commonsNet;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    int serverPort = Integer.getInteger("mailroom.imap.port", 10143);
    String user = System.getProperty("mailroom.imap.user", "alice");
    String password = System.getProperty("mailroom.imap.password", "alice-pw");
    int port = serverPort;
    if (latencyMs > 0) {
      proxy = LatencyProxy.start(serverPort, Duration.ofMillis(latencyMs));
      port = proxy.port();
    }
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    switch (method) {
      case "download_mailroom" -> mailroom = new MailroomImapSubject(HOST, port, user, password);
      case "download_angus" -> angus = new AngusImapPeer(HOST, port, user, password, true);
      case "download_angus_nopartial" -> angus = new AngusImapPeer(HOST, port, user, password, false);
      case "download_commonsnet" -> {
        long n;
        try (MailroomImapSubject count = new MailroomImapSubject(HOST, serverPort, user, password)) {
          n = count.messages();
        }
        commonsNet = new CommonsNetImapPeer(HOST, port, user, password, n);
      }
      default -> throw new IllegalStateException("no client for " + method);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try (LatencyProxy p = proxy; AngusImapPeer a = angus; CommonsNetImapPeer c = commonsNet;
        MailroomImapSubject m = mailroom) {
      mailroom = null;
      angus = null;
      commonsNet = null;
      proxy = null;
    }
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Xmx64m")
  public long download_mailroom() throws Exception {
    return mailroom.download();
  }

  @Benchmark
  public long download_angus() throws Exception {
    return angus.download();
  }

  @Benchmark
  public long download_angus_nopartial() throws Exception {
    return angus.download();
  }

  @Benchmark
  public long download_commonsnet() throws Exception {
    return commonsNet.download();
  }

  /** Runs the benchmark and prints MB/s per library and Mailroom's ratios, per latency. */
  public static void main(String[] args) throws Exception {
    String latencies = "0,2";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--latency")) {
        latencies = args[++i];
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    long bytes;
    try (MailroomImapSubject probe = new MailroomImapSubject(HOST, Integer.getInteger("mailroom.imap.port", 10143),
        System.getProperty("mailroom.imap.user", "alice"), System.getProperty("mailroom.imap.password", "alice-pw"))) {
      bytes = probe.download();
    }
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(ImapDownloadBenchmark.class.getName().replace(".", "\\.") + ".*")
        .param("latencyMs", latencies.split(","))
        .build()).run();
    Map<String, Map<String, Double>> mbps = new TreeMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
      double seconds = r.getPrimaryResult().getScore();
      mbps.computeIfAbsent(r.getParams().getParam("latencyMs"), k -> new TreeMap<>())
          .put(method.substring("download_".length()), bytes / 1e6 / seconds);
    }
    System.out.printf("%nIMAP download of %d bytes (alice INBOX), MB/s%n", bytes);
    for (Map.Entry<String, Map<String, Double>> e : mbps.entrySet()) {
      Map<String, Double> m = e.getValue();
      System.out.printf("latency %s ms each way:%n", e.getKey());
      m.forEach((lib, v) -> System.out.printf("  %-12s %10.1f MB/s%n", lib, v));
      Double mailroom = m.get("mailroom");
      if (mailroom != null) {
        m.forEach((lib, v) -> {
          if (!lib.equals("mailroom")) {
            System.out.printf("  mailroom / %-12s %8.1fx%n", lib, mailroom / v);
          }
        });
      }
    }
  }
}
