package dev.mailroom.imap.internal;

import dev.mailroom.imap.Capability;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ListEntry;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus;
import dev.mailroom.imap.Namespaces;
import dev.mailroom.imap.ResponseCode;
import dev.mailroom.imap.ResponseStatus;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.FetchedMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoded server response (RFC 3501 §7, RFC 9051 §7). Sealed so the router's switch is exhaustive; extensions
 * (VANISHED, QUOTA, METADATA, ...) add records here.
 */
public sealed interface Response {
  /** {@code + text}. */
  record Continuation(String text) implements Response { }

  /** {@code tag OK/NO/BAD [code] text}. */
  record Tagged(String tag, ResponseStatus status, ResponseCode code, String text) implements Response { }

  /** {@code * OK/NO/BAD/BYE/PREAUTH [code] text}. */
  record Status(ResponseStatus status, ResponseCode code, String text) implements Response { }

  /** {@code * CAPABILITY ...}. */
  record Capabilities(Set<Capability> capabilities) implements Response { }

  /** {@code * n EXISTS}. */
  record Exists(long count) implements Response { }

  /** {@code * n RECENT}. */
  record Recent(long count) implements Response { }

  /** {@code * n EXPUNGE}. */
  record Expunge(long seq) implements Response { }

  /**
   * {@code * VANISHED [(EARLIER)] uids} (RFC 7162 §3.2.10), kept as ranges (SECURITY.md I14). Without EARLIER it
   * removes messages like EXPUNGE; {@code seqs} are the sequence numbers the router removed (known UIDs only).
   */
  record Vanished(boolean earlier, UidSet uids, List<Long> seqs) implements Response {
    public Vanished {
      seqs = List.copyOf(seqs);
    }
  }

  /** {@code * FLAGS (...)}. */
  record Flags(Set<Flag> flags) implements Response { }

  /** {@code * LIST} or {@code * LSUB}. */
  record ListData(ListEntry entry, boolean lsub) implements Response { }

  /** {@code * STATUS}. */
  record StatusData(MailboxStatus status) implements Response { }

  /** {@code * SEARCH n...}. */
  record Search(List<Long> numbers) implements Response { }

  /**
   * {@code * ESEARCH (TAG "x") [UID] MIN n MAX n COUNT n ALL set MODSEQ n} (RFC 4731 §3.2, RFC 9051 §7.3.4); absent
   * numbers are -1, an absent set null. The set stays text until a caller asks for it expanded (SECURITY.md I14).
   */
  record ESearch(String tag, boolean uid, long min, long max, long count, String all, long modSeq,
      Partial partial, List<Update> updates) implements Response {
    public ESearch {
      updates = List.copyOf(updates);
    }

    ESearch(String tag, boolean uid, long min, long max, long count, String all, long modSeq) {
      this(tag, uid, min, max, count, all, modSeq, null, List.of());
    }
  }

  /** {@code PARTIAL (first:last set-or-NIL)} (RFC 5267 §4.4); {@code set} null for NIL. */
  record Partial(long first, long last, String set) { }

  /** {@code ADDTO}/{@code REMOVEFROM (position set)} (RFC 5267 §4.3). */
  record Update(boolean add, long position, String set) { }

  /** {@code * QUOTA root (resource usage limit ...)} (RFC 9208 §5.1). */
  record QuotaData(dev.mailroom.imap.Quota quota) implements Response { }

  /** {@code * QUOTAROOT mailbox root...} (RFC 9208 §5.2). */
  record QuotaRootData(MailboxName mailbox, List<String> roots) implements Response { }

  /** {@code * ACL mailbox (identifier rights)...} (RFC 4314 §3.6). */
  record Acl(MailboxName mailbox, List<dev.mailroom.imap.AclEntry> entries) implements Response { }

  /** {@code * LISTRIGHTS mailbox identifier required optional...} (RFC 4314 §3.7). */
  record ListRightsData(MailboxName mailbox, dev.mailroom.imap.ListRights rights) implements Response { }

  /** {@code * MYRIGHTS mailbox rights} (RFC 4314 §3.8). */
  record MyRights(MailboxName mailbox, String rights) implements Response { }

  /**
   * {@code * METADATA mailbox (entry value ...)} or, unsolicited, {@code * METADATA mailbox entry...} (RFC 5464
   * §4.4); {@code mailbox} null for the server's own metadata ({@code ""}), absent values (NIL) are null.
   */
  record Metadata(MailboxName mailbox, Map<String, byte[]> values, boolean changeNotice) implements Response { }

  /** {@code * SORT n...} (RFC 5256 §4). */
  record Sort(List<Long> numbers) implements Response { }

  /** {@code * THREAD (...)(...)} (RFC 5256 §4). */
  record Thread(List<dev.mailroom.imap.search.ThreadNode> threads) implements Response { }

  /** {@code * NAMESPACE}. */
  record NamespaceData(Namespaces namespaces) implements Response { }

  /** {@code * ID (...)}. */
  record Id(Map<String, String> fields) implements Response { }

  /** {@code * ENABLED ...}. */
  record Enabled(Set<String> capabilities) implements Response { }

  /** {@code * n FETCH (...)}, after its bodies went to the target. */
  record Fetch(FetchedMessage message) implements Response { }

  /** An untagged response this core does not model; skipped. */
  record Other(String name) implements Response { }
}
