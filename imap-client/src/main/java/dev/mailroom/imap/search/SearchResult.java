package dev.mailroom.imap.search;

import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.UidSet;
import java.util.List;
import java.util.Optional;

/**
 * The matches of a SEARCH (sequence numbers) or UID SEARCH (UIDs), from a {@code SEARCH} response or, under
 * IMAP4rev2/ESEARCH, an {@code ESEARCH ALL} set (whose ranges are bounded by the line limit, SECURITY.md I14, I22).
 *
 * <pre>{@code
 * SearchResult r = session.uidSearch(SearchCriteria.unseen()).await();
 * r.numbers().forEach(uid -> System.out.println(uid));
 * r.uidSet().ifPresent(set -> session.store(set, StoreAction.ADD, Set.of(Flag.SEEN), true));
 * }</pre>
 *
 * @param uids whether the numbers are UIDs
 * @param numbers the matching numbers in the order the server sent them
 */
public record SearchResult(boolean uids, List<Long> numbers) {
  public SearchResult {
    numbers = List.copyOf(numbers);
  }

  /**
   * The matches of a UID SEARCH as a {@link UidSet} in runs, ready for the next UID command; empty when nothing
   * matched (an IMAP set cannot be empty).
   *
   * @throws IllegalStateException if this is the result of a sequence-number SEARCH
   */
  public Optional<UidSet> uidSet() {
    if (!uids) {
      throw new IllegalStateException("a SEARCH result holds sequence numbers: use seqSet()");
    }
    return numbers.isEmpty() ? Optional.empty() : Optional.of(UidSet.of(numbers));
  }

  /**
   * The matches of a SEARCH as a {@link SeqSet} in runs; empty when nothing matched. Sequence numbers are valid only
   * until the next EXPUNGE: the session fences commands around one (RFC 9051 §5.5).
   *
   * @throws IllegalStateException if this is the result of a UID SEARCH
   */
  public Optional<SeqSet> seqSet() {
    if (uids) {
      throw new IllegalStateException("a UID SEARCH result holds UIDs: use uidSet()");
    }
    return numbers.isEmpty() ? Optional.empty() : Optional.of(SeqSet.of(numbers));
  }
}
