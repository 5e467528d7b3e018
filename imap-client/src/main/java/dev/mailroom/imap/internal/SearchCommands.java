package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import dev.mailroom.imap.search.ESearchResult;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.imap.search.SearchReturn;
import dev.mailroom.imap.search.SortKey;
import dev.mailroom.imap.search.ThreadAlgorithm;
import dev.mailroom.imap.search.ThreadNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * SEARCH (RFC 3501 §6.4.4), extended SEARCH with RETURN options (RFC 4731, RFC 5182 SAVE), SORT and THREAD
 * (RFC 5256), each in a UID form. The UID forms may overlap anything; the sequence-number forms are fenced.
 */
final class SearchCommands {
  /** SECURITY.md I14: an ESEARCH ALL set is expanded (for a plain SEARCH) only up to this many numbers. */
  static final long MAX_EXPANDED = 4L * 1024 * 1024;

  private final RealImapSession s;

  SearchCommands(RealImapSession session) {
    this.s = session;
  }

  /** Plain SEARCH: numbers from {@code * SEARCH}, or from {@code * ESEARCH ALL} under IMAP4rev2. */
  ImapCommand<SearchResult> search(SearchCriteria criteria, boolean uid) {
    List<Long> numbers = new ArrayList<>();
    String[] all = new String[1];
    return command(uid ? "UID SEARCH" : "SEARCH", uid, new Claim() {
      @Override
      boolean search(Response.Search r) {
        numbers.addAll(r.numbers());
        return true;
      }

      @Override
      boolean esearch(Response.ESearch r) {
        all[0] = r.all();
        return true;
      }
    }, tagged -> {
      if (all[0] != null) {
        expand(all[0], numbers);
      }
      return new SearchResult(uid, numbers);
    }, (enc, t) -> criteria(enc, criteria));
  }

  /** {@code SEARCH RETURN (options) criteria}: one ESEARCH line, the set kept compressed. */
  ImapCommand<ESearchResult> esearch(SearchCriteria criteria, boolean uid, Set<SearchReturn> returns) {
    if (returns.isEmpty()) {
      throw new IllegalArgumentException("RETURN needs at least one option");
    }
    require(Capability.ESEARCH, "SEARCH RETURN");
    if (returns.contains(SearchReturn.SAVE)) {
      require(Capability.SEARCHRES, "RETURN (SAVE)");
    }
    Response.ESearch[] got = new Response.ESearch[1];
    return command(uid ? "UID SEARCH" : "SEARCH", uid, esearchInto(got), tagged -> result(uid, got[0], returns), (enc, t) -> {
      enc.sp().raw("RETURN (" + String.join(" ", returns.stream().sorted().map(Enum::name).toList()) + ")");
      criteria(enc, criteria);
    });
  }

  /** {@code UID SEARCH RETURN (PARTIAL first:last) criteria} (RFC 5267 §4.4). */
  ImapCommand<dev.mailroom.imap.search.SearchPage> page(SearchCriteria criteria, long first, long last) {
    require(Capability.CONTEXT_SEARCH, "RETURN (PARTIAL ...)");
    if (first < 1 || last < 1 || first > 0xFFFF_FFFFL || last > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("PARTIAL positions are 1 to 2^32-1");
    }
    long lo = Math.min(first, last);
    long hi = Math.max(first, last);
    Response.ESearch[] got = new Response.ESearch[1];
    return command("UID SEARCH", true, esearchInto(got), tagged -> {
      if (got[0] == null || got[0].partial() == null) {
        throw new MailProtocolException("SEARCH RETURN (PARTIAL) completed without PARTIAL data (RFC 5267 §4.4)");
      }
      String set = got[0].partial().set();
      try {
        return new dev.mailroom.imap.search.SearchPage(lo, hi,
            set == null ? Optional.empty() : Optional.of(UidSet.parse(set)));
      } catch (IllegalArgumentException e) {
        throw new MailProtocolException("bad PARTIAL set: " + set);
      }
    }, (enc, t) -> {
      enc.sp().raw("RETURN (PARTIAL " + lo + ":" + hi + ")");
      criteria(enc, criteria);
    });
  }

