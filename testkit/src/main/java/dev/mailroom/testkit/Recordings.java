package dev.mailroom.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A take-able queue plus the full history of one kind of recording. */
final class Recordings<T> {
  private final String kind;
  private final BlockingQueue<T> untaken = new LinkedBlockingQueue<>();
  private final Queue<T> history = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();

  Recordings(String kind) {
    this.kind = kind;
  }

  void add(T item) {
    history.add(item);
    count.incrementAndGet();
    untaken.add(item);
  }

  T take(Duration timeout) throws InterruptedException {
    T item = untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (item == null) {
      throw new AssertionError("no " + kind + " within " + timeout + " (" + count.get() + " recorded so far)");
    }
    return item;
  }

  int count() {
    return count.get();
  }

  List<T> all() {
    return List.copyOf(history);
  }
}
