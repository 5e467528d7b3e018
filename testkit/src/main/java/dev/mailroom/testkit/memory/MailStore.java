package dev.mailroom.testkit.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread-safe store behind {@link InMemoryMailServer}: users, each with mailboxes (INBOX plus the special-use
 * folders Sent, Drafts, Trash, Junk and Archive), each mailbox with UIDVALIDITY, UIDNEXT and messages with UIDs,
 * flags and internal dates. SMTP delivers into it, POP3 and IMAP read and change it, and a test can seed and inspect
 * it directly.
 *
 * <pre>{@code
 * MailStore store = server.store();
 * store.append("bob", "INBOX", "Subject: seeded\r\n\r\nhi\r\n".getBytes(UTF_8), Set.of("\\Seen"));
 * assertEquals(1, store.messages("bob", "INBOX").size());
 * }</pre>
 *
 * <p>One lock guards everything (a test server needs correctness, not throughput); every read returns a snapshot.
 * Mailbox names use {@code /} as the hierarchy delimiter and {@code INBOX} is case-insensitive (RFC 3501 §5.1).
 */
public final class MailStore {
  /** The hierarchy delimiter of mailbox names. */
  public static final char DELIMITER = '/';

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong uidValidities = new AtomicLong(Instant.now().getEpochSecond() & 0x7fff_ffffL);

  /** Creates an empty store. */
  public MailStore() {
  }

  static final class Account {
    final String name;
    final String password;
    final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
    boolean pop3Locked;

    Account(String name, String password) {
      this.name = name;
      this.password = password;
    }
  }

  static final class Mailbox {
    String name;
    final long uidValidity;
    long uidNext = 1;
    final Optional<SpecialUse> specialUse;
    boolean subscribed = true;
    final TreeMap<Long, Entry> messages = new TreeMap<>();

    Mailbox(String name, long uidValidity, Optional<SpecialUse> specialUse) {
      this.name = name;
      this.uidValidity = uidValidity;
      this.specialUse = specialUse;
    }
  }

  static final class Entry {
    final long uid;
    final byte[] bytes;
    final Instant internalDate;
    final Optional<ReceivedEnvelope> envelope;
    final Set<String> flags = new LinkedHashSet<>();
    boolean recent = true; // RFC 3501 §2.3.2: until the first session that sees it claims it

    Entry(long uid, byte[] bytes, Instant internalDate, Optional<ReceivedEnvelope> envelope) {
      this.uid = uid;
      this.bytes = bytes;
      this.internalDate = internalDate;
      this.envelope = envelope;
    }

    StoredMessage snapshot() {
      return new StoredMessage(uid, bytes, flags, internalDate, envelope);
    }
  }

  /** A registration for change notifications; {@link #unlisten} removes it. */
  record Listener(String user, Runnable onChange) {
  }

  /** Summary of a mailbox for SELECT and STATUS: UIDVALIDITY, UIDNEXT and each message's UID and flags. */
  record MailboxState(String name, long uidValidity, long uidNext, Optional<SpecialUse> specialUse,
      List<Long> uids, Map<Long, Set<String>> flags, long totalSize, Set<Long> recent) {
  }

  // ------------------------------------------------------------------ users

  /**
   * Adds a user with the standard mailboxes; replacing an existing user is refused.
   *
   * @param name the login name, for instance {@code "bob"}
   * @param password the password
   * @throws IllegalArgumentException if the user exists
   */
  public void addUser(String name, String password) {
    Objects.requireNonNull(password, "password");
    write(name, () -> {
      String key = key(name);
      if (accounts.containsKey(key)) {
        throw new IllegalArgumentException("user exists: " + name);
      }
      Account account = new Account(name, password);
      account.mailboxes.put("INBOX", new Mailbox("INBOX", uidValidities.incrementAndGet(), Optional.empty()));
      for (SpecialUse use : SpecialUse.values()) {
        account.mailboxes.put(use.defaultName(),
            new Mailbox(use.defaultName(), uidValidities.incrementAndGet(), Optional.of(use)));
      }
      accounts.put(key, account);
      return null;
    });
  }

