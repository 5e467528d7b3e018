package dev.mailroom.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Messages per second sent over one SMTP connection to the lab's Postfix (127.0.0.1:10025, no AUTH, PIPELINING and
 * CHUNKING advertised), by each library, to {@code bob@example.test}. The connection is opened once per trial and
 * reused for every message, as a sender holding a connection would.
 *
 * <p>{@code latencyMs} is the delay added in each direction by a {@link LatencyProxy} between the client and Postfix
 * (2 ms each way is a 4 ms round trip, a server in the same region). At {@code 0} the client connects to Postfix
 * directly: a proxy that adds nothing would only add its own thread hand-offs. {@code bodyBytes} is the size of the
 * text/plain body ({@link SmtpMessage}); the bytes are built once per trial.
 *
 * <p>Mailroom runs three ways: {@code send_mailroom} with the default client ({@code send}: PIPELINING, DATA; two
 * round trips per message), {@code send_mailroom_bdat} with {@code preferChunking(true)} (BDAT, as Postfix offers
 * CHUNKING) and {@code send_mailroom_batch} ({@code sendAll} of {@value #BATCH} messages: each body shares its
 * flight with the next envelope, one round trip per message). Angus and Commons Net send MAIL, RCPT, DATA and the
 * message each waiting for its reply; neither has a way to overlap messages.
 *
 * <p>Needs the lab running ({@code ../shared/lab/up.sh}). Override the target with {@code -Dmailroom.smtp.port=N}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmtpSendBenchmark {
  static final String HOST = "127.0.0.1";
  static final int BATCH = 10;

  @Param({"0", "2"})
  public int latencyMs;

  @Param({"2048", "102400"})
  public int bodyBytes;

  private LatencyProxy proxy;
  private MailroomSmtpSubject mailroom;
  private AngusSmtpPeer angus;
  private CommonsNetSmtpPeer commonsNet;

  /**
   * Starts the proxy (checking that a round trip through it takes at least 2 × latency) and connects the client of
   * this trial's benchmark method only.
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    int serverPort = Integer.getInteger("mailroom.smtp.port", 10025);
    int port = serverPort;
    if (latencyMs > 0) {
      proxy = LatencyProxy.start(serverPort, Duration.ofMillis(latencyMs));
      Duration roundTrip = proxy.checkSmtpRoundTrip();
      System.out.printf("%nproxy 127.0.0.1:%d -> %d, %d ms each way; NOOP round trip %.3f ms%n", proxy.port(),
          serverPort, latencyMs, roundTrip.toNanos() / 1e6);
      port = proxy.port();
    }
    byte[] message = SmtpMessage.build(bodyBytes);
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    switch (method) {
      case "send_mailroom" -> mailroom = new MailroomSmtpSubject(HOST, port, message, false);
      case "send_mailroom_batch" -> mailroom = new MailroomSmtpSubject(HOST, port, message, false);
      case "send_mailroom_bdat" -> mailroom = new MailroomSmtpSubject(HOST, port, message, true);
      case "send_angus" -> angus = new AngusSmtpPeer(HOST, port, message);
      case "send_commonsnet" -> commonsNet = new CommonsNetSmtpPeer(HOST, port, message);
      default -> throw new IllegalStateException("no client for " + method);
    }
  }

  /**
   * Closes this trial's client and proxy, then waits until Postfix has delivered everything this trial sent and
   * removes it from bob's INBOX: the next trial starts with an idle server and the same mailbox, whatever ran before
   * it (JMH runs the libraries one after another, and background delivery would otherwise slow down whichever comes
   * later). {@code -Dmailroom.keepMail=true} keeps the mail.
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      closeClients();
    } finally {
      if (!Boolean.getBoolean("mailroom.keepMail")) {
        BenchMailCleanup.run(Integer.getInteger("mailroom.imap.port", 10143), 120_000);
      }
    }
  }

  private void closeClients() throws Exception {
    try (LatencyProxy p = proxy; AngusSmtpPeer a = angus; CommonsNetSmtpPeer c = commonsNet;
        MailroomSmtpSubject m = mailroom) {
      mailroom = null;
      angus = null;
      commonsNet = null;
      proxy = null;
    }
  }

  @Benchmark
  public Object send_mailroom() throws Exception {
    return mailroom.send();
  }

  @Benchmark
  public Object send_mailroom_bdat() throws Exception {
    return mailroom.send();
  }

  /** Messages sent with {@code sendAll}, {@value #BATCH} per call: one round trip per message. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object send_mailroom_batch() throws Exception {
    return mailroom.sendBatch(BATCH);
  }

  @Benchmark
  public void send_angus() throws Exception {
    angus.send();
  }

  @Benchmark
  public void send_commonsnet() throws Exception {
    commonsNet.send();
  }
}
