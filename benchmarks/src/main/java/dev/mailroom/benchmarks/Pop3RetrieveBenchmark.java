package dev.mailroom.benchmarks;

import dev.mailroom.pop3.Pop3Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Time to retrieve the {@value Pop3BenchMailbox#COUNT} seeded benchmark messages from the lab's Dovecot
 * (127.0.0.1:10110, PIPELINING advertised) with each library, one whole session per operation: connect, USER/PASS,
 * UIDL, RETR of each benchmark message read to the end, QUIT. {@link BenchmarkReport} turns the time into MB/s with
 * the messages' total size and prints Mailroom's speed as a multiple of each peer's.
 *
 * <p>{@code latencyMs} is added each way by a {@link LatencyProxy} (2 ms each way: a 4 ms round trip); at 0 the
 * client connects directly. Mailroom pipelines the RETRs (a window of 32) because Dovecot offers PIPELINING; Angus
 * and Commons Net wait for each reply.
 *
 * <p>Needs the lab and the seeded messages: {@code BenchmarkReport --pop3} seeds them (or reuses them) and passes
 * their unique-ids with {@code -Dmailroom.pop3.uids=FILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Pop3RetrieveBenchmark {
  static final String HOST = "127.0.0.1";

  @Param({"0", "2"})
  public int latencyMs;

  private LatencyProxy proxy;
  private MailroomPop3Subject mailroom;
  private AngusPop3Peer angus;
  private CommonsNetPop3Peer commonsNet;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    int serverPort = Integer.getInteger("mailroom.pop3.port", 10110);
    Set<String> uids = new HashSet<>(Files.readAllLines(Path.of(System.getProperty("mailroom.pop3.uids")),
        StandardCharsets.US_ASCII));
    int port = serverPort;
    if (latencyMs > 0) {
      proxy = LatencyProxy.start(serverPort, Duration.ofMillis(latencyMs));
      port = proxy.port();
      try (Pop3Session session = Pop3BenchMailbox.client(HOST, port).connect()) {
        long start = System.nanoTime();
        session.noop();
        System.out.printf("%nproxy 127.0.0.1:%d -> %d, %d ms each way; NOOP round trip %.3f ms%n", port,
            serverPort, latencyMs, (System.nanoTime() - start) / 1e6);
      }
    }
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    switch (method) {
      case "retrieve_mailroom" -> mailroom = new MailroomPop3Subject(HOST, port, uids);
      case "retrieve_angus" -> angus = new AngusPop3Peer(HOST, port, uids);
      case "retrieve_commonsnet" -> commonsNet = new CommonsNetPop3Peer(HOST, port, uids);
      default -> throw new IllegalStateException("no client for " + method);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (proxy != null) {
      proxy.close();
      proxy = null;
    }
  }

  @Benchmark
  public long retrieve_mailroom() throws Exception {
    return mailroom.retrieve();
  }

  @Benchmark
  public long retrieve_angus() throws Exception {
    return angus.retrieve();
  }

  @Benchmark
  public long retrieve_commonsnet() throws Exception {
    return commonsNet.retrieve();
  }

  /** Fails the run if a library read less than 95% of the messages' size (line-ending conversions aside). */
  static long checked(long bytes, int messages) {
    long expected = Long.getLong("mailroom.pop3.bytes", 0);
    if (messages != Pop3BenchMailbox.COUNT || bytes < expected * 95 / 100) {
      throw new IllegalStateException("read " + bytes + " bytes of " + messages + " messages; expected about "
          + expected + " of " + Pop3BenchMailbox.COUNT);
    }
    return bytes;
  }
}