  /**
   * The user names, in the order they were added.
   *
   * @return the names
   */
  public List<String> users() {
    return read(() -> accounts.values().stream().map(a -> a.name).toList());
  }

  /**
   * Whether a user exists (case-insensitive).
   *
   * @param name the user name
   * @return true if it exists
   */
  public boolean hasUser(String name) {
    return read(() -> accounts.containsKey(key(name)));
  }

  /** Checks a password; returns the canonical user name. */
  Optional<String> authenticate(String name, String password) {
    return read(() -> {
      Account a = accounts.get(key(name));
      return a != null && a.password.equals(password) ? Optional.of(a.name) : Optional.empty();
    });
  }

  Optional<String> password(String name) {
    return read(() -> Optional.ofNullable(accounts.get(key(name))).map(a -> a.password));
  }

  /** Takes the POP3 maildrop lock (RFC 1939 §8); false if another POP3 session holds it. */
  boolean lockMaildrop(String user) {
    return write(user, () -> {
      Account a = account(user);
      if (a.pop3Locked) {
        return false;
      }
      a.pop3Locked = true;
      return true;
    });
  }

  void unlockMaildrop(String user) {
    write(user, () -> {
      account(user).pop3Locked = false;
      return null;
    });
  }

  // ------------------------------------------------------------------ mailboxes

  /**
   * The user's mailbox names, INBOX first.
   *
   * @param user the user
   * @return the names
   */
  public List<String> mailboxes(String user) {
    return read(() -> List.copyOf(account(user).mailboxes.keySet()));
  }

  /**
   * Creates a mailbox (its parents need not exist).
   *
   * @param user the user
   * @param name the name, {@code /}-delimited
   * @return false if it already existed
   */
  public boolean createMailbox(String user, String name) {
    return write(user, () -> {
      Account a = account(user);
      String n = canonical(name);
      if (a.mailboxes.containsKey(n)) {
        return false;
      }
      a.mailboxes.put(n, new Mailbox(n, uidValidities.incrementAndGet(), Optional.empty()));
      return true;
    });
  }

  boolean deleteMailbox(String user, String name) {
    return write(user, () -> {
      String n = canonical(name);
      return !n.equals("INBOX") && account(user).mailboxes.remove(n) != null;
    });
  }

  /** Renames a mailbox; renaming INBOX moves its messages into a new mailbox (RFC 3501 §6.3.5). */
  boolean renameMailbox(String user, String from, String to) {
    return write(user, () -> {
      Account a = account(user);
      String f = canonical(from);
      String t = canonical(to);
      Mailbox source = a.mailboxes.get(f);
      if (source == null || a.mailboxes.containsKey(t)) {
        return false;
      }
      Mailbox target = new Mailbox(t, uidValidities.incrementAndGet(), source.specialUse);
      for (Entry e : source.messages.values()) {
        Entry copy = new Entry(target.uidNext++, e.bytes, e.internalDate, e.envelope);
        copy.flags.addAll(e.flags);
        copy.recent = e.recent;
        target.messages.put(copy.uid, copy);
      }
      if (f.equals("INBOX")) {
        source.messages.clear();
      } else {
        a.mailboxes.remove(f);
      }
      a.mailboxes.put(t, target);
      return true;
    });
  }

  boolean subscribe(String user, String name, boolean subscribed) {
    return write(user, () -> {
      Mailbox m = account(user).mailboxes.get(canonical(name));
      if (m != null) {
        m.subscribed = subscribed;
      }
      return m != null;
    });
  }

  boolean isSubscribed(String user, String name) {
    return read(() -> {
      Mailbox m = account(user).mailboxes.get(canonical(name));
      return m != null && m.subscribed;
    });
  }

  Optional<MailboxState> state(String user, String name) {
    return read(() -> Optional.ofNullable(account(user).mailboxes.get(canonical(name))).map(m -> {
      Map<Long, Set<String>> flags = new LinkedHashMap<>();
      Set<Long> recent = new LinkedHashSet<>();
      long size = 0;
      for (Entry e : m.messages.values()) {
        flags.put(e.uid, ordered(e.flags));
        size += e.bytes.length;
        if (e.recent) {
          recent.add(e.uid);
        }
      }
      return new MailboxState(m.name, m.uidValidity, m.uidNext, m.specialUse, List.copyOf(m.messages.keySet()),
          flags, size, Set.copyOf(recent));
    }));
  }

