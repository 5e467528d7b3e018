package dev.mailroom.imap.internal;

import dev.mailroom.imap.Flag;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.SelectedMailbox;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.Uid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live {@link SelectedMailbox}: written by the reader thread, read by any thread under a lock. Per-message state
 * (UID, flags) is kept by sequence number and renumbered on EXPUNGE (RFC 3501 §7.4.1; SECURITY.md I12). Every
 * EXPUNGE is logged so a sequence-set issued before it can be translated when it is finally sent.
 */
final class MailboxModel implements SelectedMailbox {
  private final ReentrantLock lock = new ReentrantLock();
  private final MailboxName name;
  private boolean readOnly;
  private long exists;
  private long recent;
  private Set<Flag> flags = Set.of();
  private Set<Flag> permanentFlags = Set.of();
  private long uidValidity;
  private long uidNext;
  private long unseen;
  private long highestModSeq;
  private boolean noModSeq;
  private boolean valid;
  private final List<Message> messages = new ArrayList<>();
  private final List<Long> expungeLog = new ArrayList<>();

  private record Message(Uid uid, Set<Flag> flags) { }

  MailboxModel(MailboxName name, boolean readOnly) {
    this.name = name;
    this.readOnly = readOnly;
  }

  @Override
  public MailboxName name() {
    return name;
  }

  @Override
  public boolean readOnly() {
    return read(() -> readOnly);
  }

  @Override
  public long exists() {
    return read(() -> exists);
  }

  @Override
  public long recent() {
    return read(() -> recent);
  }

  @Override
  public Set<Flag> flags() {
    return read(() -> flags);
  }

  @Override
  public Set<Flag> permanentFlags() {
    return read(() -> permanentFlags);
  }

  @Override
  public long uidValidity() {
    return read(() -> uidValidity);
  }

  @Override
  public OptionalLong uidNext() {
    return read(() -> uidNext > 0 ? OptionalLong.of(uidNext) : OptionalLong.empty());
  }

  @Override
  public OptionalLong firstUnseen() {
    return read(() -> unseen > 0 ? OptionalLong.of(unseen) : OptionalLong.empty());
  }

  @Override
  public OptionalLong highestModSeq() {
    return read(() -> highestModSeq > 0 ? OptionalLong.of(highestModSeq) : OptionalLong.empty());
  }

  @Override
  public boolean noModSeq() {
    return read(() -> noModSeq);
  }

  @Override
  public Optional<Uid> uid(long seq) {
    return read(() -> {
      Message m = seq >= 1 && seq <= messages.size() ? messages.get((int) seq - 1) : null;
      return Optional.ofNullable(m == null ? null : m.uid);
    });
  }

  @Override
  public Optional<Set<Flag>> messageFlags(long seq) {
    return read(() -> {
      Message m = seq >= 1 && seq <= messages.size() ? messages.get((int) seq - 1) : null;
      return Optional.ofNullable(m == null ? null : m.flags);
    });
  }

  @Override
  public boolean isValid() {
    return read(() -> valid);
  }

  // Reader-thread updates.

  void exists(long n) {
    write(() -> {
      exists = n;
      while (messages.size() > n) {
        messages.remove(messages.size() - 1);
      }
    });
  }

  void recent(long n) {
    write(() -> recent = n);
  }

  void flags(Set<Flag> f) {
    write(() -> flags = Set.copyOf(f));
  }

  void permanentFlags(Set<Flag> f) {
    write(() -> permanentFlags = Set.copyOf(f));
  }

  void readOnly(boolean value) {
    write(() -> readOnly = value);
  }

  /** Sets UIDVALIDITY; a change drops every cached UID and flag (SECURITY.md I20). */
  void uidValidity(long value) {
    write(() -> {
      if (uidValidity != 0 && uidValidity != value) {
        messages.clear();
      }
      uidValidity = value;
    });
  }

  void uidNext(long value) {
    write(() -> uidNext = value);
  }

  void unseen(long value) {
    write(() -> unseen = value);
  }

