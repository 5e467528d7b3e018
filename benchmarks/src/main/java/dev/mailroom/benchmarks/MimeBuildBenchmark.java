package dev.mailroom.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Building the same message (text and HTML alternative with non-ASCII text, a 200 KB attachment, encoded headers)
 * and writing it to a counting sink, with each library.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MimeBuildBenchmark {
  private final BuildInput input = BuildInput.standard();

  @Benchmark
  public long build_mailroom() throws Exception {
    CountingSink sink = new CountingSink();
    MailroomSubject.buildAndWrite(input, sink);
    return sink.count;
  }

  @Benchmark
  public long build_mime4j() throws Exception {
    CountingSink sink = new CountingSink();
    Mime4jPeer.buildAndWrite(input, sink);
    return sink.count;
  }

  @Benchmark
  public long build_angus() throws Exception {
    CountingSink sink = new CountingSink();
    AngusPeer.buildAndWrite(input, sink);
    return sink.count;
  }
}
