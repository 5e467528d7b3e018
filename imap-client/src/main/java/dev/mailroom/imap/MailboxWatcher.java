package dev.mailroom.imap;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches several mailboxes on one connection and reports each change of their message counts: with NOTIFY
 * (RFC 5465) the server pushes a STATUS whenever a message arrives or is expunged; without it, a STATUS of every
 * mailbox is polled (pipelined, one round trip) at a fixed interval. Either way the listener sees a
 * {@link MailboxStatus} only when MESSAGES, UIDNEXT or UNSEEN changed, first once for each mailbox.
 *
 * <pre>{@code
 * try (MailboxWatcher w = MailboxWatcher.start(session, List.of(MailboxName.INBOX, MailboxName.of("Work")),
 *     Duration.ofMinutes(1), status -> System.out.println(status.mailbox() + ": " + status.messages()))) {
 *   Thread.sleep(Duration.ofHours(1).toMillis());
 * }
 * }</pre>
 *
 * <p>Listener calls come from the session's reader thread (NOTIFY) or the watcher's poll thread; never two at once
 * for one watcher. Closing sends {@code NOTIFY NONE} or stops the polling.
 */
public final class MailboxWatcher implements AutoCloseable {
  /** Receives changed mailbox status. */
  @FunctionalInterface
  public interface Listener {
    void changed(MailboxStatus status);
  }

  /** How a watcher learns of changes. */
  public enum Mode { NOTIFY, POLL }

  private static final StatusItem[] ITEMS = {StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.UNSEEN};

  private final ImapSession session;
  private final Set<MailboxName> mailboxes;
  private final Listener listener;
  private final Map<MailboxName, List<Object>> last = new HashMap<>();
  private final Mode mode;
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
  private AutoCloseable registration;
  private ScheduledExecutorService poller;

  private MailboxWatcher(ImapSession session, List<MailboxName> mailboxes, Listener listener, Mode mode) {
    this.session = session;
    this.mailboxes = Set.copyOf(mailboxes);
    this.listener = listener;
    this.mode = mode;
  }

  /**
   * Starts watching: NOTIFY when the server offers it, else polling every {@code pollInterval}.
   *
   * @throws MailException if the first NOTIFY or STATUS round fails
   */
  public static MailboxWatcher start(ImapSession session, List<MailboxName> mailboxes, Duration pollInterval,
      Listener listener) throws MailException {
    return start(session, mailboxes, pollInterval, listener, session.has(Capability.NOTIFY) ? Mode.NOTIFY : Mode.POLL);
  }

  /** As {@link #start(ImapSession, List, Duration, Listener)} in a given mode (tests use POLL on NOTIFY servers). */
  static MailboxWatcher start(ImapSession session, List<MailboxName> mailboxes, Duration pollInterval,
      Listener listener, Mode mode) throws MailException {
    Objects.requireNonNull(listener, "listener");
    if (mailboxes.isEmpty()) {
      throw new IllegalArgumentException("nothing to watch");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    MailboxWatcher w = new MailboxWatcher(session, mailboxes, listener, mode);
    if (mode == Mode.NOTIFY) {
      w.registration = session.addListener(new UnsolicitedListener() {
        @Override
        public void mailboxStatus(MailboxStatus status) {
          w.offer(status);
        }
      });
      try {
        session.notify(NotifySpec.builder().status(true).mailboxes(List.copyOf(w.mailboxes),
            NotifySpec.Event.MESSAGE_NEW, NotifySpec.Event.MESSAGE_EXPUNGE).build()).await();
      } catch (MailException | RuntimeException e) {
        w.closeRegistration();
        throw e;
      }
    } else {
      w.poll();
      w.poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailroom-imap-watcher");
        t.setDaemon(true);
        return t;
      });
      long every = pollInterval.toNanos();
      w.poller.scheduleWithFixedDelay(() -> {
        try {
          w.poll();
        } catch (MailException | RuntimeException e) {
          w.poller.shutdown(); // the session is gone or broken: nothing more to watch
        }
      }, every, every, TimeUnit.NANOSECONDS);
    }
    return w;
  }

  /** Whether the server pushes changes (NOTIFY) or the watcher polls. */
  public Mode mode() {
    return mode;
  }

  private void poll() throws MailException {
    List<ImapCommand<MailboxStatus>> pending = new ArrayList<>();
    for (MailboxName m : mailboxes) {
      pending.add(session.status(m, ITEMS));
    }
    for (ImapCommand<MailboxStatus> c : pending) {
      offer(c.await());
    }
  }

  private void offer(MailboxStatus status) {
    if (!mailboxes.contains(status.mailbox())) {
      return;
    }
    lock.lock();
    try {
      List<Object> key = List.of(status.messages(), status.uidNext(), status.unseen());
      if (!key.equals(last.put(status.mailbox(), key))) {
        listener.changed(status);
      }
    } finally {
      lock.unlock();
    }
  }

  private void closeRegistration() {
    try {
      if (registration != null) {
        registration.close();
      }
    } catch (Exception ignored) {
      // removing a listener cannot fail
    }
  }

  @Override
  public void close() throws MailException {
    if (poller != null) {
      poller.shutdownNow();
    }
    closeRegistration();
    if (mode == Mode.NOTIFY) {
      session.notifyNone().await();
    }
  }
}
