package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted fake IMAP server: {@link MockMailServer} plus IMAP framing (STYLE.md §6).
 *
 * <ul>
 *   <li><b>Client tags.</b> Each complete command takes the next enqueued {@link MockImapResponse}; {@code $tag} in
 *       it becomes the tag the client sent.
 *   <li><b>Literals.</b> A line ending in {@code {n}} gets {@code + go} and the server reads n bytes, then the rest of
 *       the command; {@code {n+}} (LITERAL+) is read without a continuation. If the response for that command is
 *       {@link MockImapResponse#refusingLiteral()}, it is sent instead of {@code +} and the literal is not read
 *       (SECURITY.md I05).
 *   <li><b>Pipelining.</b> Commands that arrive together are answered one by one in order; untagged data between
 *       completions is just more lines in a response; a {@link MockImapResponse#deferred()} response is written after
 *       the next command's, giving out-of-order completions (I10).
 *   <li><b>Faults</b> through {@link SocketEffect}s on a response; <b>transcripts</b> by passing a {@link Transcript}
 *       to {@link #MockImapServer(Dispatcher)} (exact bytes; tags are deterministic in the client).
 *   <li><b>Fail fast.</b> A command with nothing enqueued gets {@code $tag BAD unexpected command} and is recorded as
 *       a failure; except {@code LOGOUT}, which then gets {@code * BYE}, {@code $tag OK} and a close.
 * </ul>
 *
 * <pre>{@code
 * try (MockImapServer imap = new MockImapServer()) {
 *   imap.enqueueGreeting("IMAP4rev1 LITERAL+");
 *   imap.enqueue(MockImapResponse.ok("LOGIN done"));
 *   imap.start();
 *   // ... client connects and logs in ...
 *   assertEquals("LOGIN alice secret", imap.takeImapCommand().command());
 * }
 * }</pre>
 *
 * <p>This class is thread-safe.
 */
public final class MockImapServer extends MockMailServer {
  private static final Pattern LITERAL = Pattern.compile("~?\\{([0-9]{1,18})(\\+?)\\}$");

  private final Recordings<RecordedImapCommand> imapCommands = new Recordings<>("IMAP command");

  /** A server answering from its own queue of {@link MockImapResponse}s. */
  public MockImapServer() {
    super(new ImapScript());
  }

  /** A server answering from {@code dispatcher} (for example a {@link Transcript}); no IMAP framing is added. */
  public MockImapServer(Dispatcher dispatcher) {
    super(dispatcher);
  }

  /** Enqueues the greeting {@code * OK [CAPABILITY caps] ready}. */
  public void enqueueGreeting(String capabilities) {
    enqueueRaw(MockReply.of("* OK [CAPABILITY " + capabilities + "] mock ready"));
  }

  /** Enqueues a raw greeting or unprompted reply (PREAUTH, BYE, garbage). */
  public void enqueueRaw(MockReply reply) {
    script().raw.add(reply);
  }

  /** Enqueues answers, one per complete command, in order. */
  public void enqueue(MockImapResponse... responses) {
    for (MockImapResponse r : responses) {
      script().queue.add(r);
    }
  }

  /** The oldest complete command not yet taken. */
  public RecordedImapCommand takeImapCommand() throws InterruptedException {
    return imapCommands.take(DEFAULT_TAKE_TIMEOUT);
  }

  public RecordedImapCommand takeImapCommand(Duration timeout) throws InterruptedException {
    return imapCommands.take(timeout);
  }

  /** Every complete command so far, in order. */
  public List<RecordedImapCommand> imapCommands() {
    return imapCommands.all();
  }

  private ImapScript script() {
    if (!(dispatcher() instanceof ImapScript s)) {
      throw new IllegalStateException("this server answers from " + dispatcher().getClass().getName());
    }
    return s;
  }

  @Override
  MockReply dispatch(Dispatcher dispatcher, RecordedCommand command) throws InterruptedException {
    if (!(dispatcher instanceof ImapScript s)) {
      return dispatcher.dispatch(command);
    }
    return s.command(this, command);
  }

  void recordImap(RecordedImapCommand c) {
    imapCommands.add(c);
  }

  /** The IMAP-aware queue: assembles commands across literals and renders responses with the client's tags. */
  static final class ImapScript extends Dispatcher {
    final BlockingQueue<MockImapResponse> queue = new LinkedBlockingQueue<>();
    final BlockingQueue<MockReply> raw = new LinkedBlockingQueue<>();
    private final Map<Integer, Partial> partial = new ConcurrentHashMap<>();
    /** Per connection: the tag of a command answered with {@code +} and not yet completed (IDLE, AUTHENTICATE). */
    private final Map<Integer, String> open = new ConcurrentHashMap<>();

    /** One connection's command in assembly, and a deferred completion waiting for the next response. */
    private static final class Partial {
      final ByteArrayOutputStream wire = new ByteArrayOutputStream();
      final List<byte[]> literals = new ArrayList<>();
      String tag;
      boolean tls;
      byte[] deferred;
      MockImapResponse refused;
    }

    @Override
    public MockReply greeting(ConnectionInfo connection) {
      MockReply r = raw.poll();
      if (r == null) {
        recordFailure("connection " + connection.index() + " opened but no greeting is enqueued");
        return MockReply.none().onReplyStart(SocketEffect.CLOSE);
      }
      return r;
    }

    @Override
    public MockReply dispatch(RecordedCommand command) {
      throw new IllegalStateException("ImapScript is driven by MockImapServer");
    }

    @Override
    public MockReply unprompted(ConnectionInfo connection) {
      MockReply r = raw.poll();
      return r != null ? r : MockReply.none().onReplyStart(SocketEffect.CLOSE);
    }

    MockReply command(MockImapServer server, RecordedCommand command) {
      Partial p = partial.computeIfAbsent(command.connectionIndex(), i -> new Partial());
      String line = command.line();
      if (p.tag == null) {
        String continued = open.get(command.connectionIndex());
        int sp = line.indexOf(' ');
        p.tag = continued != null ? continued : sp < 0 ? line : line.substring(0, sp);
        p.tls = command.tls();
      }
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      p.wire.writeBytes(bytes);
      Matcher m = LITERAL.matcher(line);
      if (m.find()) {
        long n = Long.parseLong(m.group(1));
        boolean plus = !m.group(2).isEmpty();
        MockImapResponse next = queue.peek();
        if (next != null && next.isRefusingLiteral()) {
          queue.poll();
          byte[] out = next.render(p.tag);
          finish(server, command.connectionIndex(), p);
          return next.toReply(out);
        }
        p.wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        p.literals.add(null);
        MockReply r = plus ? MockReply.none() : MockReply.of("+ go ahead");
        return r.thenReadExactly(n);
      }
      return respond(server, command.connectionIndex(), p);
    }

    private MockReply respond(MockImapServer server, int connection, Partial p) {
      String tag = p.tag;
      finish(server, connection, p);
      MockImapResponse next = queue.poll();
      if (next == null && isLogout(p.wire.toByteArray(), tag)) {
        return MockReply.lines("* BYE logging out", tag + " OK LOGOUT completed").onReplyEnd(SocketEffect.CLOSE);
      }
      if (next == null) {
        recordFailure("unexpected IMAP command with tag " + tag + ": no response enqueued");
        return MockReply.of(tag + " BAD unexpected command");
      }
      byte[] out = next.render(tag);
      trackOpen(connection, tag, out);
      if (next.isDeferred()) {
        Partial now = partial.get(connection);
        now.deferred = concat(now.deferred, out);
        return MockReply.none();
      }
      Partial now = partial.get(connection);
      byte[] held = now.deferred;
      now.deferred = null;
      return next.toReply(concat(out, held));
    }

    /** Remembers a command left open by a {@code +} (its next lines are continuation lines), or closes it. */
    private void trackOpen(int connection, String tag, byte[] out) {
      boolean completed = false;
      boolean continuation = false;
      for (String l : new String(out, StandardCharsets.ISO_8859_1).split("\r\n")) {
        completed |= l.startsWith(tag + " ");
        continuation |= l.startsWith("+");
      }
      if (completed) {
        open.remove(connection);
      } else if (continuation) {
        open.put(connection, tag);
      }
    }

    private static boolean isLogout(byte[] wire, String tag) {
      return new String(wire, StandardCharsets.UTF_8).equalsIgnoreCase(tag + " LOGOUT");
    }

    private void finish(MockImapServer server, int connection, Partial p) {
      server.recordImap(new RecordedImapCommand(connection, p.tag, p.wire.toByteArray(), p.literals, p.tls));
      byte[] deferred = p.deferred;
      Partial fresh = new Partial();
      fresh.deferred = deferred;
      partial.put(connection, fresh);
    }

    @Override
    public MockReply dispatchPayload(RecordedPayload payload) {
      Partial p = partial.get(payload.connectionIndex());
      if (p == null || p.literals.isEmpty()) {
        recordFailure("payload without a literal: " + payload);
        return MockReply.none().onReplyStart(SocketEffect.CLOSE);
      }
      byte[] content = payload.bytes();
      p.literals.set(p.literals.size() - 1, content);
      p.wire.writeBytes(content);
      return MockReply.none().thenReadLine();
    }

    @Override
    public void shutdown() {
      raw.add(MockReply.none().onReplyStart(SocketEffect.CLOSE));
    }

    private static byte[] concat(byte[] a, byte[] b) {
      if (a == null) {
        return b;
      }
      if (b == null) {
        return a;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(a);
      out.writeBytes(b);
      return out.toByteArray();
    }
  }
}
