package dev.mailroom.imap.search;

/**
 * What an extended SEARCH returns (RFC 4731 §3.1 {@code RETURN (...)}; RFC 5182 {@code SAVE}). The server answers
 * with one {@code ESEARCH} line whatever the number of matches, and {@link #ALL} stays a compressed set.
 *
 * <pre>{@code
 * ESearchResult r = session.uidSearch(SearchCriteria.unseen(), EnumSet.of(SearchReturn.COUNT, SearchReturn.MIN))
 *     .await();
 * }</pre>
 */
public enum SearchReturn {
  /** The lowest matching number. */
  MIN,
  /** The highest matching number. */
  MAX,
  /** How many matched. */
  COUNT,
  /** Every match, as a sequence-set of ranges (never expanded, SECURITY.md I14). */
  ALL,
  /** A hint that the same search will be repeated (RFC 5267 §4.2; needs CONTEXT=SEARCH). */
  CONTEXT,
  /**
   * Keep the result on the server as {@code $} (RFC 5182 SEARCHRES), for later commands in the same selection:
   * {@code UidSet.savedSearch()} and {@code SearchCriteria.savedSearch()}.
   */
  SAVE
}
