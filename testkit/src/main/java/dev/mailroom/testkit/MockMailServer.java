package dev.mailroom.testkit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * A scripted fake mail server for tests, protocol-neutral: the MockWebServer of mail. It binds a loopback port, serves
 * each connection on its own thread, records every line and payload the client sends exactly as sent, and answers with
 * {@link MockReply replies} chosen by a {@link Dispatcher} (by default a {@link QueueDispatcher} fed by
 * {@link #enqueue}).
 *
 * <p>The server shares no code with Mailroom's clients: it reads client input with its own strict, bounded reader, so a
 * client bug is never mirrored by the server.
 *
 * <pre>{@code
 * try (MockMailServer server = new MockMailServer()) {
 *   server.enqueue(MockReply.of("220 mx.test ESMTP"), MockReply.of("250 mx.test"));
 *   server.start();
 *   try (Socket client = new Socket(server.host(), server.port())) {
 *     BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), UTF_8));
 *     assertEquals("220 mx.test ESMTP", in.readLine());
 *     client.getOutputStream().write("EHLO client.test\r\n".getBytes(UTF_8));
 *     assertEquals("250 mx.test", in.readLine());
 *   }
 *   RecordedCommand ehlo = server.takeCommand();
 *   assertEquals("EHLO client.test", ehlo.line());
 *   assertEquals(LineEnding.CRLF, ehlo.ending());
 * } // close() throws AssertionError if the server recorded an unreported failure
 * }</pre>
 *
 * <p>An unexpected command (nothing enqueued) gets the fail-fast reply and is recorded as a failure;
 * {@link #verifyNoFailures()}, {@link #close()} and {@code StartStopExtension} report it. This class is thread-safe.
 */
public class MockMailServer implements AutoCloseable {
  /** How long {@link #takeCommand()}, {@link #takePayload()} and {@link #takeHandshake()} wait. */
  public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final ReentrantLock lock = new ReentrantLock();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Recordings<RecordedCommand> commands = new Recordings<>("command");
  private final Recordings<RecordedPayload> payloads = new Recordings<>("payload");
  private final Recordings<RecordedHandshake> handshakes = new Recordings<>("TLS handshake");
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final Set<ServerConnection> openConnections = ConcurrentHashMap.newKeySet();

  private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();
  private volatile Dispatcher dispatcher;
  private volatile SSLContext implicitTls;
  private volatile SSLContext startTls;
  private volatile int maxLineBytes = 64 * 1024;
  private volatile long maxPayloadBytes = 16L * 1024 * 1024;
  private ThreadFactory threadFactory; // guarded by lock
  private ServerSocket serverSocket; // guarded by lock
  private ExecutorService executor; // guarded by lock
  private volatile boolean closed;
  private int reportedFailures; // guarded by lock

  /** A server answering from a {@link QueueDispatcher} whose fail-fast reply closes the connection. */
  public MockMailServer() {
    this(new QueueDispatcher());
  }

  /**
   * A server answering from this dispatcher.
   *
   * @param dispatcher the dispatcher
   */
  public MockMailServer(Dispatcher dispatcher) {
    setDispatcher(dispatcher);
  }

  /**
   * Binds {@code 127.0.0.1} on a free port and starts accepting connections.
   *
   * @throws IOException if the port cannot be bound
   * @throws IllegalStateException if already started or closed
   */
  public void start() throws IOException {
    start(InetAddress.getLoopbackAddress(), 0);
  }

  /**
   * Binds this address and port (0 for a free one) and starts accepting connections.
   *
   * @param address the address to bind
   * @param port the port, or 0
   * @throws IOException if the port cannot be bound
   * @throws IllegalStateException if already started or closed
   */
  public void start(InetAddress address, int port) throws IOException {
    lock.lock();
    try {
      if (closed) throw new IllegalStateException("closed");
      if (serverSocket != null) throw new IllegalStateException("already started");
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(address, port), 50);
      serverSocket = socket;
      ThreadFactory factory = threadFactory != null ? threadFactory : daemonThreads(socket.getLocalPort());
      executor = Executors.newCachedThreadPool(factory);
      executor.execute(this::acceptConnections);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the bound address as a literal, for instance {@code "127.0.0.1"}. */
  public String host() {
    return socketAddress().getAddress().getHostAddress();
  }

  /** Returns the bound port. */
  public int port() {
    return socketAddress().getPort();
  }

  /** Returns the bound address and port. */
  public InetSocketAddress socketAddress() {
    lock.lock();
    try {
      if (serverSocket == null) throw new IllegalStateException("call start() first");
      return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds replies to the {@link QueueDispatcher}.
   *
   * @param replies the replies, in order; a new connection's first reply is its greeting
   * @throws IllegalStateException if the dispatcher is not a {@link QueueDispatcher}
   */
  public void enqueue(MockReply... replies) {
    if (!(dispatcher instanceof QueueDispatcher queue)) {
      throw new IllegalStateException("enqueue needs a QueueDispatcher; the dispatcher is " + dispatcher);
    }
    queue.enqueue(replies);
  }

  /**
   * Replaces the dispatcher; connections use it from their next reply. Failures recorded by the old dispatcher are
   * still reported.
   *
   * @param dispatcher the new dispatcher
   */
  public void setDispatcher(Dispatcher dispatcher) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    if (!dispatchers.contains(dispatcher)) {
      dispatcher.addFailureListener(failures::add);
      dispatchers.add(dispatcher);
    }
    this.dispatcher = dispatcher;
    if (closed) dispatcher.shutdown();
  }

  /** Returns the current dispatcher. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Serves implicit TLS: every new connection starts with a TLS handshake (TLS 1.2 or 1.3) using this certificate.
   *
   * @param certificates the server certificate
   */
  public void useTls(TestCertificates certificates) {
    useTls(certificates.serverContext());
  }

  /**
   * Serves implicit TLS with this server-side context (TLS 1.2 or 1.3 only).
   *
   * @param serverContext the context, or null to turn implicit TLS off
   */
  public void useTls(SSLContext serverContext) {
    implicitTls = serverContext;
  }

  /**
   * Sets the certificate used by replies with {@link MockReply#thenStartTls()}. Whether STARTTLS is advertised is up
   * to the script.
   *
   * @param certificates the server certificate
   */
  public void offerStartTls(TestCertificates certificates) {
    offerStartTls(certificates.serverContext());
  }

  /**
   * Sets the server-side context used by replies with {@link MockReply#thenStartTls()}.
   *
   * @param serverContext the context
   */
  public void offerStartTls(SSLContext serverContext) {
    startTls = serverContext;
  }

  /**
   * Limits a client line, with its ending; a longer line is recorded as a failure and closes the connection.
   *
   * @param maxLineBytes the limit; 64 KiB by default
   */
  public void setMaxLineBytes(int maxLineBytes) {
    if (maxLineBytes < 2) throw new IllegalArgumentException("maxLineBytes < 2");
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Limits a client payload; a longer one is recorded as a failure and closes the connection.
   *
   * @param maxPayloadBytes the limit; 16 MiB by default
   */
  public void setMaxPayloadBytes(long maxPayloadBytes) {
    if (maxPayloadBytes < 3) throw new IllegalArgumentException("maxPayloadBytes < 3");
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Sets the factory for the accept thread and the per-connection threads, for instance
   * {@code Thread.ofVirtual().factory()} on Java 21. By default they are daemon platform threads.
   *
   * @param threadFactory the factory
   * @throws IllegalStateException if already started
   */
  public void setThreadFactory(ThreadFactory threadFactory) {
    lock.lock();
    try {
      if (serverSocket != null) throw new IllegalStateException("already started");
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the oldest command not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}.
   *
   * @return the command
   * @throws AssertionError if none arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedCommand takeCommand() throws InterruptedException {
    return commands.take(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * Returns the oldest command not yet taken, waiting up to {@code timeout}.
   *
   * @param timeout how long to wait
   * @return the command
   * @throws AssertionError if none arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedCommand takeCommand(Duration timeout) throws InterruptedException {
    return commands.take(timeout);
  }

  /** Returns how many command lines were recorded on all connections, taken or not. */
  public int commandCount() {
    return commands.count();
  }

  /** Returns every command line recorded so far, in order, taken or not. */
  public List<RecordedCommand> commands() {
    return commands.all();
  }

  /**
   * Returns the oldest payload not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}.
   *
   * @return the payload
   * @throws AssertionError if none arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedPayload takePayload() throws InterruptedException {
    return payloads.take(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * Returns the oldest payload not yet taken, waiting up to {@code timeout}.
   *
   * @param timeout how long to wait
   * @return the payload
   * @throws AssertionError if none arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedPayload takePayload(Duration timeout) throws InterruptedException {
    return payloads.take(timeout);
  }

  /** Returns how many payloads were recorded, taken or not. */
  public int payloadCount() {
    return payloads.count();
  }

  /** Returns every payload recorded so far, in order, taken or not. */
  public List<RecordedPayload> payloads() {
    return payloads.all();
  }

  /**
   * Returns the oldest TLS handshake attempt not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}.
   *
   * @return the handshake
   * @throws AssertionError if none happens in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedHandshake takeHandshake() throws InterruptedException {
    return handshakes.take(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * Returns the oldest TLS handshake attempt not yet taken, waiting up to {@code timeout}.
   *
   * @param timeout how long to wait
   * @return the handshake
   * @throws AssertionError if none happens in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedHandshake takeHandshake(Duration timeout) throws InterruptedException {
    return handshakes.take(timeout);
  }

  /** Returns how many TLS handshakes were attempted, taken or not. */
  public int handshakeCount() {
    return handshakes.count();
  }

  /** Returns every TLS handshake attempt so far, in order, taken or not. */
  public List<RecordedHandshake> handshakes() {
    return handshakes.all();
  }

  /** Returns how many connections were accepted. */
  public int connectionCount() {
    return connectionCount.get();
  }

  /** Returns every failure recorded so far (fail-fast answers, transcript mismatches, over-long lines...). */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /**
   * Throws if failures were recorded since the last {@code verifyNoFailures()}; those failures then count as reported.
   *
   * @throws AssertionError listing the new failures
   */
  public void verifyNoFailures() {
    List<String> all = failures();
    List<String> fresh;
    lock.lock();
    try {
      fresh = all.subList(Math.min(reportedFailures, all.size()), all.size());
      reportedFailures = all.size();
    } finally {
      lock.unlock();
    }
    if (!fresh.isEmpty()) {
      StringBuilder message = new StringBuilder("MockMailServer recorded ").append(fresh.size())
          .append(fresh.size() == 1 ? " failure:" : " failures:");
      fresh.forEach(f -> message.append("\n  - ").append(f));
      throw new AssertionError(message.toString());
    }
  }

  /**
   * Stops the server: stops accepting, releases threads waiting in the dispatcher, closes every connection (no
   * {@code close_notify}) and waits briefly for the connection threads to end. Idempotent.
   *
   * @throws AssertionError if failures were recorded and not yet reported by {@link #verifyNoFailures()} (only on the
   *     first call)
   */
  @Override
  public void close() {
    ServerSocket socket;
    ExecutorService threads;
    lock.lock();
    try {
      if (closed) return;
      closed = true;
      socket = serverSocket;
      threads = executor;
    } finally {
      lock.unlock();
    }
    closing.countDown();
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
    dispatchers.forEach(Dispatcher::shutdown);
    new ArrayList<>(openConnections).forEach(ServerConnection::forceClose);
    if (threads != null) awaitTermination(threads);
    verifyNoFailures();
  }

  private void acceptConnections() {
    Thread.currentThread().setName("MockMailServer " + port() + " accept");
    ServerSocket socket;
    ExecutorService threads;
    lock.lock();
    try {
      socket = serverSocket;
      threads = executor;
    } finally {
      lock.unlock();
    }
    while (true) {
      Socket accepted;
      try {
        accepted = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      ServerConnection connection = new ServerConnection(this, connectionCount.getAndIncrement(), accepted);
      openConnections.add(connection);
      try {
        if (closed) throw new RejectedExecutionException("closed");
        threads.execute(connection);
      } catch (RejectedExecutionException e) {
        connection.forceClose();
        openConnections.remove(connection);
      }
    }
  }

  private static void awaitTermination(ExecutorService threads) {
    threads.shutdown();
    try {
      if (!threads.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
        threads.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(int port) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "MockMailServer " + port + " thread " + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }

  // Package-private hooks for connections and protocol servers.

  void recordFailure(String message) {
    failures.add(message);
  }

  void record(RecordedCommand command) {
    commands.add(command);
  }

  void record(RecordedPayload payload) {
    payloads.add(payload);
  }

  void record(RecordedHandshake handshake) {
    handshakes.add(handshake);
  }

  /** Asks the dispatcher for the reply to a command line; a protocol server may adjust the framing. */
  MockReply dispatch(Dispatcher dispatcher, RecordedCommand command) throws InterruptedException {
    return dispatcher.dispatch(command);
  }

  void connectionEnded(ServerConnection connection) {
    openConnections.remove(connection);
  }

  SSLContext implicitTlsContext() {
    return implicitTls;
  }

  SSLContext startTlsContext() {
    return startTls;
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  long maxPayloadBytes() {
    return maxPayloadBytes;
  }

  boolean isClosing() {
    return closed;
  }

  /** Waits for {@code timeout} (null: for ever); true if the server is closing. */
  boolean awaitClosing(Duration timeout) throws InterruptedIOException {
    try {
      if (timeout == null) {
        closing.await();
        return true;
      }
      return closing.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
