package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted fake SMTP server: {@link MockMailServer} plus SMTP framing, shorthands and recorded messages.
 *
 * <ul>
 *   <li><b>Fail fast.</b> A command that finds nothing enqueued gets {@link #UNEXPECTED_COMMAND}
 *       ({@code 500 5.5.1 unexpected command}) and is recorded as a failure, reported by {@link #verifyNoFailures()},
 *       {@link #close()} and {@code StartStopExtension}.
 *   <li><b>DATA.</b> When the reply taken for a {@code DATA} command has code 354, the server reads the dot-terminated
 *       body (as if the reply said {@link MockReply#thenReadDotTerminated()}) and answers it with the next enqueued
 *       reply.
 *   <li><b>BDAT.</b> A {@code BDAT <size> [LAST]} command takes no reply of its own: the server reads exactly
 *       {@code size} bytes, then answers command and chunk together with the next enqueued reply. Enqueue one reply
 *       per {@code BDAT} command.
 *   <li><b>Messages.</b> {@link #takeMessage()} returns each received body: DATA un-stuffed, BDAT chunks of one
 *       transaction concatenated (recorded when the {@code LAST} chunk has arrived), with the transaction's commands.
 *       A body is recorded when it has arrived, before and whatever the server replies to it.
 *   <li><b>Pipelining</b> needs nothing special: commands that arrive in one segment are read one at a time and
 *       answered in order with the enqueued replies.
 *   <li><b>STARTTLS</b>: {@link #offerStartTls(TestCertificates)}, then enqueue
 *       {@code MockReply.of(220, "go").thenStartTls()} as the reply to {@code STARTTLS}.
 * </ul>
 *
 * <p>The automatic DATA and BDAT framing applies while the dispatcher is a {@link QueueDispatcher} (the default). A
 * custom {@link Dispatcher} or a {@link Transcript} scripts its own framing ({@code thenReadDotTerminated()},
 * {@code MockReply.none().thenReadExactly(n)}); messages are recorded either way.
 *
 * <pre>{@code
 * try (MockSmtpServer smtp = new MockSmtpServer()) {
 *   smtp.enqueueGreeting("mx.test ESMTP");
 *   smtp.enqueueEhlo("mx.test", "PIPELINING", "SIZE 1000000");
 *   smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(354, "go"));
 *   smtp.enqueue(MockReply.of(250, "2.0.0 queued"), MockReply.of(221, "bye").onReplyEnd(SocketEffect.CLOSE));
 *   smtp.start();
 *   try (Socket socket = new Socket(smtp.host(), smtp.port())) {
 *     BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
 *     OutputStream out = socket.getOutputStream();
 *     assertEquals("220 mx.test ESMTP", in.readLine());
 *     out.write("EHLO client.test\r\n".getBytes(US_ASCII));
 *     assertEquals("250-mx.test", in.readLine());
 *     assertEquals("250-PIPELINING", in.readLine());
 *     assertEquals("250 SIZE 1000000", in.readLine());
 *     out.write("MAIL FROM:<a@client.test>\r\nRCPT TO:<b@mx.test>\r\nDATA\r\n".getBytes(US_ASCII)); // pipelined
 *     assertEquals("250 2.1.0 ok", in.readLine());
 *     assertEquals("250 2.1.5 ok", in.readLine());
 *     assertEquals("354 go", in.readLine());
 *     out.write("Subject: hi\r\n\r\n..dot\r\n.\r\n".getBytes(US_ASCII));
 *     assertEquals("250 2.0.0 queued", in.readLine());
 *     out.write("QUIT\r\n".getBytes(US_ASCII));
 *     assertEquals("221 bye", in.readLine());
 *   }
 *   assertEquals("EHLO client.test", smtp.takeCommand().line());
 *   RecordedMessage message = smtp.takeMessage();
 *   assertEquals("Subject: hi\r\n\r\n.dot\r\n", message.text()); // un-stuffed
 *   assertEquals(3, message.transactionCommands().size());     // MAIL, RCPT, DATA
 * }
 * }</pre>
 *
 * <p><b>Fault recipes.</b>
 * <ul>
 *   <li>Drop the connection after the final {@code .} without replying: enqueue
 *       {@code MockReply.none().onReplyStart(SocketEffect.CLOSE)} as the reply to the body.
 *   <li>Never answer the body: {@code MockReply.stall()}.
 *   <li>Shut down mid-session: {@code MockReply.of(421, "4.3.2 shutting down").onReplyEnd(SocketEffect.CLOSE)}.
 *   <li>Cut a reply short: {@code MockReply.multiline(250, ...).onReplyStart(new SocketEffect.CloseMidReply(10))}.
 * </ul>
 *
 * <p>This class is thread-safe.
 */
public final class MockSmtpServer extends MockMailServer {
  /** The fail-fast reply: {@code 500 5.5.1 unexpected command}. */
  public static final MockReply UNEXPECTED_COMMAND = MockReply.of(500, "5.5.1 unexpected command");

  private final Recordings<RecordedMessage> messages = new Recordings<>("message");
  private final Map<Integer, Transaction> transactions = new ConcurrentHashMap<>();

  /** A server answering from a {@link QueueDispatcher} whose fail-fast reply is {@link #UNEXPECTED_COMMAND}. */
  public MockSmtpServer() {
    this(new QueueDispatcher(UNEXPECTED_COMMAND));
  }

  /**
   * A server answering from this dispatcher.
   *
   * @param dispatcher the dispatcher
   */
  public MockSmtpServer(Dispatcher dispatcher) {
    super(dispatcher);
  }

  /**
   * Enqueues the greeting {@code 220 <text>}.
   *
   * @param text the greeting text, for instance {@code "mx.test ESMTP"}
   */
  public void enqueueGreeting(String text) {
    enqueue(MockReply.of(220, text));
  }

  /**
   * Enqueues an EHLO reply: {@code 250 <domain>} alone, or {@code 250-<domain>} followed by one line per capability.
   *
   * @param domain the server's domain, the first line's text
   * @param capabilities the capability lines, for instance {@code "PIPELINING"}, {@code "SIZE 1000000"}
   */
  public void enqueueEhlo(String domain, String... capabilities) {
    String[] lines = new String[capabilities.length + 1];
    lines[0] = domain;
    System.arraycopy(capabilities, 0, lines, 1, capabilities.length);
    enqueue(MockReply.multiline(250, lines));
  }

  /**
   * Returns the oldest received message not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}.
   *
   * @return the message
   * @throws AssertionError if none arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedMessage takeMessage() throws InterruptedException {
    return messages.take(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * Returns the oldest received message not yet taken, waiting up to {@code timeout}.
   *
   * @param timeout how long to wait
   * @return the message
   * @throws AssertionError if none arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedMessage takeMessage(Duration timeout) throws InterruptedException {
    return messages.take(timeout);
  }

  /** Returns how many messages were received, taken or not. */
  public int messageCount() {
    return messages.count();
  }

  /** Returns every message received so far, in order, taken or not. */
  public List<RecordedMessage> messages() {
    return messages.all();
  }

  // Hooks from MockMailServer, called on the connection's own thread.

  @Override
  MockReply dispatch(Dispatcher dispatcher, RecordedCommand command) throws InterruptedException {
    boolean queue = dispatcher instanceof QueueDispatcher;
    if (queue) {
      Long chunkSize = bdatSize(command.line());
      if (chunkSize != null) return MockReply.none().thenReadExactly(chunkSize);
    }
    MockReply reply = dispatcher.dispatch(command);
    if (queue && reply != null && "DATA".equalsIgnoreCase(command.line()) && hasCode(reply, "354")
        && reply.nextRead() instanceof NextRead.Line) {
      return reply.thenReadDotTerminated();
    }
    return reply;
  }

  @Override
  void record(RecordedCommand command) {
    Transaction transaction = transaction(command.connectionIndex());
    transaction.bdatChunk = null;
    switch (verb(command.line())) {
      case "MAIL" -> {
        transaction.reset();
        transaction.commands.add(command);
      }
      case "RCPT", "DATA" -> transaction.commands.add(command);
      case "BDAT" -> {
        transaction.commands.add(command);
        transaction.bdatChunk = command;
      }
      case "RSET", "EHLO", "HELO", "STARTTLS" -> transaction.reset();
      default -> {
        // NOOP, VRFY, AUTH...: not part of a transaction.
      }
    }
    super.record(command);
  }

  @Override
  void record(RecordedPayload payload) {
    Transaction transaction = transaction(payload.connectionIndex());
    RecordedCommand bdat = transaction.bdatChunk;
    transaction.bdatChunk = null;
    if (payload.complete()) {
      if (payload.framing() == RecordedPayload.Framing.DOT_TERMINATED) {
        messages.add(new RecordedMessage(payload.connectionIndex(), payload.bytes(), transaction.commands, false,
            payload.tls()));
        transaction.reset();
      } else if (bdat != null) {
        transaction.body.writeBytes(payload.bytes());
        if (isLast(bdat.line())) {
          messages.add(new RecordedMessage(payload.connectionIndex(), transaction.body.toByteArray(),
              transaction.commands, true, payload.tls()));
          transaction.reset();
        }
      }
    }
    super.record(payload);
  }

  private Transaction transaction(int connectionIndex) {
    return transactions.computeIfAbsent(connectionIndex, i -> new Transaction());
  }

  private static String verb(String line) {
    int space = line.indexOf(' ');
    return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  /** The chunk size of {@code BDAT <size> [LAST]}, or null if the line is not a well-formed BDAT command. */
  private static Long bdatSize(String line) {
    String[] words = line.split(" ", -1);
    if (words.length < 2 || words.length > 3 || !words[0].equalsIgnoreCase("BDAT")) return null;
    if (words.length == 3 && !words[2].equalsIgnoreCase("LAST")) return null;
    String size = words[1];
    if (size.isEmpty() || size.length() > 18) return null;
    for (int i = 0; i < size.length(); i++) {
      if (size.charAt(i) < '0' || size.charAt(i) > '9') return null;
    }
    return Long.parseLong(size);
  }

  private static boolean isLast(String line) {
    String[] words = line.split(" ", -1);
    return words.length == 3 && words[2].equalsIgnoreCase("LAST");
  }

  private static boolean hasCode(MockReply reply, String code) {
    byte[] bytes = reply.bytesUnsafe();
    return new String(bytes, 0, Math.min(bytes.length, 3), StandardCharsets.US_ASCII).equals(code);
  }

  /** One connection's mail transaction so far; touched only by that connection's thread. */
  private static final class Transaction {
    final List<RecordedCommand> commands = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    RecordedCommand bdatChunk; // the BDAT command whose chunk is read next, if any

    void reset() {
      commands.clear();
      body.reset();
    }
  }
}
