package dev.mailroom.benchmarks;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the MIME benchmarks for Mailroom and its peers (mime4j, Angus Mail) in one JMH run over one in-memory corpus
 * and prints MB/s per library and Mailroom's speed as a multiple of each peer's; with {@code --smtp} (or an
 * {@code --include} that selects {@link SmtpSendBenchmark}), the SMTP send benchmark against the lab's Postfix, printed
 * as messages/s and ratios per (added latency, body size); with {@code --pop3}, the POP3 retrieval benchmark against the
 * lab's Dovecot ({@link Pop3RetrieveBenchmark}), printed as MB/s and ratios per added latency.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar                 # generates ../shared corpus (n=200) into target/
 * java -jar benchmarks/target/benchmarks.jar --n 500 --quick # other corpus size, shorter iterations
 * java -jar benchmarks/target/benchmarks.jar --corpus DIR    # an existing gen.py corpus
 * java -jar benchmarks/target/benchmarks.jar --smtp --quick  # SMTP send (needs ../shared/lab/up.sh running)
 * java -jar benchmarks/target/benchmarks.jar --include '.*SmtpSend.*' --quick   # the same
 * java -jar benchmarks/target/benchmarks.jar --smtp --latency 0,1,2 --sizes 2048   # other ms each way / body sizes
 * # SMTP runs then remove their mail from bob's INBOX (BenchMailCleanup); --keep-mail keeps it
 * java -jar benchmarks/target/benchmarks.jar --pop3 --quick  # POP3 retrieval of 500 seeded messages (lab needed)
 * # POP3 runs seed bob with seed.py --seed 61 (or reuse target/pop3-bench-uids.txt) and remove them at the end
 * </pre>
 *
 * Benchmark methods are named {@code operation_library}; Mailroom's are {@code operation_mailroom}.
 */
public final class BenchmarkReport {
  private BenchmarkReport() { }