  /** {@code UID SEARCH RETURN (ALL UPDATE) criteria} (RFC 5267 §4.3): a live result. */
  ImapCommand<dev.mailroom.imap.search.SearchSubscription> updates(SearchCriteria criteria,
      dev.mailroom.imap.search.SearchUpdateListener listener) {
    require(Capability.CONTEXT_SEARCH, "RETURN (UPDATE)");
    java.util.Objects.requireNonNull(listener, "listener");
    Response.ESearch[] got = new Response.ESearch[1];
    String[] tag = new String[1];
    ImapCommand<dev.mailroom.imap.search.SearchSubscription> c = command("UID SEARCH", true, new Claim() {
      @Override
      boolean esearch(Response.ESearch r) {
        if (!r.updates().isEmpty()) {
          return false; // an update racing the completion: the router delivers it
        }
        got[0] = r;
        return true;
      }
    }, tagged -> {
      Optional<UidSet> initial;
      try {
        initial = got[0] == null || got[0].all() == null ? Optional.empty() : Optional.of(UidSet.parse(got[0].all()));
      } catch (IllegalArgumentException e) {
        throw new MailProtocolException("bad ESEARCH ALL set: " + got[0].all());
      }
      return subscription(tag[0], initial);
    }, (enc, t) -> {
      tag[0] = t;
      s.router.searchUpdates(t, listener); // before the command leaves: no update can arrive unregistered
      enc.sp().raw("RETURN (ALL UPDATE)");
      criteria(enc, criteria);
    });
    c.toFuture().whenComplete((v, e) -> {
      if (e != null) {
        s.router.endSearchUpdates(c.tag());
      }
    });
    return c;
  }

  private dev.mailroom.imap.search.SearchSubscription subscription(String tag, Optional<UidSet> initial) {
    return new dev.mailroom.imap.search.SearchSubscription() {
      @Override
      public Optional<UidSet> initial() {
        return initial;
      }

      @Override
      public String tag() {
        return tag;
      }

      @Override
      public ImapCommand<Void> cancel() {
        return s.submit("CANCELUPDATE", PendingCommand.MAY_EXPUNGE, t -> {
          s.router.endSearchUpdates(tag);
          return null;
        }, () -> s.state.encoder("CANCELUPDATE").sp().string(tag).build());
      }

      @Override
      public void close() throws MailException {
        cancel().await();
      }
    };
  }

