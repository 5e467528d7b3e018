package dev.mailroom.testkit;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The default dispatcher: answers with enqueued replies in order, whatever the client sent. The first reply a new
 * connection takes is its greeting. Payloads and unprompted replies also take the next reply.
 *
 * <p><b>Fail fast.</b> When the queue is empty it answers with the fail-fast reply and records a failure naming what
 * the client sent. The default fail-fast reply writes nothing and closes the connection; protocol servers set
 * {@code 500 ...}, {@code -ERR ...} or {@code BAD ...}. With {@code setFailFast(null)} it waits for a reply to be
 * enqueued instead, and records nothing. {@link #shutdown()} enqueues a dead letter so every waiting connection
 * closes.
 *
 * <p>The queue is shared by all connections: when several are open at once, each reply goes to whichever connection
 * asks first. Script concurrent connections with a custom {@link Dispatcher} keyed on
 * {@link ConnectionInfo#index()}, or let each connection take its greeting before opening the next.
 *
 * <pre>{@code
 * QueueDispatcher queue = new QueueDispatcher(MockReply.of("500 5.5.1 unexpected command"));
 * queue.enqueue(MockReply.of("220 hi"), MockReply.of("250 ok"));
 * server.setDispatcher(queue);
 * }</pre>
 */
public class QueueDispatcher extends Dispatcher {
  private static final MockReply DEAD_LETTER = MockReply.none().onReplyStart(SocketEffect.CLOSE);
  private static final MockReply CLOSE_CONNECTION = MockReply.none().onReplyStart(SocketEffect.CLOSE);

  private final BlockingQueue<MockReply> queue = new LinkedBlockingQueue<>();
  private volatile MockReply failFast;

  /** A dispatcher whose fail-fast reply closes the connection without writing anything. */
  public QueueDispatcher() {
    this(CLOSE_CONNECTION);
  }

  /**
   * A dispatcher with this fail-fast reply.
   *
   * @param failFast the reply when the queue is empty, or null to wait for an enqueued reply
   */
  public QueueDispatcher(MockReply failFast) {
    this.failFast = failFast;
  }

  /**
   * Adds replies to the end of the queue.
   *
   * @param replies the replies, in order
   */
  public void enqueue(MockReply... replies) {
    for (MockReply reply : replies) queue.add(Objects.requireNonNull(reply, "reply"));
  }

  /**
   * Sets the reply used when the queue is empty.
   *
   * @param failFast the reply, or null to wait for an enqueued reply without recording a failure
   */
  public void setFailFast(MockReply failFast) {
    this.failFast = failFast;
  }

  /** Returns the fail-fast reply, or null if this dispatcher waits. */
  public MockReply failFast() {
    return failFast;
  }

  /** Returns how many enqueued replies have not been used yet. */
  public int pendingReplies() {
    return (int) queue.stream().filter(r -> r != DEAD_LETTER).count();
  }

  @Override
  public MockReply greeting(ConnectionInfo connection) throws InterruptedException {
    return next(() -> "connection " + connection.index() + " opened but no greeting is enqueued");
  }

  @Override
  public MockReply dispatch(RecordedCommand command) throws InterruptedException {
    return next(() -> "unexpected command " + Bytes.escape(command.bytes()) + " (connection "
        + command.connectionIndex() + " #" + command.sequenceNumber() + "): no reply enqueued");
  }

  @Override
  public MockReply dispatchPayload(RecordedPayload payload) throws InterruptedException {
    return next(() -> "unexpected payload " + Bytes.escape(payload.raw()) + " (connection "
        + payload.connectionIndex() + " #" + payload.sequenceNumber() + "): no reply enqueued");
  }

  @Override
  public MockReply unprompted(ConnectionInfo connection) throws InterruptedException {
    return next(() -> "no reply enqueued to follow a thenReadNothing() reply (connection " + connection.index() + ")");
  }

  @Override
  public void shutdown() {
    queue.add(DEAD_LETTER);
  }

  private MockReply next(java.util.function.Supplier<String> failure) throws InterruptedException {
    MockReply fast = failFast;
    MockReply reply;
    if (fast != null) {
      reply = queue.poll();
      if (reply == null) {
        recordFailure(failure.get());
        return fast;
      }
    } else {
      reply = queue.take();
    }
    // A dead letter stays in the queue so that every other waiting connection also returns.
    if (reply == DEAD_LETTER) queue.add(DEAD_LETTER);
    return reply;
  }
}
