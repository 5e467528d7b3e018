package dev.mailroom.imap.search;

import java.util.List;

/**
 * The matches of a SEARCH (sequence numbers) or UID SEARCH (UIDs), from a {@code SEARCH} response or, under
 * IMAP4rev2/ESEARCH, an {@code ESEARCH ALL} set (whose ranges are bounded by the line limit, SECURITY.md I14, I22).
 *
 * <pre>{@code
 * SearchResult r = session.uidSearch(SearchCriteria.unseen()).await();
 * r.numbers().forEach(uid -> System.out.println(uid));
 * }</pre>
 *
 * @param uids whether the numbers are UIDs
 * @param numbers the matching numbers in the order the server sent them
 */
public record SearchResult(boolean uids, List<Long> numbers) {
  public SearchResult {
    numbers = List.copyOf(numbers);
  }
}
