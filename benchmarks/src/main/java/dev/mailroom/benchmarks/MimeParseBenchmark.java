package dev.mailroom.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing the whole corpus, once with every leaf decoded ({@code fullParse}) and once reading only the top-level
 * header fields ({@code headersOnly}). One invocation is one pass over every message; the corpus size divided by
 * the time is the MB/s {@link BenchmarkReport} prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MimeParseBenchmark {
  private Corpus corpus;

  @Setup(Level.Trial)
  public void load() throws Exception {
    corpus = Corpus.load();
    // every library must decode exactly the manifest's bytes, or its figure is not comparable
    check("mailroom", fullParse_mailroom());
    check("mime4j", fullParse_mime4j());
    check("angus", fullParse_angus());
  }

  private void check(String library, long decoded) {
    if (decoded != corpus.manifestDecodedBytes) {
      System.err.printf("WARNING: %s decoded %d bytes, the manifest says %d%n", library, decoded,
          corpus.manifestDecodedBytes);
    }
  }

  @Benchmark
  public long fullParse_mailroom() throws Exception {
    CountingSink sink = new CountingSink();
    for (byte[] message : corpus.messages) {
      MailroomSubject.fullParse(message, sink);
    }
    return sink.count;
  }

  @Benchmark
  public long headersOnly_mailroom() throws Exception {
    long fields = 0;
    for (byte[] message : corpus.messages) {
      fields += MailroomSubject.headersOnly(message);
    }
    return fields;
  }

  @Benchmark
  public long fullParse_mime4j() throws Exception {
    CountingSink sink = new CountingSink();
    for (byte[] message : corpus.messages) {
      Mime4jPeer.fullParse(message, sink);
    }
    return sink.count;
  }

  @Benchmark
  public long fullParse_angus() throws Exception {
    CountingSink sink = new CountingSink();
    for (byte[] message : corpus.messages) {
      AngusPeer.fullParse(message, sink);
    }
    return sink.count;
  }

  @Benchmark
  public long headersOnly_mime4j() throws Exception {
    long fields = 0;
    for (byte[] message : corpus.messages) {
      fields += Mime4jPeer.headersOnly(message);
    }
    return fields;
  }

  @Benchmark
  public long headersOnly_angus() throws Exception {
    long fields = 0;
    for (byte[] message : corpus.messages) {
      fields += AngusPeer.headersOnly(message);
    }
    return fields;
  }
}