  /**
   * {@code [HIGHESTMODSEQ n]}: returns false if it went backwards within one selection (RFC 7162 §3.1.2.1 forbids
   * it; SECURITY.md I21), in which case the old value is kept and the caller must resynchronise fully.
   */
  boolean highestModSeq(long value) {
    lock.lock();
    try {
      if (value < highestModSeq) {
        return false;
      }
      highestModSeq = value;
      noModSeq = false;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** {@code [NOMODSEQ]}: the mailbox keeps no mod-sequences (RFC 7162 §3.1.2.2). */
  void markNoModSeq() {
    write(() -> {
      noModSeq = true;
      highestModSeq = 0;
    });
  }

  /**
   * {@code * VANISHED uids} without EARLIER (RFC 7162 §3.2.10.2): each UID is a message that was visible and is now
   * gone, so EXISTS drops by the set's size. Messages whose UID the model knows are removed and renumbered like an
   * EXPUNGE; if some were not known, the positions of the rest are unknown too: the cache is dropped and any
   * sequence set issued before cannot be translated any more (such a command fails instead of hitting the wrong
   * message).
   *
   * @return the sequence numbers removed, in the order they were applied
   */
  List<Long> vanished(dev.mailroom.imap.UidSet uids) {
    lock.lock();
    try {
      List<Long> removed = new ArrayList<>();
      for (int i = messages.size() - 1; i >= 0; i--) {
        Message m = messages.get(i);
        if (m != null && m.uid != null && uids.contains(m.uid.value(), 0xFFFF_FFFFL)) {
          messages.remove(i);
          expungeLog.add((long) i + 1);
          removed.add((long) i + 1);
        }
      }
      long unknown = uids.size() - removed.size();
      exists = Math.max(0, exists - uids.size());
      if (unknown > 0) {
        messages.clear();
        expungeLog.add(UNKNOWN_POSITION);
      }
      return removed;
    } finally {
      lock.unlock();
    }
  }

  /** An expunge-log entry for a removal at a position the model did not know. */
  private static final long UNKNOWN_POSITION = 0;

  void valid(boolean value) {
    write(() -> valid = value);
  }

  /** {@code * n EXPUNGE}: removes message n and renumbers the rest. */
  void expunge(long seq) {
    write(() -> {
      if (seq <= messages.size()) {
        messages.remove((int) seq - 1);
      }
      exists = Math.max(0, exists - 1);
      expungeLog.add(seq);
    });
  }

  /** A FETCH told the UID and/or flags of message {@code seq}. */
  void fetched(long seq, Uid uid, Set<Flag> newFlags) {
    if (seq > Integer.MAX_VALUE - 8) {
      return;
    }
    write(() -> {
      while (messages.size() < seq) {
        messages.add(null);
      }
      Message old = messages.get((int) seq - 1);
      Uid u = uid != null ? uid : old == null ? null : old.uid;
      Set<Flag> f = newFlags != null ? Set.copyOf(new LinkedHashSet<>(newFlags)) : old == null ? null : old.flags;
      messages.set((int) seq - 1, new Message(u, f));
    });
  }

  /** The position of the expunge log, recorded when a sequence-number command is issued. */
  long expungeMark() {
    return read(() -> (long) expungeLog.size());
  }

  /**
   * Translates {@code set}, meant as of {@code mark}, through the EXPUNGEs since: later numbers move down, expunged
   * ones drop out. Null if nothing is left.
   */
  SeqSet translate(SeqSet set, long mark) {
    return read(() -> {
      if (mark >= expungeLog.size()) {
        return set;
      }
      List<long[]> ranges = set.ranges();
      for (int i = (int) mark; i < expungeLog.size(); i++) {
        long x = expungeLog.get(i);
        if (x == UNKNOWN_POSITION) {
          throw new AmbiguousSequenceException();
        }
        List<long[]> next = new ArrayList<>();
        for (long[] r : ranges) {
          long a = r[0];
          long b = r[1];
          if (a == -1 || b == -1) {
            long lo = a == -1 ? b : a;
            next.add(new long[] {lo > x ? lo - 1 : lo, -1});
            continue;
          }
          if (x < a) {
            next.add(new long[] {a - 1, b - 1});
          } else if (x > b) {
            next.add(r);
          } else if (a < b) {
            next.add(new long[] {a, b - 1});
          }
        }
        ranges = next;
      }
      if (ranges.isEmpty()) {
        return null;
      }
      SeqSet out = null;
      for (long[] r : ranges) {
        SeqSet s = r[1] == -1 ? SeqSet.from(Math.max(1, r[0])) : SeqSet.range(r[0], r[1]);
        out = out == null ? s : out.union(s);
      }
      return out;
    });
  }

  /** A sequence set meant before a VANISHED at unknown positions can no longer be translated. */
  static final class AmbiguousSequenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AmbiguousSequenceException() {
      super("messages vanished at positions this session did not know, so sequence numbers given before are "
          + "ambiguous (RFC 7162 §3.2.10.2); the command was not sent: use UIDs");
    }
  }

  private <V> V read(java.util.function.Supplier<V> f) {
    lock.lock();
    try {
      return f.get();
    } finally {
      lock.unlock();
    }
  }

  private void write(Runnable r) {
    lock.lock();
    try {
      r.run();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "SelectedMailbox[" + name + ", exists=" + exists() + ", uidValidity=" + uidValidity() + "]";
  }
}
