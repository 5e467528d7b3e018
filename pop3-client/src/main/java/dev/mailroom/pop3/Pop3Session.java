package dev.mailroom.pop3;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.pop3.internal.BodyStream;
import dev.mailroom.pop3.internal.Listings;
import dev.mailroom.pop3.internal.Pop3Channel;
import dev.mailroom.pop3.internal.Pop3Commands;
import dev.mailroom.pop3.internal.Pop3Handshake;
import dev.mailroom.pop3.internal.Pop3Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open POP3 session from {@link Pop3Client#connect()}, in the TRANSACTION state when credentials were given (RFC
 * 1939 §5). Message numbers are valid for this session only; {@link #uidl()} gives the stable ids.
 *
 * <pre>{@code
 * try (Pop3Session session = client.connect()) {
 *   MaildropStat stat = session.stat();
 *   try (InputStream body = session.retrieve(1)) {            // streamed off the socket, un-stuffed
 *     Files.copy(body, Path.of("1.eml"));
 *   }
 *   session.delete(1);
 *   UpdateResult result = session.quit();                      // deletions count only if result.committed()
 * }
 * }</pre>
 *
 * <p><b>Bodies stream.</b> {@link #retrieve} and {@link #top} return a stream that reads the connection directly, in
 * constant memory. While it is open the session <em>refuses</em> every other command with
 * {@link IllegalStateException}: read it to the end or close it (closing reads on to the terminator). A lost
 * connection makes a read throw {@link dev.mailroom.client.MailProtocolException}, so a cut body is never mistaken for
 * a whole one (SECURITY.md P05).
 *
 * <p><b>Deletions</b> are committed only by {@link #quit()} answered {@code +OK} (P06). {@link #close()} without
 * {@code quit()} ends the session without committing anything: if messages are marked, it drops the connection
 * without QUIT so the server keeps them (RFC 1939 §6).
 *
 * <p><b>Pipelining.</b> {@link #retrieveAll}, {@link #topAll} and {@link #deleteAll} keep up to
 * {@link Pop3Client#pipelineWindow()} commands in flight when CAPA lists PIPELINING (RFC 2449 §6.8), and send them one
 * by one otherwise; the results are the same.
 *
 * <p><b>Errors.</b> {@link Pop3CommandException} (or its typed subclasses, P11) on {@code -ERR}: the session stays
 * usable. {@link dev.mailroom.client.MailProtocolException} when the server breaks the grammar or the connection is
 * lost: the connection is then closed. <b>Threads:</b> use a session from one thread at a time; calls are serialised
 * by a lock.
 */
public final class Pop3Session implements AutoCloseable {
  private final Pop3Client client;
  private final Pop3Channel channel;
  private final Pop3Reply greeting;
  private final boolean greetingProtected;
  private final Pop3Capabilities capabilities;
  private final boolean utf8;
  private final ReentrantLock lock = new ReentrantLock();
  private final TreeSet<Integer> marked = new TreeSet<>();
  private int highestNumber; // from a STAT before any DELE; 0 while unknown

  Pop3Session(Pop3Client client, Pop3Channel channel, Pop3Handshake.Opened opened) {
    this.client = client;
    this.channel = channel;
    this.greeting = opened.greeting();
    this.greetingProtected = opened.greetingProtected();
    this.capabilities = opened.capabilities();
    this.utf8 = opened.utf8();
  }

  /** The capabilities from the last CAPA (after STLS and login when those happened). */
  public Pop3Capabilities capabilities() {
    return capabilities;
  }

  /**
   * The greeting. Unless {@link #greetingProtected()}, it came in clear before STLS and anyone on the path could
   * have written it: do not show its text as a trusted server message (SECURITY.md T09).
   */
  public Pop3Reply greeting() {
    return greeting;
  }

  /** Whether the greeting arrived under TLS (implicit TLS), so its text is the server's own. */
  public boolean greetingProtected() {
    return greetingProtected;
  }

  /** Whether UTF8 mode (RFC 6856) is on. */
  public boolean utf8() {
    return utf8;
  }

  /** Whether TLS protects the connection. */
  public boolean isTls() {
    return channel.transport().isTlsActive();
  }

  /** Whether the connection is still open. */
  public boolean isOpen() {
    return channel.isOpen();
  }

  /** Whether batches are pipelined on this session. */
  public boolean pipelined() {
    return client.pipelining() && capabilities.pipelining();
  }

  /** STAT (RFC 1939 §5): messages not marked as deleted, and their size. */
  public MaildropStat stat() throws MailException {
    lock.lock();
    try {
      ensureOpen();
      MaildropStat stat = parse(() -> Listings.stat(channel.expectOk("STAT")));
      if (marked.isEmpty()) {
        highestNumber = stat.messageCount();
      }
      return stat;
    } finally {
      lock.unlock();
    }
  }

  /** LIST (RFC 1939 §5): a scan listing of every message not marked as deleted. */
  public List<ListEntry> list() throws MailException {
    lock.lock();
    try {
      ensureOpen();
      channel.expectOk("LIST");
      List<byte[]> lines = channel.readListing(Integer.MAX_VALUE);
      return parse(() -> Listings.scanListing(lines, highestNumber));
    } finally {
      lock.unlock();
    }
  }

  /** {@code LIST n}. */
  public ListEntry list(int number) throws MailException {
    String command = Pop3Commands.withNumber("LIST", number);
    lock.lock();
    try {
      ensureOpen();
      Pop3Reply reply = channel.expectOk(command);
      return parse(() -> Listings.scanLine(reply, number));
    } finally {
      lock.unlock();
    }
  }

  /**
   * UIDL (RFC 1939 §7): the unique-id of every message not marked as deleted. The listing is checked (SECURITY.md
   * P07): a malformed or repeated id, a message number 0, repeated or beyond STAT is a protocol error.
   */
  public List<UidlEntry> uidl() throws MailException {
    lock.lock();
    try {
      ensureOpen();
      channel.expectOk("UIDL");
      List<byte[]> lines = channel.readListing(Integer.MAX_VALUE);
      return parse(() -> Listings.uidListing(lines, highestNumber));
    } finally {
      lock.unlock();
    }
  }

  /** {@code UIDL n}. */
  public UidlEntry uidl(int number) throws MailException {
    String command = Pop3Commands.withNumber("UIDL", number);
    lock.lock();
    try {
      ensureOpen();
      Pop3Reply reply = channel.expectOk(command);
      return parse(() -> Listings.uidLine(reply, number));
    } finally {
      lock.unlock();
    }
  }

  /**
   * RETR (RFC 1939 §5): the whole message as a stream read straight off the connection, un-stuffed. Close it (or read
   * it to the end) before the next command.
   */
  public InputStream retrieve(int number) throws MailException {
    return body(Pop3Commands.withNumber("RETR", number));
  }

  /** TOP (RFC 2449 §6.1): the header, the blank line and the first {@code lines} body lines, streamed. */
  public InputStream top(int number, int lines) throws MailException {
    return body(Pop3Commands.top(number, lines));
  }

  /** RETR parsed by {@link MimeMessage#parse(InputStream)} as it streams in (large bodies are spooled to disk). */
  public MimeMessage retrieveMessage(int number) throws IOException {
    try (InputStream body = retrieve(number)) {
      return MimeMessage.parse(body);
    }
  }

  /** TOP parsed by {@link MimeMessage#parse(InputStream)}. */
  public MimeMessage topMessage(int number, int lines) throws IOException {
    try (InputStream body = top(number, lines)) {
      return MimeMessage.parse(body);
    }
  }

  private InputStream body(String command) throws MailException {
    lock.lock();
    try {
      ensureOpen();
      channel.expectOk(command);
      return channel.openBody(client.maxMessageBytes());
    } finally {
      lock.unlock();
    }
  }

  /**
   * RETR for each message, pipelined when the server allows: each body goes to {@code consumer} in order, streamed.
   * A message the server refuses is not given to the consumer; its {@code -ERR} is in the returned list.
   *
   * @return the status reply to each RETR, in the order of {@code numbers}
   * @throws IOException what the consumer threw (after the replies in flight were skipped), or a connection failure
   */
  public List<Pop3Reply> retrieveAll(List<Integer> numbers, BodyConsumer consumer) throws IOException {
    List<String> commands = new ArrayList<>(numbers.size());
    for (int n : numbers) {
      commands.add(Pop3Commands.withNumber("RETR", n));
    }
    return bodies(commands, numbers, consumer);
  }

  /** TOP for each message with {@code lines} body lines, pipelined; see {@link #retrieveAll}. */
  public List<Pop3Reply> topAll(List<Integer> numbers, int lines, BodyConsumer consumer) throws IOException {
    List<String> commands = new ArrayList<>(numbers.size());
    for (int n : numbers) {
      commands.add(Pop3Commands.top(n, lines));
    }
    return bodies(commands, numbers, consumer);
  }

  private List<Pop3Reply> bodies(List<String> commands, List<Integer> numbers, BodyConsumer consumer)
      throws IOException {
    Objects.requireNonNull(consumer, "consumer");
    List<Pop3Reply> replies = new ArrayList<>(commands.size());
    lock.lock();
    try {
      ensureOpen();
      Pop3Pipeline.run(channel, commands, window(), true, client.maxMessageBytes(), (index, reply) -> {
        replies.add(reply);
        if (reply.ok()) {
          try (BodyStream body = channel.openBody(client.maxMessageBytes())) {
            consumer.accept(numbers.get(index), body);
          }
        }
      });
      return replies;
    } finally {
      lock.unlock();
    }
  }

  /** DELE (RFC 1939 §5): marks the message; it is removed only if {@link #quit()} is committed. */
  public Pop3Reply delete(int number) throws MailException {
    String command = Pop3Commands.withNumber("DELE", number);
    lock.lock();
    try {
      ensureOpen();
      Pop3Reply reply = channel.expectOk(command);
      marked.add(number);
      return reply;
    } finally {
      lock.unlock();
    }
  }

  /**
   * DELE for each message, pipelined when the server allows. A refusal does not stop the batch.
   *
   * @return the reply to each DELE, in order; {@code +OK} ones are marked
   */
  public List<Pop3Reply> deleteAll(Collection<Integer> numbers) throws IOException {
    List<Integer> list = List.copyOf(numbers);
    List<String> commands = new ArrayList<>(list.size());
    for (int n : list) {
      commands.add(Pop3Commands.withNumber("DELE", n));
    }
    List<Pop3Reply> replies = new ArrayList<>(list.size());
    lock.lock();
    try {
      ensureOpen();
      Pop3Pipeline.run(channel, commands, window(), false, 0, (index, reply) -> {
        replies.add(reply);
        if (reply.ok()) {
          marked.add(list.get(index));
        }
      });
      return replies;
    } finally {
      lock.unlock();
    }
  }

  /** RSET (RFC 1939 §5): unmarks every message marked as deleted. */
  public Pop3Reply reset() throws MailException {
    lock.lock();
    try {
      ensureOpen();
      Pop3Reply reply = channel.expectOk("RSET");
      marked.clear();
      return reply;
    } finally {
      lock.unlock();
    }
  }

  /** NOOP (RFC 1939 §5). */
  public Pop3Reply noop() throws MailException {
    return simple("NOOP");
  }

  /** The messages marked as deleted so far in this session, ascending. */
  public List<Integer> markedForDeletion() {
    lock.lock();
    try {
      return List.copyOf(marked);
    } finally {
      lock.unlock();
    }
  }

  /** LANG without argument (RFC 6856 §3): the languages the server offers for its reply texts. */
  public List<Pop3Language> languages() throws MailException {
    lock.lock();
    try {
      ensureOpen();
      channel.expectOk("LANG");
      List<Pop3Language> languages = new ArrayList<>();
      for (String line : channel.readListingText(1024, 64 * 1024)) {
        int space = line.indexOf(' ');
        String tag = space < 0 ? line : line.substring(0, space);
        languages.add(new Pop3Language(tag, space < 0 ? "" : Escaping.escape(line.substring(space + 1), 256)));
      }
      return languages;
    } finally {
      lock.unlock();
    }
  }

  /** {@code LANG tag} (RFC 6856 §3): the language of reply texts from now on; {@code *} for the client's default. */
  public Pop3Reply language(String tag) throws MailException {
    return simple(Pop3Commands.lang(Objects.requireNonNull(tag, "tag")));
  }

  private Pop3Reply simple(String command) throws MailException {
    lock.lock();
    try {
      ensureOpen();
      return channel.expectOk(command);
    } finally {
      lock.unlock();
    }
  }

  /**
   * QUIT (RFC 1939 §6) and close. The result is committed only on {@code +OK}; a {@code -ERR}, a lost connection or
   * a timeout is reported as not committed, never thrown.
   */
  public UpdateResult quit() {
    lock.lock();
    try {
      List<Integer> marks = List.copyOf(marked);
      if (!channel.isOpen()) {
        return new UpdateResult(false, marks, null, "the connection was already closed: QUIT was not sent");
      }
      if (channel.bodyOpen()) {
        channel.close();
        return new UpdateResult(false, marks, null, "a message body was still open: the connection was dropped "
            + "without QUIT");
      }
      try {
        Pop3Reply reply = channel.command("QUIT");
        return reply.ok() ? new UpdateResult(true, marks, reply, "")
            : new UpdateResult(false, marks, reply, "the server answered QUIT with " + reply);
      } catch (MailException e) {
        return new UpdateResult(false, marks, null, "no reply to QUIT: " + e.getMessage());
      }
    } finally {
      channel.close();
      lock.unlock();
    }
  }

  /**
   * Ends the session without committing deletions: QUIT when nothing is marked, otherwise the connection is dropped
   * without QUIT so the server removes nothing (RFC 1939 §6). Call {@link #quit()} to commit. Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (channel.isOpen() && marked.isEmpty() && !channel.bodyOpen()) {
        quit();
      }
    } finally {
      channel.close();
      lock.unlock();
    }
  }

  private int window() {
    return pipelined() ? client.pipelineWindow() : 1;
  }

  private void ensureOpen() {
    if (!channel.isOpen()) {
      throw new IllegalStateException("the POP3 session is closed");
    }
  }

  /** Runs a listing parser; a grammar violation closes the connection (it cannot be trusted any more). */
  private <T> T parse(ListingParse<T> parse) throws MailException {
    try {
      return parse.run();
    } catch (MailProtocolException e) {
      channel.close();
      throw e;
    }
  }

  @FunctionalInterface
  private interface ListingParse<T> {
    T run() throws MailException;
  }
}
