package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.IdleHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code IDLE} (RFC 2177). Waits for the {@code + idling} continuation (none within the command timeout is a
 * {@link dev.mailroom.client.MailTimeoutException}, SECURITY.md I23); a daemon thread ends and re-issues IDLE before
 * the configured interval (29 min by default); {@link #stop()} sends {@code DONE} and waits for the tagged OK.
 */
final class IdleCommand implements IdleHandle {
  private final RealImapSession s;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopRequested = lock.newCondition();
  private boolean stopping;
  private volatile PendingCommand<Void> current;
  private volatile boolean active;
  private volatile MailException failure;
  private Thread keeper;

  private IdleCommand(RealImapSession session) {
    this.s = session;
  }

  static IdleCommand start(RealImapSession session) throws MailException {
    if (!session.state.has(Capability.IDLE)) {
      throw new UnsupportedOperationException("the server does not offer IDLE");
    }
    IdleCommand idle = new IdleCommand(session);
    idle.begin();
    idle.keeper = new Thread(idle::keep, "mailroom-imap-idle");
    idle.keeper.setDaemon(true);
    idle.keeper.start();
    return idle;
  }

  private void begin() throws MailException {
    PendingCommand<Void> cmd = s.submit("IDLE", PendingCommand.BARRIER | PendingCommand.INTERACTIVE,
        tagged -> null, () -> s.state.encoder("IDLE").build());
    Object first;
    try {
      first = cmd.continuations.poll(s.client.timeouts().command().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailException("interrupted waiting for IDLE to start");
    }
    if (first == null) {
      MailException t = new dev.mailroom.client.MailTimeoutException("no '+' continuation for IDLE within "
          + s.client.timeouts().command() + " (SECURITY.md I23)");
      s.pipeline.fail(t);
      throw t;
    }
    if (first instanceof MailException e) {
      throw e;
    }
    if (first == PendingCommand.DONE) {
      cmd.await(); // throws the NO/BAD
      throw new MailProtocolException("IDLE completed without a continuation");
    }
    current = cmd;
    active = true;
  }

  private void done() throws MailException {
    PendingCommand<Void> cmd = current;
    if (cmd == null) {
      return;
    }
    current = null;
    s.pipeline.writeContinuationLine("DONE".getBytes(StandardCharsets.US_ASCII), Sensitivity.PUBLIC);
    cmd.await(s.client.timeouts().command());
  }

  private void keep() {
    Duration interval = s.client.idleInterval();
    while (true) {
      lock.lock();
      try {
        long left = interval.toNanos();
        while (!stopping && left > 0) {
          left = stopRequested.awaitNanos(left);
        }
        if (stopping) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      try {
        done();
        begin();
      } catch (MailException e) {
        failure = e;
        active = false;
        return;
      }
    }
  }

  @Override
  public void stop() throws MailException {
    lock.lock();
    try {
      if (stopping) {
        return;
      }
      stopping = true;
      stopRequested.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      keeper.join(s.client.timeouts().command().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    active = false;
    if (failure != null) {
      throw failure;
    }
    done();
  }

  @Override
  public boolean isActive() {
    return active && !s.pipeline.isFailed();
  }

  @Override
  public void close() throws MailException {
    stop();
  }
}
