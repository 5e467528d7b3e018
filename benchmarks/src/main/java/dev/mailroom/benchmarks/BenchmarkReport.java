package dev.mailroom.benchmarks;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the MIME benchmarks for Mailroom and its peers (mime4j, Angus Mail) in one JMH run over one in-memory corpus
 * and prints MB/s per library and Mailroom's speed as a multiple of each peer's.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar                 # generates ../shared corpus (n=200) into target/
 * java -jar benchmarks/target/benchmarks.jar --n 500 --quick # other corpus size, shorter iterations
 * java -jar benchmarks/target/benchmarks.jar --corpus DIR    # an existing gen.py corpus
 * </pre>
 *
 * Benchmark methods are named {@code operation_library}; Mailroom's are {@code operation_mailroom}.
 */
public final class BenchmarkReport {
  private BenchmarkReport() { }

  public static void main(String[] args) throws Exception {
    int n = 200;
    boolean quick = false;
    Path corpusDir = null;
    String include = "dev\\.mailroom\\.benchmarks\\.Mime.*";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--quick" -> quick = true;
        case "--corpus" -> corpusDir = Path.of(args[++i]);
        case "--include" -> include = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path shared = Path.of(System.getProperty("mailroom.shared.dir", "../shared")).toAbsolutePath().normalize();
    if (corpusDir == null) {
      corpusDir = Corpus.generate(shared, Path.of("target", "bench-corpus-seed1-n" + n).toAbsolutePath(), n, 1);
    }
    Corpus corpus = Corpus.load(corpusDir);
    System.out.printf("corpus: %s, %d messages, %.1f MB, %d leaves, %d decoded bytes (manifest)%n", corpusDir,
        corpus.messages.size(), corpus.totalBytes / 1e6, corpus.manifestLeaves, corpus.manifestDecodedBytes);

    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(1)
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 2 : 3))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 2 : 3))
        .timeUnit(TimeUnit.MILLISECONDS)
        .jvmArgsAppend("-Xmx3g", "-Dmailroom.corpus=" + corpusDir);
    Collection<RunResult> results = new Runner(options.build()).run();

    Map<String, Map<String, double[]>> byOperation = new TreeMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      int underscore = method.indexOf('_');
      String operation = method.substring(0, underscore);
      String library = method.substring(underscore + 1);
      double msPerOp = result.getPrimaryResult().getScore();
      double error = result.getPrimaryResult().getScoreError();
      byOperation.computeIfAbsent(operation, k -> new TreeMap<>()).put(library, new double[] {msPerOp, error});
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
}
