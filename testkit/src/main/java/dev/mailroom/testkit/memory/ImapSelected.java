package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The selected state of an IMAP session (RFC 3501 §6.4): this session's view of the mailbox (sequence numbers to
 * UIDs, and the flags it last reported), kept in step with the store by {@link #sync(boolean)} and pushed during
 * IDLE. FETCH, STORE, SEARCH, COPY, MOVE (RFC 6851), EXPUNGE and UID EXPUNGE (RFC 4315) run here.
 */
final class ImapSelected {
  static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

  private final InMemoryMailServer server;
  private final LineChannel channel;
  private final String user;
  private final String mailbox;
  private final boolean readOnly;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Long> uids = new ArrayList<>();
  private final Map<Long, Set<String>> knownFlags = new HashMap<>();
  private final Set<Long> recent = new java.util.HashSet<>();
  private volatile boolean pushing;

  private ImapSelected(InMemoryMailServer server, LineChannel channel, String user, String mailbox,
      boolean readOnly) {
    this.server = server;
    this.channel = channel;
    this.user = user;
    this.mailbox = mailbox;
    this.readOnly = readOnly;
  }

  /** SELECT or EXAMINE: writes the untagged responses; empty if the mailbox does not exist. */
  static Optional<ImapSelected> open(InMemoryMailServer server, LineChannel channel, String user, String mailbox,
      boolean readOnly) throws IOException {
    Optional<MailStore.MailboxState> state = server.store().state(user, mailbox);
    if (state.isEmpty()) {
      return Optional.empty();
    }
    MailStore.MailboxState s = state.get();
    ImapSelected selected = new ImapSelected(server, channel, user, s.name(), readOnly);
    selected.uids.addAll(s.uids());
    selected.knownFlags.putAll(s.flags());
    // SELECT claims \Recent for this session; EXAMINE must not change it (RFC 3501 §6.3.2)
    selected.recent.addAll(readOnly ? s.recent() : server.store().claimRecent(user, s.name()));
    channel.writeLine("* FLAGS (" + String.join(" ", SYSTEM_FLAGS) + ")");
    channel.writeLine("* OK [PERMANENTFLAGS (" + (readOnly ? "" : String.join(" ", SYSTEM_FLAGS) + " \\*")
        + ")] Flags permitted");
    channel.writeLine("* " + s.uids().size() + " EXISTS");
    channel.writeLine("* " + selected.recent.size() + " RECENT");
    for (int i = 0; i < s.uids().size(); i++) {
      if (!has(s.flags().get(s.uids().get(i)), "\\Seen")) {
        channel.writeLine("* OK [UNSEEN " + (i + 1) + "] First unseen");
        break;
      }
    }
    channel.writeLine("* OK [UIDVALIDITY " + s.uidValidity() + "] UIDs valid");
    channel.writeLine("* OK [UIDNEXT " + s.uidNext() + "] Predicted next UID");
    return Optional.of(selected);
  }

  static boolean has(Collection<String> flags, String flag) {
    return flags != null && flags.stream().anyMatch(flag::equalsIgnoreCase);
  }

  boolean command(String tag, String name, ImapArgs args)
      throws IOException, InterruptedException, ImapArgs.BadException {
    boolean uid = name.startsWith("UID ");
    String verb = uid ? name.substring(4) : name;
    Faults faults = server.faults();
    lock.lock();
    try {
      switch (verb) {
        case "FETCH" -> {
          Boolean injection = ImapServerSession.injected(faults, channel, tag, Step.IMAP_FETCH);
          if (injection != null) {
            return injection;
          }
          List<Long> chosen = resolve(args.atom(), uid);
          List<ImapFetch.Item> items = ImapFetch.parseItems(args, uid);
          args.end();
          sync(false);
          for (long u : chosen) {
            fetchOne(u, items);
          }
          tagged(tag, "OK " + name + " completed");
        }
        case "STORE" -> {
          Boolean injection = ImapServerSession.injected(faults, channel, tag, Step.IMAP_STORE);
          if (injection != null) {
            return injection;
          }
          store(tag, name, args, uid);
        }
        case "SEARCH" -> {
          Boolean injection = ImapServerSession.injected(faults, channel, tag, Step.IMAP_SEARCH);
          if (injection != null) {
            return injection;
          }
          ImapSearch.Criterion criterion = ImapSearch.parse(args, this);
          sync(false);
          List<String> hits = new ArrayList<>();
          for (int i = 0; i < uids.size(); i++) {
            Optional<StoredMessage> m = server.store().message(user, mailbox, uids.get(i));
            if (m.isPresent() && criterion.test(i + 1, withRecent(m.get()))) {
              hits.add(String.valueOf(uid ? uids.get(i) : i + 1));
            }
          }
          channel.writeLine("* SEARCH" + (hits.isEmpty() ? "" : " " + String.join(" ", hits)));
          tagged(tag, "OK " + name + " completed");
        }
        case "COPY", "MOVE" -> copy(tag, name, args, uid, verb.equals("MOVE"));
        case "EXPUNGE" -> {
          List<Long> only = uid ? resolve(args.atom(), true) : null;
          args.end();
          if (readOnly) {
            tagged(tag, "NO [READ-ONLY] Mailbox is read-only");
            return true;
          }
          server.store().expunge(user, mailbox, only, true);
          sync(true);
          tagged(tag, "OK " + name + " completed");
        }
        default -> tagged(tag, "BAD unknown command " + name);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void fetchOne(long u, List<ImapFetch.Item> items) throws IOException {
    Optional<StoredMessage> m = server.store().message(user, mailbox, u);
    if (m.isEmpty()) {
      return; // expunged by another session; reported at the next sync
    }
    StoredMessage message = m.get();
    boolean addFlags = false;
    if (!readOnly && !message.hasFlag("\\Seen") && items.stream().anyMatch(ImapFetch.Item::setsSeen)) {
      Set<String> flags = server.store().storeFlags(user, mailbox, List.of(u), '+', List.of("\\Seen")).get(u);
      knownFlags.put(u, flags);
      message = new StoredMessage(u, message.bytes(), flags, message.internalDate(), message.envelope());
      addFlags = items.stream().noneMatch(i -> i.name().equals("FLAGS"));
    }
    ImapFetch.write(channel, uids.indexOf(u) + 1, withRecent(message), items, addFlags);
  }

  private void store(String tag, String name, ImapArgs args, boolean uid) throws IOException, ImapArgs.BadException {
    List<Long> chosen = resolve(args.atom(), uid);
    String action = args.upperAtom();
    List<String> flags = args.listOrAtom().stream().filter(f -> !f.equalsIgnoreCase("\\Recent")).toList();
    args.end();
    boolean silent = action.endsWith(".SILENT");
    String base = silent ? action.substring(0, action.length() - 7) : action;
    char mode = base.startsWith("+") ? '+' : base.startsWith("-") ? '-' : '=';
    if (!base.substring(mode == '=' ? 0 : 1).equals("FLAGS")) {
      throw new ImapArgs.BadException("expected [+-]FLAGS[.SILENT]");
    }
    if (readOnly) {
      tagged(tag, "NO [READ-ONLY] Mailbox is read-only");
      return;
    }
    sync(false);
    Map<Long, Set<String>> result = server.store().storeFlags(user, mailbox, chosen, mode, flags);
    for (Map.Entry<Long, Set<String>> e : result.entrySet()) {
      knownFlags.put(e.getKey(), e.getValue());
      if (!silent) {
        channel.writeLine("* " + (uids.indexOf(e.getKey()) + 1) + " FETCH (" + (uid ? "UID " + e.getKey() + " " : "")
            + "FLAGS (" + String.join(" ", flags(e.getKey(), e.getValue())) + "))");
      }
    }
    tagged(tag, "OK " + name + " completed");
  }

  private void copy(String tag, String name, ImapArgs args, boolean uid, boolean move)
      throws IOException, ImapArgs.BadException {
    List<Long> chosen = resolve(args.atom(), uid);
    String target = args.astring();
    args.end();
    if (move && readOnly) {
      tagged(tag, "NO [READ-ONLY] Mailbox is read-only");
      return;
    }
    Optional<MailStore.CopyResult> result = server.store().copy(user, mailbox, chosen, target);
    if (result.isEmpty()) {
      tagged(tag, "NO [TRYCREATE] Mailbox doesn't exist: " + target);
      return;
    }
    String code = result.get().uids().isEmpty() ? "" : "[COPYUID " + result.get().uidValidity() + " "
        + join(result.get().uids().keySet()) + " " + join(result.get().uids().values()) + "] ";
    if (move) {
      if (!code.isEmpty()) {
        channel.writeLine("* OK " + code + "Moved");
      }
      server.store().expunge(user, mailbox, result.get().uids().keySet(), false);
      sync(true);
      tagged(tag, "OK " + name + " completed");
    } else {
      tagged(tag, "OK " + code + name + " completed");
    }
  }

  /** The flags this session reports: the stored ones plus {@code \Recent} if this session holds it. */
  private List<String> flags(long uid, Collection<String> stored) {
    List<String> all = new ArrayList<>(stored);
    if (recent.contains(uid)) {
      all.add("\\Recent");
    }
    return all;
  }

  private StoredMessage withRecent(StoredMessage m) {
    return recent.contains(m.uid())
        ? new StoredMessage(m.uid(), m.bytes(), new java.util.LinkedHashSet<>(flags(m.uid(), m.flags())), m.internalDate(), m.envelope())
        : m;
  }

  private static String join(Collection<Long> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  /**
   * Brings this session's view up to date and reports the differences: EXPUNGE (only if allowed, RFC 3501 §7.4.1
   * forbids it during FETCH, STORE and SEARCH), EXISTS for new messages, FETCH FLAGS for changed flags.
   */
  void sync(boolean allowExpunge) throws IOException {
    lock.lock();
    try {
      Optional<MailStore.MailboxState> state = server.store().state(user, mailbox);
      if (state.isEmpty()) {
        if (allowExpunge) {
          channel.writeLine("* BYE Mailbox was deleted");
        }
        return;
      }
      MailStore.MailboxState s = state.get();
      if (allowExpunge) {
        for (int i = uids.size() - 1; i >= 0; i--) {
          if (!s.flags().containsKey(uids.get(i))) {
            channel.writeLine("* " + (i + 1) + " EXPUNGE");
            long gone = uids.remove(i);
            knownFlags.remove(gone);
            recent.remove(gone);
          }
        }
      }
      long last = uids.isEmpty() ? 0 : uids.get(uids.size() - 1);
      boolean grew = false;
      for (long u : s.uids()) {
        if (u > last) {
          uids.add(u);
          knownFlags.put(u, s.flags().get(u));
          grew = true;
        }
      }
      if (grew) {
        channel.writeLine("* " + uids.size() + " EXISTS");
        int before = recent.size();
        recent.addAll(readOnly ? s.recent() : server.store().claimRecent(user, mailbox));
        if (recent.size() != before) {
          channel.writeLine("* " + recent.size() + " RECENT");
        }
      }
      for (int i = 0; i < uids.size(); i++) {
        long u = uids.get(i);
        Set<String> now = s.flags().get(u);
        if (now != null && !now.equals(knownFlags.get(u))) {
          knownFlags.put(u, now);
          channel.writeLine("* " + (i + 1) + " FETCH (UID " + u + " FLAGS (" + String.join(" ", flags(u, now))
              + "))");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  void beginPush() {
    pushing = true;
  }

  void endPush() {
    lock.lock();
    try {
      pushing = false;
    } finally {
      lock.unlock();
    }
  }

  /** Called on another thread during IDLE when the store changed: pushes the differences now. */
  void push() {
    lock.lock();
    try {
      if (pushing) {
        sync(true);
        channel.flush();
      }
    } catch (IOException e) {
      // the connection is gone; the session thread sees it too
    } finally {
      lock.unlock();
    }
  }

  /** CLOSE (expunges \Deleted silently when read-write) or UNSELECT. */
  void close(boolean expunge) {
    if (expunge && !readOnly) {
      server.store().expunge(user, mailbox, null, true);
    }
  }

  /** Resolves a sequence set or UID set (RFC 3501 §9 sequence-set) to UIDs present in this view, in order. */
  List<Long> resolve(String set, boolean uid) throws ImapArgs.BadException {
    if (!set.matches("[0-9*:,]+")) {
      throw new ImapArgs.BadException("invalid sequence set " + set);
    }
    LinkedHashSet<Long> result = new LinkedHashSet<>();
    long max = uid ? (uids.isEmpty() ? 0 : uids.get(uids.size() - 1)) : uids.size();
    for (String range : set.split(",", -1)) {
      String[] ends = range.split(":", -1);
      if (ends.length > 2 || ends[0].isEmpty() || (ends.length == 2 && ends[1].isEmpty())) {
        throw new ImapArgs.BadException("invalid sequence set " + set);
      }
      long a = bound(ends[0], max);
      long b = ends.length == 2 ? bound(ends[1], max) : a;
      long lo = Math.min(a, b);
      long hi = Math.max(a, b);
      if (uid) {
        for (long u : uids) {
          if (u >= lo && u <= hi) {
            result.add(u);
          }
        }
      } else {
        if (lo < 1 || hi > uids.size()) {
          throw new ImapArgs.BadException("no such message " + range);
        }
        for (long n = lo; n <= hi; n++) {
          result.add(uids.get((int) n - 1));
        }
      }
    }
    List<Long> ordered = new ArrayList<>(result);
    ordered.sort(Long::compare);
    return ordered;
  }

  private static long bound(String text, long max) throws ImapArgs.BadException {
    if (text.equals("*")) {
      return max;
    }
    if (!text.matches("[0-9]{1,10}")) {
      throw new ImapArgs.BadException("invalid number " + text);
    }
    return Long.parseLong(text);
  }

  private void tagged(String tag, String text) throws IOException {
    channel.writeLine(tag + " " + text);
  }
}