  // ------------------------------------------------------------------ messages

  /**
   * Snapshots of a mailbox's messages in UID order.
   *
   * @param user the user
   * @param mailbox the mailbox name
   * @return the messages; empty if the mailbox does not exist
   */
  public List<StoredMessage> messages(String user, String mailbox) {
    return read(() -> {
      Mailbox m = account(user).mailboxes.get(canonical(mailbox));
      return m == null ? List.<StoredMessage>of() : m.messages.values().stream().map(Entry::snapshot).toList();
    });
  }

  /**
   * Waits until a mailbox holds at least {@code count} messages.
   *
   * @param user the user
   * @param mailbox the mailbox
   * @param count how many messages to wait for
   * @param timeout how long to wait
   * @return the messages (at least {@code count})
   * @throws AssertionError if fewer arrived in time (a test failure, with what did arrive)
   * @throws InterruptedException if interrupted
   */
  public List<StoredMessage> awaitMessages(String user, String mailbox, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        List<StoredMessage> now = messages(user, mailbox);
        if (now.size() >= count) {
          return now;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected at least " + count + " messages in " + user + "/" + mailbox
              + " within " + timeout + " but found " + now.size() + ": " + now);
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a message in a mailbox matches.
   *
   * @param user the user
   * @param mailbox the mailbox
   * @param match the condition
   * @param timeout how long to wait
   * @return the first matching message
   * @throws AssertionError if none matched in time (a test failure, listing what is there)
   * @throws InterruptedException if interrupted
   */
  public StoredMessage awaitMessage(String user, String mailbox, java.util.function.Predicate<StoredMessage> match,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        List<StoredMessage> now = messages(user, mailbox);
        Optional<StoredMessage> found = now.stream().filter(match).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching message in " + user + "/" + mailbox + " within " + timeout
              + "; found " + now);
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  Optional<StoredMessage> message(String user, String mailbox, long uid) {
    return read(() -> {
      Mailbox m = account(user).mailboxes.get(canonical(mailbox));
      return m == null ? Optional.<StoredMessage>empty() : Optional.ofNullable(m.messages.get(uid))
          .map(Entry::snapshot);
    });
  }

  /**
   * Appends a message, as IMAP APPEND would, dated now.
   *
   * @param user the user
   * @param mailbox an existing mailbox
   * @param bytes the message
   * @param flags its flags
   * @return the new UID
   * @throws IllegalArgumentException if the mailbox does not exist
   */
  public long append(String user, String mailbox, byte[] bytes, Set<String> flags) {
    return deliver(user, mailbox, bytes.clone(), flags, Instant.now(), Optional.empty());
  }

  long deliver(String user, String mailbox, byte[] bytes, Collection<String> flags, Instant date,
      Optional<ReceivedEnvelope> envelope) {
    return write(user, () -> {
      Mailbox m = account(user).mailboxes.get(canonical(mailbox));
      if (m == null) {
        throw new IllegalArgumentException("no mailbox " + mailbox + " for " + user);
      }
      Entry e = new Entry(m.uidNext++, bytes, date, envelope);
      e.flags.addAll(flags);
      m.messages.put(e.uid, e);
      return e.uid;
    });
  }

  /** Applies a STORE: mode '+' adds, '-' removes, anything else replaces. Returns the new flags per UID. */
  Map<Long, Set<String>> storeFlags(String user, String mailbox, Collection<Long> uids, char mode,
      Collection<String> flags) {
    return write(user, () -> {
      Mailbox m = existing(user, mailbox);
      Map<Long, Set<String>> result = new LinkedHashMap<>();
      for (long uid : uids) {
        Entry e = m.messages.get(uid);
        if (e == null) {
          continue;
        }
        if (mode == '+') {
          e.flags.addAll(flags);
        } else if (mode == '-') {
          e.flags.removeIf(f -> flags.stream().anyMatch(f::equalsIgnoreCase));
        } else {
          e.flags.clear();
          e.flags.addAll(flags);
        }
        result.put(uid, ordered(e.flags));
      }
      return result;
    });
  }

  /** Clears \Recent on every message of the mailbox that has it; returns their UIDs (this session's recent set). */
  Set<Long> claimRecent(String user, String mailbox) {
    return write(user, () -> {
      Set<Long> claimed = new LinkedHashSet<>();
      for (Entry e : existing(user, mailbox).messages.values()) {
        if (e.recent) {
          e.recent = false;
          claimed.add(e.uid);
        }
      }
      return claimed;
    });
  }

  /** Removes the given UIDs (or, if {@code uids} is null, every \Deleted message); returns the removed UIDs. */
  List<Long> expunge(String user, String mailbox, Collection<Long> uids, boolean onlyDeleted) {
    return write(user, () -> {
      Mailbox m = existing(user, mailbox);
      List<Long> removed = new ArrayList<>();
      for (Entry e : List.copyOf(m.messages.values())) {
        boolean chosen = uids == null || uids.contains(e.uid);
        if (chosen && (!onlyDeleted || e.flags.stream().anyMatch("\\Deleted"::equalsIgnoreCase))) {
          m.messages.remove(e.uid);
          removed.add(e.uid);
        }
      }
      return removed;
    });
  }

  /** Copies messages; returns the target's UIDVALIDITY and a source→target UID map, or empty if no target. */
  Optional<CopyResult> copy(String user, String from, Collection<Long> uids, String to) {
    return write(user, () -> {
      Mailbox source = existing(user, from);
      Mailbox target = account(user).mailboxes.get(canonical(to));
      if (target == null) {
        return Optional.<CopyResult>empty();
      }
      Map<Long, Long> map = new LinkedHashMap<>();
      for (long uid : uids) {
        Entry e = source.messages.get(uid);
        if (e != null) {
          Entry copy = new Entry(target.uidNext++, e.bytes, e.internalDate, e.envelope);
          copy.flags.addAll(e.flags);
          target.messages.put(copy.uid, copy);
          map.put(uid, copy.uid);
        }
      }
      return Optional.of(new CopyResult(target.uidValidity, map));
    });
  }

  /** The result of a COPY or MOVE, for COPYUID (RFC 4315). */
  record CopyResult(long uidValidity, Map<Long, Long> uids) {
  }

  // ------------------------------------------------------------------ notifications and locking

  /** Registers a callback run (on the changing thread, after the lock is released) after any change for a user. */
  Listener listen(String user, Runnable onChange) {
    Listener l = new Listener(key(user), onChange);
    listeners.add(l);
    return l;
  }

  void unlisten(Listener listener) {
    listeners.remove(listener);
  }

  private Account account(String user) {
    Account a = accounts.get(key(user));
    if (a == null) {
      throw new IllegalArgumentException("no such user: " + user);
    }
    return a;
  }

  private Mailbox existing(String user, String mailbox) {
    Mailbox m = account(user).mailboxes.get(canonical(mailbox));
    if (m == null) {
      throw new IllegalArgumentException("no mailbox " + mailbox + " for " + user);
    }
    return m;
  }

  /** An unmodifiable copy that keeps the order flags were set in, so responses are deterministic. */
  static Set<String> ordered(java.util.Collection<String> flags) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(flags));
  }

  static String canonical(String name) {
    return name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
  }

  private static String key(String user) {
    return user.toLowerCase(Locale.ROOT);
  }

  private interface Action<T> {
    T run();
  }

  private <T> T read(Action<T> action) {
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  /** Runs a change under the lock, wakes waiters, then tells {@code user}'s listeners (outside the lock). */
  private <T> T write(String user, Action<T> action) {
    T result;
    lock.lock();
    try {
      result = action.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    String k = key(user);
    for (Listener l : listeners) {
      if (l.user().equals(k)) {
        l.onChange().run();
      }
    }
    return result;
  }
}
