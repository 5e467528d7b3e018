package dev.mailroom.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Decides the fake server's replies. One dispatcher serves all of a server's connections, on the connections' own
 * threads, so implementations must be thread-safe.
 *
 * <p>A dispatcher reports what a test should fail on with {@link #recordFailure(String)}; the server collects these in
 * {@link MockMailServer#failures()}, and {@link MockMailServer#verifyNoFailures()}, {@link MockMailServer#close()}
 * and the JUnit extension report them. The default is {@link QueueDispatcher}; {@link Transcript} is a strict script.
 *
 * <pre>{@code
 * server.setDispatcher(new Dispatcher() {
 *   public MockReply greeting(ConnectionInfo connection) {
 *     return MockReply.of("+OK ready");
 *   }
 *   public MockReply dispatch(RecordedCommand command) {
 *     return command.line().equals("QUIT") ? MockReply.of("+OK bye").onReplyEnd(SocketEffect.CLOSE)
 *         : MockReply.of("-ERR no");
 *   }
 * });
 * }</pre>
 */
public abstract class Dispatcher {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<String> failures = new ArrayList<>();
  private final List<Consumer<String>> listeners = new ArrayList<>();

  /** For subclasses. */
  protected Dispatcher() {
  }

  /**
   * Returns what the server writes first on a new connection (after implicit TLS, if any).
   *
   * @param connection the new connection
   * @return the greeting; {@link MockReply#none()} for a client-speaks-first script
   * @throws InterruptedException if interrupted while waiting, for instance when the server closes
   */
  public abstract MockReply greeting(ConnectionInfo connection) throws InterruptedException;

  /**
   * Returns the reply to a command line.
   *
   * @param command the recorded line
   * @return the reply
   * @throws InterruptedException if interrupted while waiting
   */
  public abstract MockReply dispatch(RecordedCommand command) throws InterruptedException;

  /**
   * Returns the reply to a payload read after {@link MockReply#thenReadDotTerminated()} or
   * {@link MockReply#thenReadExactly(long)}. The default records a failure and closes the connection.
   *
   * @param payload the recorded payload
   * @return the reply
   * @throws InterruptedException if interrupted while waiting
   */
  public MockReply dispatchPayload(RecordedPayload payload) throws InterruptedException {
    recordFailure(getClass().getName() + " does not script payloads; got " + payload);
    return MockReply.none().onReplyStart(SocketEffect.CLOSE);
  }

  /**
   * Returns the reply that follows a reply with {@link MockReply#thenReadNothing()}. The default records a failure and
   * closes the connection.
   *
   * @param connection the connection
   * @return the reply
   * @throws InterruptedException if interrupted while waiting
   */
  public MockReply unprompted(ConnectionInfo connection) throws InterruptedException {
    recordFailure(getClass().getName() + " does not script unprompted replies (connection " + connection.index()
        + ")");
    return MockReply.none().onReplyStart(SocketEffect.CLOSE);
  }

  /** Called when the server closes: release any thread waiting in this dispatcher. The default does nothing. */
  public void shutdown() {
  }

  /**
   * Records something the test should fail on, such as an unexpected command.
   *
   * @param message what went wrong, naming the connection and the client's bytes
   */
  protected final void recordFailure(String message) {
    List<Consumer<String>> notify;
    lock.lock();
    try {
      failures.add(message);
      notify = List.copyOf(listeners);
    } finally {
      lock.unlock();
    }
    notify.forEach(listener -> listener.accept(message));
  }

  /** Returns the failures this dispatcher recorded so far, oldest first. */
  public final List<String> failures() {
    lock.lock();
    try {
      return List.copyOf(failures);
    } finally {
      lock.unlock();
    }
  }

  /** Sends every failure, past and future, to {@code listener}: how a server collects its dispatchers' failures. */
  final void addFailureListener(Consumer<String> listener) {
    List<String> past;
    lock.lock();
    try {
      listeners.add(listener);
      past = List.copyOf(failures);
    } finally {
      lock.unlock();
    }
    past.forEach(listener);
  }
}
