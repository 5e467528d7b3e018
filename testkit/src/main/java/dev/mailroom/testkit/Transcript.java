package dev.mailroom.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A strict script of one connection, in the MailKit and go-smtp style: a dispatcher that answers in order and checks
 * every client line byte for byte.
 *
 * <pre>{@code
 * Transcript transcript = Transcript.parse("""
 *     S: 220 mx.test ESMTP
 *     C: EHLO client.test
 *     S: 250-mx.test
 *     S: 250 SIZE 1000
 *     C: QUIT
 *     S: 221 bye
 *     """);
 * server.setDispatcher(transcript);
 * // ... run the client ...
 * transcript.awaitFinished(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Script lines are {@code S: text} (a server line, sent as UTF-8 plus CRLF) and {@code C: text} (the line the client
 * must send, compared with the bytes it did send, which must be {@code text} in UTF-8 plus CRLF). Leading
 * whitespace and one space after the colon are dropped; trailing spaces are kept (write {@code \s} in a text
 * block). Consecutive {@code S:} lines form one reply, written at once; {@code S:} lines before the first
 * {@code C:} are the greeting. A {@code C:} line followed directly by another {@code C:} gets no reply, so multi-line
 * client input such as a DATA body is scripted line by line. Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>The first mismatch, an extra line after the script's end, a payload or a second connection is recorded as a
 * failure and answered with the fail-fast reply (by default: close the connection); after a mismatch every line gets
 * the fail-fast reply. A script cannot express TLS, delays or effects: write a {@link Dispatcher} for those.
 */
public final class Transcript extends Dispatcher {
  /** One expected client line and the server's answer to it. */
  private record Step(int scriptLine, String expected, MockReply reply) {
  }

  private final MockReply greeting;
  private final List<Step> steps;
  private final MockReply failFast;
  private final ReentrantLock lock = new ReentrantLock();
  private final CountDownLatch finished = new CountDownLatch(1);
  private int position; // guarded by lock
  private boolean derailed; // guarded by lock
  private boolean connected; // guarded by lock

  private Transcript(MockReply greeting, List<Step> steps, MockReply failFast) {
    this.greeting = greeting;
    this.steps = List.copyOf(steps);
    this.failFast = failFast;
    if (steps.isEmpty()) finished.countDown();
  }

  /**
   * Parses a script whose fail-fast reply closes the connection.
   *
   * @param script the script
   * @return the transcript
   * @throws IllegalArgumentException if a line is neither blank, a comment, {@code S:} nor {@code C:}
   */
  public static Transcript parse(String script) {
    return parse(script, MockReply.none().onReplyStart(SocketEffect.CLOSE));
  }

  /**
   * Parses a script with this fail-fast reply.
   *
   * @param script the script
   * @param failFast the reply to unexpected input, for instance {@code MockReply.of("500 5.5.1 unexpected")}
   * @return the transcript
   * @throws IllegalArgumentException if a line is neither blank, a comment, {@code S:} nor {@code C:}
   */
  public static Transcript parse(String script, MockReply failFast) {
    List<Step> steps = new ArrayList<>();
    List<String> serverLines = new ArrayList<>();
    MockReply greeting = null;
    String expected = null;
    int expectedLine = 0;
    String[] lines = script.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripLeading();
      if (line.isBlank() || line.startsWith("#")) continue;
      if (line.startsWith("S:")) {
        serverLines.add(content(line));
      } else if (line.startsWith("C:")) {
        MockReply reply = MockReply.lines(serverLines.toArray(String[]::new));
        serverLines.clear();
        if (expected == null) greeting = reply;
        else steps.add(new Step(expectedLine, expected, reply));
        expected = content(line);
        expectedLine = i + 1;
      } else {
        throw new IllegalArgumentException("script line " + (i + 1) + " starts with neither 'S:' nor 'C:': "
            + lines[i]);
      }
    }
    MockReply last = MockReply.lines(serverLines.toArray(String[]::new));
    if (expected == null) {
      if (greeting == null) greeting = last;
    } else {
      steps.add(new Step(expectedLine, expected, last));
    }
    return new Transcript(greeting == null ? MockReply.none() : greeting, steps, failFast);
  }

  private static String content(String line) {
    String rest = line.substring(2);
    return rest.startsWith(" ") ? rest.substring(1) : rest;
  }

  @Override
  public MockReply greeting(ConnectionInfo connection) {
    lock.lock();
    try {
      if (connected) {
        recordFailure("transcript covers one connection, but connection " + connection.index() + " opened");
        return failFast;
      }
      connected = true;
      return greeting;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MockReply dispatch(RecordedCommand command) {
    lock.lock();
    try {
      if (derailed) return failFast;
      if (position == steps.size()) {
        derailed = true;
        recordFailure("transcript ended, but the client sent " + Bytes.escape(command.bytes()));
        return failFast;
      }
      Step step = steps.get(position);
      byte[] expected = (step.expected() + "\r\n").getBytes(StandardCharsets.UTF_8);
      if (!Arrays.equals(expected, command.bytes())) {
        derailed = true;
        recordFailure("transcript line " + step.scriptLine() + ": expected " + Bytes.escape(expected) + ", got "
            + Bytes.escape(command.bytes()));
        return failFast;
      }
      position++;
      if (position == steps.size()) finished.countDown();
      return step.reply();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MockReply dispatchPayload(RecordedPayload payload) {
    lock.lock();
    try {
      derailed = true;
    } finally {
      lock.unlock();
    }
    recordFailure("transcripts script lines only, but the client sent a payload: " + payload);
    return failFast;
  }

  /** Returns whether every scripted client line has arrived, matching. */
  public boolean finished() {
    return finished.getCount() == 0;
  }

  /**
   * Waits until every scripted client line has arrived.
   *
   * @param timeout how long to wait
   * @throws AssertionError if the script is not finished in time, naming the line it stopped at
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitFinished(Duration timeout) throws InterruptedException {
    if (finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) return;
    lock.lock();
    try {
      Step step = steps.get(position);
      throw new AssertionError("transcript not finished within " + timeout + ": "
          + (derailed ? "derailed; " : "") + "waiting at script line " + step.scriptLine() + " for "
          + Bytes.escape(step.expected() + "\r\n"));
    } finally {
      lock.unlock();
    }
  }
}
