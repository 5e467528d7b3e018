package dev.mailroom.imap.search;

import dev.mailroom.imap.UidSet;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a UID SEARCH result (RFC 5267 §4.4 {@code PARTIAL}): the matches at positions {@code first} to
 * {@code last} of the whole result, in mailbox order, so a client can page through a huge result.
 *
 * <pre>{@code
 * SearchPage page = session.uidSearchPage(SearchCriteria.all(), 1, 100).await();
 * page.uids().ifPresent(uids -> fetchHeaders(uids));
 * }</pre>
 *
 * @param first the first position asked for (1-based)
 * @param last the last position asked for
 * @param uids the matching UIDs at those positions; empty when there are none
 */
public record SearchPage(long first, long last, Optional<UidSet> uids) {
  public SearchPage {
    Objects.requireNonNull(uids, "uids");
  }
}
