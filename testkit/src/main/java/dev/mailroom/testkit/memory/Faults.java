package dev.mailroom.testkit.memory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Fault injection for an {@link InMemoryMailServer}: typed hooks a test sets before (or while) a client talks to the
 * server, for the failures real servers produce and GreenMail cannot: a refused recipient, a slow step, a connection
 * dropped at a chosen step, a temporary failure after DATA. Thread-safe; {@link #clear()} removes every hook.
 *
 * <pre>{@code
 * server.faults()
 *     .rejectRecipient("carol@.*", 550, "5.1.1 no such user")
 *     .tempFailData(1)                              // next message: 451 after the final dot, then normal
 *     .delay(Step.SMTP_RCPT, Duration.ofMillis(200))
 *     .dropAt(Step.IMAP_FETCH)                      // next FETCH: the connection closes, no reply
 *     .replyAt(Step.POP3_RETR, "-ERR [SYS/TEMP] busy");
 * }</pre>
 */
public final class Faults {
  /** A recipient rule: addresses matching {@code pattern} (whole match, case-insensitive) get this reply. */
  record RecipientRule(Pattern pattern, int code, String text) {
  }

  private final List<RecipientRule> recipientRules = new CopyOnWriteArrayList<>();
  private final Map<Step, Duration> delays = new ConcurrentHashMap<>();
  private final Map<Step, AtomicInteger> drops = new ConcurrentHashMap<>();
  private final Map<Step, Queue<String>> replies = new ConcurrentHashMap<>();
  private final AtomicInteger tempFailData = new AtomicInteger();
  private volatile String tempFailText = "4.3.0 temporary failure (injected)";

  Faults() {
  }

  /**
   * Refuses RCPT for matching addresses, on every transaction until {@link #clear()}.
   *
   * @param addressRegex a regular expression that must match the whole address, case-insensitive
   * @param code a 4xx or 5xx reply code
   * @param text the reply text, for instance {@code "5.1.1 no such user"}
   * @return this
   */
  public Faults rejectRecipient(String addressRegex, int code, String text) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("a refusal needs a 4xx or 5xx code: " + code);
    }
    checkText(text);
    recipientRules.add(new RecipientRule(Pattern.compile(addressRegex, Pattern.CASE_INSENSITIVE), code, text));
    return this;
  }

  /**
   * Sleeps before replying at every occurrence of a step, until {@link #clear()}.
   *
   * @param step the step
   * @param delay how long
   * @return this
   */
  public Faults delay(Step step, Duration delay) {
    delays.put(Objects.requireNonNull(step, "step"), Objects.requireNonNull(delay, "delay"));
    return this;
  }

  /**
   * Closes the connection without a reply the next time a step is reached (once per call).
   *
   * @param step the step
   * @return this
   */
  public Faults dropAt(Step step) {
    drops.computeIfAbsent(Objects.requireNonNull(step, "step"), s -> new AtomicInteger()).incrementAndGet();
    return this;
  }

  /**
   * Answers the next occurrence of a step with {@code reply} instead of running the command (queued: several calls
   * answer several occurrences). The reply is a whole SMTP reply line ({@code "451 4.3.2 try later"}; a 421 then
   * closes the connection), a POP3 status line ({@code "-ERR [SYS/TEMP] busy"}), or for IMAP either the text after
   * the client's tag ({@code "NO [UNAVAILABLE] try later"}) or an untagged line ({@code "* BYE going down"}, which
   * closes). At a greeting step the reply replaces the greeting.
   *
   * @param step the step
   * @param reply the reply line without CRLF
   * @return this
   */
  public Faults replyAt(Step step, String reply) {
    checkText(reply);
    if (reply.isEmpty()) {
      throw new IllegalArgumentException("empty reply");
    }
    replies.computeIfAbsent(Objects.requireNonNull(step, "step"), s -> new ConcurrentLinkedQueue<>())
        .add(reply);
    return this;
  }

  /**
   * Answers the next {@code times} messages with {@code 451} after their content was read (DATA's final dot or the
   * last BDAT chunk); nothing is delivered for them.
   *
   * @param times how many messages fail
   * @return this
   */
  public Faults tempFailData(int times) {
    tempFailData.addAndGet(times);
    return this;
  }

  /**
   * Like {@link #tempFailData(int)} with a custom reply text.
   *
   * @param times how many messages fail
   * @param text the text after {@code 451 }
   * @return this
   */
  public Faults tempFailData(int times, String text) {
    checkText(text);
    tempFailText = text;
    return tempFailData(times);
  }

  /** Removes every hook. */
  public void clear() {
    recipientRules.clear();
    delays.clear();
    drops.clear();
    replies.clear();
    tempFailData.set(0);
  }

  Optional<RecipientRule> recipientRule(String address) {
    return recipientRules.stream().filter(r -> r.pattern().matcher(address).matches()).findFirst();
  }

  /** Applies the delay for a step; returns true if the connection must be dropped here. */
  boolean reach(Step step) throws InterruptedException {
    Duration delay = delays.get(step);
    if (delay != null) {
      Thread.sleep(delay.toMillis());
    }
    AtomicInteger pending = drops.get(step);
    return pending != null && pending.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** The next injected reply for a step, if any (consumed). */
  Optional<String> takeReply(Step step) {
    Queue<String> queue = replies.get(step);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }

  Optional<String> takeDataFailure() {
    return tempFailData.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.of(tempFailText) : Optional.empty();
  }

  private static void checkText(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("CR or LF in reply text");
    }
  }
}