  public static void main(String[] args) throws Exception {
    int n = 200;
    boolean quick = false;
    boolean cleanup = true;
    String[] latencies = null;
    String[] bodySizes = null;
    Path corpusDir = null;
    String include = "dev\\.mailroom\\.benchmarks\\.Mime.*";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--quick" -> quick = true;
        case "--corpus" -> corpusDir = Path.of(args[++i]);
        case "--include" -> include = args[++i];
        case "--keep-mail" -> cleanup = false; // also passed to the forks: per-trial cleanup off
        case "--latency" -> latencies = args[++i].split(",");
        case "--sizes" -> bodySizes = args[++i].split(",");
        case "--smtp" -> include = "dev\\.mailroom\\.benchmarks\\.SmtpSend.*";
        case "--pop3" -> include = "dev\\.mailroom\\.benchmarks\\.Pop3Retrieve.*";
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Pattern selected = Pattern.compile(include);
    boolean mime = selects(selected, MimeParseBenchmark.class) || selects(selected, MimeBuildBenchmark.class);
    Corpus corpus = null;
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(1)
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 2 : 3))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 2 : 3))
        .jvmArgsAppend("-Xmx3g");
    if (mime) {
      Path shared = Path.of(System.getProperty("mailroom.shared.dir", "../shared")).toAbsolutePath().normalize();
      if (corpusDir == null) {
        corpusDir = Corpus.generate(shared, Path.of("target", "bench-corpus-seed1-n" + n).toAbsolutePath(), n, 1);
      }
      corpus = Corpus.load(corpusDir);
      System.out.printf("corpus: %s, %d messages, %.1f MB, %d leaves, %d decoded bytes (manifest)%n", corpusDir,
          corpus.messages.size(), corpus.totalBytes / 1e6, corpus.manifestLeaves, corpus.manifestDecodedBytes);
      options.jvmArgsAppend("-Dmailroom.corpus=" + corpusDir);
    }
    if (latencies != null) {
      options.param("latencyMs", latencies);
    }
    if (bodySizes != null) {
      options.param("bodyBytes", bodySizes);
    }
    int pop3Port = Integer.getInteger("mailroom.pop3.port", 10110);
    Path pop3Uids = Path.of("target", "pop3-bench-uids.txt").toAbsolutePath();
    long pop3Bytes = 0;
    if (selects(selected, Pop3RetrieveBenchmark.class)) {
      Path shared = Path.of(System.getProperty("mailroom.shared.dir", "../shared")).toAbsolutePath().normalize();
      List<String> uids = Pop3BenchMailbox.prepare(shared, pop3Uids, pop3Port);
      pop3Bytes = Pop3BenchMailbox.totalBytes(uids, pop3Port);
      System.out.printf("POP3 mailbox: %d messages of bob (seed %d), %.1f MB (LIST sizes)%n", uids.size(),
          Pop3BenchMailbox.SEED, pop3Bytes / 1e6);
      options.jvmArgsAppend("-Dmailroom.pop3.uids=" + pop3Uids, "-Dmailroom.pop3.bytes=" + pop3Bytes,
          "-Dmailroom.pop3.port=" + pop3Port);
    }
    if (!cleanup) {
      options.jvmArgsAppend("-Dmailroom.keepMail=true");
    }
    Integer smtpPort = Integer.getInteger("mailroom.smtp.port");
    if (smtpPort != null) {
      options.jvmArgsAppend("-Dmailroom.smtp.port=" + smtpPort);
    }
    Collection<RunResult> results = new Runner(options.build()).run();

    List<RunResult> mimeResults = new ArrayList<>();
    List<RunResult> smtpResults = new ArrayList<>();
    List<RunResult> pop3Results = new ArrayList<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      (benchmark.contains(".SmtpSendBenchmark.") ? smtpResults
          : benchmark.contains(".Pop3RetrieveBenchmark.") ? pop3Results : mimeResults).add(result);
    }
    if (!pop3Results.isEmpty()) {
      Pop3Report.print(pop3Results, pop3Bytes);
    }
    if (pop3Bytes > 0 && cleanup) {
      int removed = Pop3BenchMailbox.remove(pop3Uids, pop3Port);
      System.out.println("removed the " + removed + " POP3 benchmark messages from bob@example.test's INBOX"
          + " (--keep-mail keeps them for the next run)");
    }
    if (!mimeResults.isEmpty() && corpus != null) {
      printMime(mimeResults, corpus);
    }
    if (!smtpResults.isEmpty()) {
      printSmtp(smtpResults);
      if (cleanup) {
        int removed = BenchMailCleanup.run(Integer.getInteger("mailroom.imap.port", 10143), 120_000);
        System.out.println("removed " + removed + " benchmark messages from bob@example.test's INBOX"
            + " (--keep-mail keeps them)");
      }
    }
  }

  private static boolean selects(Pattern include, Class<?> benchmarkClass) {
    for (Method m : benchmarkClass.getDeclaredMethods()) {
      String name = benchmarkClass.getName() + "." + m.getName();
      if (m.isAnnotationPresent(Benchmark.class) && include.matcher(name).find()) {
        return true;
      }
    }
    return false;
  }

  private static String[] operationAndLibrary(RunResult result) {
    String method = result.getParams().getBenchmark();
    method = method.substring(method.lastIndexOf('.') + 1);
    int underscore = method.indexOf('_');
    return new String[] {method.substring(0, underscore), method.substring(underscore + 1)};
  }

  private static void printMime(List<RunResult> results, Corpus corpus) {
    Map<String, Map<String, double[]>> byOperation = new TreeMap<>();
    for (RunResult result : results) {
      String[] ol = operationAndLibrary(result);
      double msPerOp = result.getPrimaryResult().getScore();
      double error = result.getPrimaryResult().getScoreError();
      byOperation.computeIfAbsent(ol[0], k -> new TreeMap<>()).put(ol[1], new double[] {msPerOp, error});
    }
    double buildBytes = BuildInput.standard().approximateBytes();
    System.out.println();
    System.out.printf("%-12s %-10s %12s %10s %12s%n", "operation", "library", "ms/op", "MB/s", "mailroom is");
    for (var entry : byOperation.entrySet()) {
      double bytes = entry.getKey().startsWith("build") ? buildBytes : corpus.totalBytes;
      double[] mailroom = entry.getValue().get("mailroom");
      for (var library : entry.getValue().entrySet()) {
        double ms = library.getValue()[0];
        double mbPerSecond = bytes / 1e6 / (ms / 1000.0);
        String ratio = mailroom == null || library.getKey().equals("mailroom") ? ""
            : String.format("%.2fx", ms / mailroom[0]);
        System.out.printf("%-12s %-10s %9.3f±%-5.2f %8.1f %12s%n", entry.getKey(), library.getKey(), ms,
            library.getValue()[1], mbPerSecond, ratio);
      }
    }
    System.out.println("\nratio = peer time / Mailroom time (above 1 means Mailroom is faster)");
  }

  /**
   * SMTP group: messages/s per library for each (added latency, body size) combination; each Mailroom row
   * ({@code send_mailroom*}) also shows its rate as a multiple of each peer's in the same combination.
   */
  private static void printSmtp(List<RunResult> results) {
    Map<String, Map<String, double[]>> byCase = new TreeMap<>();
    Set<String> peers = new TreeSet<>();
    for (RunResult result : results) {
      String library = operationAndLibrary(result)[1];
      if (!library.startsWith("mailroom")) {
        peers.add(library);
      }
      int latency = Integer.parseInt(result.getParams().getParam("latencyMs"));
      int body = Integer.parseInt(result.getParams().getParam("bodyBytes"));
      String unit = result.getPrimaryResult().getScoreUnit();
      double perSecond = perSecond(result.getPrimaryResult().getScore(), unit);
      double error = perSecond(result.getPrimaryResult().getScoreError(), unit);
      String key = String.format("%03d|%09d", latency, body);
      byCase.computeIfAbsent(key, k -> new TreeMap<>()).put(library, new double[] {perSecond, error, latency, body});
    }
    System.out.println();
    System.out.println("SMTP send to Postfix on loopback, one connection reused;"
        + " latency = added each way by the proxy (0: direct)");
    StringBuilder header = new StringBuilder(String.format("%-8s %-7s %-14s %17s", "latency", "body", "library",
        "messages/s"));
    for (String peer : peers) {
      header.append(String.format(" %14s", "x " + peer));
    }
    System.out.println(header);
    for (Map<String, double[]> libraries : byCase.values()) {
      for (var library : libraries.entrySet()) {
        double[] v = library.getValue();
        String error = Double.isNaN(v[1]) ? "" : String.format("±%.1f", v[1]);
        StringBuilder row = new StringBuilder(String.format("%-8s %-7s %-14s %9.1f%-8s", (int) v[2] + " ms",
            size((int) v[3]), library.getKey(), v[0], error));
        for (String peer : peers) {
          double[] p = libraries.get(peer);
          boolean show = library.getKey().startsWith("mailroom") && p != null;
          row.append(String.format(" %14s", show ? String.format("%.2fx", v[0] / p[0]) : ""));
        }
        System.out.println(row);
      }
    }
    boolean anyMailroom = byCase.values().stream().anyMatch(m -> m.keySet().stream().anyMatch(
        l -> l.startsWith("mailroom")));
    System.out.println("\nx peer = Mailroom messages/s / that peer's messages/s (above 1 means Mailroom is faster)");
    if (!anyMailroom) {
      System.out.println("(no send_mailroom results in this run: peers only)");
    }
  }

  private static double perSecond(double score, String unit) {
    return switch (unit) {
      case "ops/s" -> score;
      case "ops/ms" -> score * 1e3;
      case "ops/us" -> score * 1e6;
      case "ops/min" -> score / 60;
      default -> throw new IllegalStateException("unexpected throughput unit " + unit);
    };
  }

  private static String size(int bytes) {
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
  }
}