  /** {@code SORT (keys) UTF-8 criteria} (RFC 5256 §3). */
  ImapCommand<SearchResult> sort(List<SortKey> keys, SearchCriteria criteria, boolean uid) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("SORT needs at least one key");
    }
    require(Capability.SORT, "SORT");
    if (keys.stream().anyMatch(k -> k.criterion().name().startsWith("DISPLAY"))) {
      require(Capability.SORT_DISPLAY, "SORT by DISPLAYFROM/DISPLAYTO");
    }
    List<Long> numbers = new ArrayList<>();
    return command(uid ? "UID SORT" : "SORT", uid, new Claim() {
      @Override
      boolean sort(Response.Sort r) {
        numbers.addAll(r.numbers());
        return true;
      }
    }, tagged -> new SearchResult(uid, numbers), (enc, t) -> {
      enc.sp().raw("(" + String.join(" ", keys.stream().map(SortKey::wire).toList()) + ") UTF-8");
      enc.sp();
      SearchEncoder.write(enc, criteria, true);
    });
  }

  /** {@code UID SORT RETURN (options) (keys) UTF-8 criteria} (RFC 5267 §3.1): one ESEARCH in sort order. */
  ImapCommand<ESearchResult> esort(List<SortKey> keys, SearchCriteria criteria, Set<SearchReturn> returns) {
    if (keys.isEmpty() || returns.isEmpty()) {
      throw new IllegalArgumentException("an extended SORT needs keys and return options");
    }
    require(Capability.ESORT, "SORT RETURN");
    if (returns.contains(SearchReturn.SAVE)) {
      require(Capability.SEARCHRES, "RETURN (SAVE)");
    }
    Response.ESearch[] got = new Response.ESearch[1];
    return command("UID SORT", true, esearchInto(got), tagged -> result(true, got[0], returns), (enc, t) -> {
      enc.sp().raw("RETURN (" + String.join(" ", returns.stream().sorted().map(Enum::name).toList()) + ")");
      enc.sp().raw("(" + String.join(" ", keys.stream().map(SortKey::wire).toList()) + ") UTF-8").sp();
      SearchEncoder.write(enc, criteria, true);
    });
  }

  /** {@code THREAD algorithm UTF-8 criteria} (RFC 5256 §3). */
  ImapCommand<List<ThreadNode>> thread(ThreadAlgorithm algorithm, SearchCriteria criteria, boolean uid) {
    require(algorithm.capability(), "THREAD=" + algorithm);
    List<ThreadNode> threads = new ArrayList<>();
    return command(uid ? "UID THREAD" : "THREAD", uid, new Claim() {
      @Override
      boolean thread(Response.Thread r) {
        threads.addAll(r.threads());
        return true;
      }
    }, tagged -> List.copyOf(threads), (enc, t) -> {
      enc.sp().raw(algorithm.name() + " UTF-8").sp();
      SearchEncoder.write(enc, criteria, true);
    });
  }

  private void criteria(ImapEncoder enc, SearchCriteria criteria) {
    if (!s.state.utf8() && SearchEncoder.needsUtf8(criteria)) {
      enc.sp().raw("CHARSET UTF-8");
    }
    enc.sp();
    SearchEncoder.write(enc, criteria, true);
  }

  private void require(Capability c, String what) {
    if (!s.state.has(c)) {
      throw new IllegalStateException(what + " needs the " + c + " capability");
    }
  }

  /** Takes the command's ESEARCH into {@code got[0]}. */
  private static Claim esearchInto(Response.ESearch[] got) {
    return new Claim() {
      @Override
      boolean esearch(Response.ESearch r) {
        got[0] = r;
        return true;
      }
    };
  }

  /** Which untagged responses a search-like command takes: the first of its kind, an ESEARCH only with its tag. */
  private abstract static class Claim {
    boolean search(Response.Search r) {
      return false;
    }

    boolean esearch(Response.ESearch r) {
      return false;
    }

    boolean sort(Response.Sort r) {
      return false;
    }

    boolean thread(Response.Thread r) {
      return false;
    }
  }

  /** What the tagged OK turns into. */
  @FunctionalInterface
  private interface Result<T> {
    T on(Response.Tagged tagged) throws MailException;
  }

  private <T> ImapCommand<T> command(String verb, boolean uid, Claim claim, Result<T> result,
      java.util.function.BiConsumer<ImapEncoder, String> args) {
    PendingCommand<?>[] self = new PendingCommand<?>[1];
    boolean[] got = new boolean[1];
    ResponseHandler<T> h = new ResponseHandler<>() {
      @Override
      public boolean untagged(Response r) {
        if (got[0]) {
          return false;
        }
        boolean mine = r instanceof Response.Search sr ? claim.search(sr)
            : r instanceof Response.ESearch e ? (e.tag() == null || e.tag().equals(self[0].tag())) && claim.esearch(e)
            : r instanceof Response.Sort so ? claim.sort(so)
            : r instanceof Response.Thread t && claim.thread(t);
        got[0] = mine;
        return mine;
      }

      @Override
      public T ok(Response.Tagged tagged) throws MailException {
        return result.on(tagged);
      }
    };
    Function<Void, dev.mailroom.imap.internal.wire.EncodedCommand> enc = ignored -> {
      ImapEncoder e = s.state.encoder(verb);
      args.accept(e, self[0].tag());
      return e.build();
    };
    int flags = uid ? PendingCommand.MAY_EXPUNGE : PendingCommand.USES_SEQ;
    PendingCommand<T> c = new PendingCommand<>(verb, flags, h, () -> enc.apply(null));
    self[0] = c;
    return s.submit(c);
  }

  private static ESearchResult result(boolean uid, Response.ESearch r, Set<SearchReturn> returns)
      throws MailProtocolException {
    if (r == null) {
      if (!returns.equals(Set.of(SearchReturn.SAVE))) { // RFC 5182 §2.4: SAVE alone gets no ESEARCH
        throw new MailProtocolException("SEARCH RETURN completed without its ESEARCH response (RFC 4731 §3.1)");
      }
      return new ESearchResult(uid, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
          Optional.empty(), Optional.empty(), OptionalLong.empty());
    }
    if (r.uid() != uid) {
      throw new MailProtocolException("ESEARCH " + (r.uid() ? "with" : "without") + " UID for a "
          + (uid ? "UID " : "") + "SEARCH");
    }
    Optional<UidSet> uids = Optional.empty();
    Optional<SeqSet> seqs = Optional.empty();
    try {
      if (r.all() != null && uid) {
        uids = Optional.of(UidSet.parse(r.all()));
      } else if (r.all() != null) {
        seqs = Optional.of(SeqSet.parse(r.all()));
      }
    } catch (IllegalArgumentException e) {
      throw new MailProtocolException("bad ESEARCH ALL set (SECURITY.md I15): " + e.getMessage());
    }
    return new ESearchResult(uid, opt(r.min()), opt(r.max()), opt(r.count()), uids, seqs, opt(r.modSeq()));
  }

  private static OptionalLong opt(long v) {
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** Expands an ESEARCH ALL set for a plain SEARCH, refusing more than {@link #MAX_EXPANDED} numbers (I14). */
  static void expand(String set, List<Long> out) throws MailProtocolException {
    for (String item : set.split(",")) {
      int colon = item.indexOf(':');
      long a;
      long b;
      try {
        a = Long.parseLong(colon < 0 ? item : item.substring(0, colon));
        b = colon < 0 ? a : Long.parseLong(item.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new MailProtocolException("bad ESEARCH ALL set: " + item);
      }
      long lo = Math.min(a, b);
      long hi = Math.max(a, b);
      if (hi - lo + 1 + out.size() > MAX_EXPANDED) {
        throw new MailProtocolException("ESEARCH result set too large to expand; use SearchReturn.ALL to keep it "
            + "as ranges (SECURITY.md I14)");
      }
      for (long n = lo; n <= hi; n++) {
        out.add(n);
      }
    }
  }
}
