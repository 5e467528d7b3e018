package dev.mailroom.samples.cli;

import dev.mailroom.mime.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mailbox that {@code mailroom check} watches for new messages: {@link ImapWatch} (IMAP, with IDLE when the
 * server has it) or {@link Pop3Watch} (POP3, polling).
 */
interface WatchedMailbox extends AutoCloseable {
  /**
   * A message looked at.
   *
   * @param uid the IMAP UID or the POP3 UIDL, as text
   * @param message its header (and its body when the matcher needs it)
   */
  record Arrival(String uid, MimeMessage message) { }

  /**
   * The next messages not looked at yet, oldest first and at most a batch of them (so a big mailbox is never held
   * in memory at once); on the first calls every message already there, unless told to skip them. Empty when
   * there is nothing new.
   */
  List<Arrival> poll() throws IOException;

  /** Waits at most {@code max} for new mail: until the server says something changed (IDLE), or a poll interval. */
  void await(Duration max) throws IOException, InterruptedException;

  /**
   * Polls, and waits between polls, until a message matches or the deadline ({@link System#nanoTime()}) passes.
   *
   * @param checked counts the messages looked at
   * @return the first match, in arrival order
   */
  default Optional<Arrival> awaitMatch(MessageMatcher matcher, long deadline, AtomicInteger checked)
      throws IOException, InterruptedException {
    while (true) {
      List<Arrival> batch = poll();
      for (Arrival arrival : batch) {
        checked.incrementAndGet();
        if (matcher.matches(arrival.message())) {
          return Optional.of(arrival);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      if (batch.isEmpty()) {
        await(Duration.ofNanos(left));
      }
    }
  }

  /** Deletes one message from the server. */
  void delete(Arrival arrival) throws IOException;

  /** The folder or mailbox, for messages. */
  String name();

  @Override
  void close();
}
