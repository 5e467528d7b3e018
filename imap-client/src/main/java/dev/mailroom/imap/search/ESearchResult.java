package dev.mailroom.imap.search;

import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.UidSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to an extended SEARCH or SORT (RFC 4731 §3.2, RFC 5267 §3.2): only what was asked for, with the match
 * set kept as ranges however large (SECURITY.md I14).
 *
 * <pre>{@code
 * ESearchResult r = session.uidSearch(SearchCriteria.all(), EnumSet.of(SearchReturn.ALL, SearchReturn.COUNT)).await();
 * System.out.println(r.count().orElse(0) + " messages: " + r.allUids().map(UidSet::toString).orElse("none"));
 * }</pre>
 *
 * @param uid whether the numbers are UIDs
 * @param min the lowest match, if asked and any matched
 * @param max the highest match, if asked and any matched
 * @param count the number of matches, if asked
 * @param allUids every matching UID, if asked for a UID search and any matched
 * @param allSeqs every matching sequence number, if asked for a sequence-number search and any matched
 * @param modSeq the highest mod-sequence of the matches, when the search used {@code MODSEQ} (RFC 7162 §3.1.5)
 */
public record ESearchResult(boolean uid, OptionalLong min, OptionalLong max, OptionalLong count,
    Optional<UidSet> allUids, Optional<SeqSet> allSeqs, OptionalLong modSeq) {
  public ESearchResult {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(allUids, "allUids");
    Objects.requireNonNull(allSeqs, "allSeqs");
    Objects.requireNonNull(modSeq, "modSeq");
  }
}
