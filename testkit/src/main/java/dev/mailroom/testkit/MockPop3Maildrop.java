package dev.mailroom.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stateful POP3 maildrop for {@link MockPop3Server}: one user, messages with unique-ids, RFC 1939 semantics
 * (message numbers fixed at login, DELE marks, RSET unmarks, only {@code +OK} to QUIT removes), and one-shot faults
 * for testing that a client never loses mail. Its own simple parser and writer; it shares no code with clients.
 *
 * <pre>{@code
 * MockPop3Maildrop drop = new MockPop3Maildrop("bob", "pw").pipelining(true);
 * drop.add("uid-1", "Subject: one\r\n\r\nhello\r\n".getBytes(UTF_8));
 * drop.fault(new MockPop3Maildrop.DropMidRetr(1, 40));   // the first RETR 1 is cut after 40 bytes
 * try (MockPop3Server pop3 = new MockPop3Server(drop)) {
 *   pop3.start();
 *   // ... run a client twice
 *   assertEquals(List.of("uid-1"), drop.removedUids());
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MockPop3Maildrop extends Dispatcher {
  /** A one-shot fault: it fires on the first command it matches, on any connection, and is then used up. */
  public sealed interface Fault permits DropMidRetr, DropAfterRetr, DropAtDele, DropBeforeQuit, ErrToQuit { }

  /**
   * Cuts the reply to {@code RETR number} after {@code afterBytes} bytes (status line included) and closes.
   *
   * @param number the message number
   * @param afterBytes how many bytes of the reply are sent
   */
  public record DropMidRetr(int number, int afterBytes) implements Fault { }

  /**
   * Sends the whole reply to {@code RETR number}, then closes.
   *
   * @param number the message number
   */
  public record DropAfterRetr(int number) implements Fault { }

  /**
   * Closes without replying to the {@code nth} DELE of a connection (1 for the first).
   *
   * @param nth which DELE
   */
  public record DropAtDele(int nth) implements Fault { }

  /** Closes without replying to QUIT; nothing is removed. */
  public record DropBeforeQuit() implements Fault { }

  /** Answers QUIT with {@code -ERR some deleted messages not removed} and removes nothing. */
  public record ErrToQuit() implements Fault { }

  private record Message(String uid, byte[] bytes) { }

  /** One connection's session. */
  private static final class Session {
    String user;
    List<Message> snapshot;
    final TreeSet<Integer> marked = new TreeSet<>();
    int deles;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final String user;
  private final String password;
  private final List<Message> messages = new ArrayList<>();
  private final List<String> removed = new ArrayList<>();
  private final Map<String, Integer> retrieved = new HashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<Integer, Session> sessions = new HashMap<>();
  private volatile boolean pipelining;

  /**
   * A maildrop for one user.
   *
   * @param user the user name USER must give
   * @param password the password PASS must give
   */
  public MockPop3Maildrop(String user, String password) {
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
  }

  /**
   * Whether CAPA lists PIPELINING.
   *
   * @param value true to list it
   * @return this
   */
  public MockPop3Maildrop pipelining(boolean value) {
    pipelining = value;
    return this;
  }

  /**
   * Adds a message; sessions that log in afterwards see it.
   *
   * @param uid its unique-id
   * @param bytes the message, ending with CRLF
   * @return this
   */
  public MockPop3Maildrop add(String uid, byte[] bytes) {
    lock.lock();
    try {
      messages.add(new Message(uid, bytes.clone()));
      return this;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds a one-shot fault.
   *
   * @param fault the fault
   */
  public void fault(Fault fault) {
    lock.lock();
    try {
      faults.add(Objects.requireNonNull(fault, "fault"));
    } finally {
      lock.unlock();
    }
  }

  /** Returns the unique-ids still in the maildrop, in order. */
  public List<String> uids() {
    lock.lock();
    try {
      return messages.stream().map(Message::uid).toList();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the unique-ids removed by QUITs answered {@code +OK}, in the order removed. */
  public List<String> removedUids() {
    lock.lock();
    try {
      return List.copyOf(removed);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns how many times the message was sent in full or in part by RETR.
   *
   * @param uid the unique-id
   * @return the count
   */
  public int retrieveCount(String uid) {
    lock.lock();
    try {
      return retrieved.getOrDefault(uid, 0);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the faults not yet used. */
  public List<Fault> pendingFaults() {
    lock.lock();
    try {
      return List.copyOf(faults);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MockReply greeting(ConnectionInfo connection) {
    lock.lock();
    try {
      sessions.put(connection.index(), new Session());
    } finally {
      lock.unlock();
    }
    return MockReply.of("+OK mock POP3 ready <" + connection.index() + "." + System.nanoTime() + "@mock.test>");
  }

  @Override
  public MockReply dispatch(RecordedCommand command) {
    lock.lock();
    try {
      Session session = sessions.computeIfAbsent(command.connectionIndex(), i -> new Session());
      String[] words = command.line().split(" ", -1);
      String verb = words[0].toUpperCase(Locale.ROOT);
      if (verb.equals("CAPA")) {
        return MockPop3Server.capa(pipelining ? new String[] {"TOP", "UIDL", "USER", "RESP-CODES", "PIPELINING"}
            : new String[] {"TOP", "UIDL", "USER", "RESP-CODES"});
      }
      if (verb.equals("NOOP")) {
        return ok("");
      }
      if (session.snapshot == null) {
        return authorization(session, verb, words);
      }
      return transaction(session, verb, words);
    } finally {
      lock.unlock();
    }
  }

  private MockReply authorization(Session session, String verb, String[] words) {
    switch (verb) {
      case "USER" -> {
        session.user = words.length == 2 ? words[1] : null;
        return ok("send PASS");
      }
      case "PASS" -> {
        String given = words.length >= 2 ? String.join(" ", List.of(words).subList(1, words.length)) : "";
        if (!user.equals(session.user) || !password.equals(given)) {
          return MockReply.of("-ERR [AUTH] invalid user name or password");
        }
        session.snapshot = List.copyOf(messages);
        return ok("maildrop has " + session.snapshot.size() + " messages");
      }
      case "QUIT" -> {
        return ok("bye").onReplyEnd(SocketEffect.CLOSE);
      }
      default -> {
        return MockReply.of("-ERR not in the TRANSACTION state");
      }
    }
  }

  private MockReply transaction(Session session, String verb, String[] words) {
    switch (verb) {
      case "STAT" -> {
        long size = 0;
        int count = 0;
        for (int n = 1; n <= session.snapshot.size(); n++) {
          if (!session.marked.contains(n)) {
            count++;
            size += session.snapshot.get(n - 1).bytes().length;
          }
        }
        return ok(count + " " + size);
      }
      case "LIST", "UIDL" -> {
        boolean list = verb.equals("LIST");
        if (words.length == 2) {
          Message m = message(session, words[1]);
          return m == null ? noSuchMessage() : ok(words[1] + " " + (list ? m.bytes().length : m.uid()));
        }
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= session.snapshot.size(); n++) {
          if (!session.marked.contains(n)) {
            Message m = session.snapshot.get(n - 1);
            lines.add(n + " " + (list ? m.bytes().length : m.uid()));
          }
        }
        return MockPop3Server.multiLine("+OK listing follows", lines.toArray(String[]::new));
      }
      case "RETR" -> {
        return retrieve(session, words);
      }
      case "TOP" -> {
        Message m = words.length == 3 ? message(session, words[1]) : null;
        return m == null ? noSuchMessage() : MockPop3Server.multiLine("+OK top follows",
            top(m.bytes(), Integer.parseInt(words[2])));
      }
      case "DELE" -> {
        session.deles++;
        if (take(f -> f instanceof DropAtDele d && d.nth() == session.deles)) {
          return MockReply.none().onReplyStart(SocketEffect.CLOSE);
        }
        Message m = words.length == 2 ? message(session, words[1]) : null;
        if (m == null) {
          return noSuchMessage();
        }
        session.marked.add(Integer.parseInt(words[1]));
        return ok("marked");
      }
      case "RSET" -> {
        session.marked.clear();
        return ok("reset");
      }
      case "QUIT" -> {
        return quit(session);
      }
      default -> {
        return MockReply.of("-ERR unknown command");
      }
    }
  }

  private MockReply retrieve(Session session, String[] words) {
    Message m = words.length == 2 ? message(session, words[1]) : null;
    if (m == null) {
      return noSuchMessage();
    }
    int number = Integer.parseInt(words[1]);
    retrieved.merge(m.uid(), 1, Integer::sum);
    byte[] wire = MockPop3Server.multiLineBytes("+OK " + m.bytes().length + " octets", m.bytes());
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f instanceof DropMidRetr d && d.number() == number) {
        it.remove();
        return MockReply.raw(wire).onReplyStart(new SocketEffect.CloseMidReply(d.afterBytes()));
      }
      if (f instanceof DropAfterRetr d && d.number() == number) {
        it.remove();
        return MockReply.raw(wire).onReplyEnd(SocketEffect.CLOSE);
      }
    }
    return MockReply.raw(wire);
  }

  private MockReply quit(Session session) {
    if (take(f -> f instanceof DropBeforeQuit)) {
      return MockReply.none().onReplyStart(SocketEffect.CLOSE);
    }
    if (take(f -> f instanceof ErrToQuit)) {
      return MockReply.of("-ERR some deleted messages not removed").onReplyEnd(SocketEffect.CLOSE);
    }
    for (int n : session.marked) {
      Message m = session.snapshot.get(n - 1);
      if (messages.remove(m)) {
        removed.add(m.uid());
      }
    }
    return ok("bye").onReplyEnd(SocketEffect.CLOSE);
  }

  private boolean take(java.util.function.Predicate<Fault> matches) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      if (matches.test(it.next())) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  private static Message message(Session session, String number) {
    int n;
    try {
      n = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return null;
    }
    if (n < 1 || n > session.snapshot.size() || session.marked.contains(n)) {
      return null;
    }
    return session.snapshot.get(n - 1);
  }

  /** The header, the blank line and the first {@code lines} lines of the body. */
  private static byte[] top(byte[] message, int lines) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    int split = text.indexOf("\r\n\r\n");
    if (split < 0) {
      return message;
    }
    int end = split + 4;
    for (int i = 0; i < lines && end < text.length(); i++) {
      int next = text.indexOf("\r\n", end);
      end = next < 0 ? text.length() : next + 2;
    }
    return text.substring(0, end).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static MockReply ok(String text) {
    return MockReply.of(text.isEmpty() ? "+OK" : "+OK " + text);
  }

  private static MockReply noSuchMessage() {
    return MockReply.of("-ERR no such message");
  }
}
