package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.internal.wire.EncodedCommand;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One command from submission to its tagged response: the {@link ImapCommand} handle, how it interacts with others
 * in flight (RFC 9051 §5.5), its result collector, and the queue through which the router hands it continuations.
 *
 * @param <T> the result type
 */
public final class PendingCommand<T> implements ImapCommand<T> {
  /** Nothing else may be in flight with it (SELECT, LOGIN, STARTTLS, IDLE, ...). */
  public static final int BARRIER = 1;
  /** It addresses messages by sequence number: it must not overlap a command that may expunge. */
  public static final int USES_SEQ = 2;
  /** The server may send EXPUNGE while it runs (every command but FETCH, STORE and SEARCH; RFC 3501 §7.4.1). */
  public static final int MAY_EXPUNGE = 4;
  /** Its continuations go to the writing thread (AUTHENTICATE, IDLE), not only to literals. */
  public static final int INTERACTIVE = 8;

  /** Marks the end of a command's continuations: the tagged response arrived. */
  static final Object DONE = new Object();

  final String name;
  final int flags;
  final ResponseHandler<T> handler;
  final Supplier<EncodedCommand> encoder;
  final CompletableFuture<T> future = new CompletableFuture<>();
  final LinkedBlockingQueue<Object> continuations = new LinkedBlockingQueue<>();
  volatile String tag = "";
  volatile boolean writing;
  /** Whether the command was written whole (up to its final CRLF): the server may have acted on it. */
  volatile boolean sent;
  /** Turns a connection failure into this command's own error, knowing whether it was {@link #sent} (I25). */
  private volatile LostConnection lost = (cause, wasSent) -> cause;
  /** Whether the caller looked at the outcome (await, toFuture): then it has seen the EXPUNGEs it caused. */
  volatile boolean observed;
  long expungeMark;

  PendingCommand(String name, int flags, ResponseHandler<T> handler, Supplier<EncodedCommand> encoder) {
    this.name = name;
    this.flags = flags;
    this.handler = handler;
    this.encoder = encoder;
  }

  /** What a command whose outcome depends on how far it got says when the connection fails under it. */
  @FunctionalInterface
  interface LostConnection {
    MailException map(MailException cause, boolean sent);
  }

  /** Sets how a connection failure is reported for this command (before it is submitted). */
  PendingCommand<T> onLostConnection(LostConnection mapping) {
    this.lost = mapping;
    return this;
  }

  /** Fails the handle because the connection failed (or had failed before it was written). */
  void failConnection(MailException cause) {
    future.completeExceptionally(lost.map(cause, sent));
  }

  boolean is(int flag) {
    return (flags & flag) != 0;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public T await() throws MailException {
    observed = true;
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  @Override
  public T await(Duration timeout) throws MailException {
    observed = true;
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (TimeoutException e) {
      throw new MailTimeoutException(name + " (" + tag + ") did not complete within " + timeout);
    }
  }

  @Override
  public boolean isDone() {
    return future.isDone();
  }

  @Override
  public CompletableFuture<T> toFuture() {
    observed = true;
    return future.copy();
  }

  private static MailException interrupted(InterruptedException e) {
    MailException m = new MailException("interrupted while waiting for an IMAP command", e);
    m.addSuppressed(new InterruptedIOException());
    return m;
  }

  static MailException unwrap(Throwable t) {
    if (t instanceof MailException m) {
      return m;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new MailProtocolException("IMAP command failed: " + t, t);
  }

  @Override
  public String toString() {
    return tag + " " + name;
  }
}
