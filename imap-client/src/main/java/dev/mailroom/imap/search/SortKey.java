package dev.mailroom.imap.search;

import java.util.Objects;

/**
 * One SORT criterion (RFC 5256 §3; {@code DISPLAYFROM}/{@code DISPLAYTO} from RFC 5957 SORT=DISPLAY), optionally
 * reversed.
 *
 * <pre>{@code
 * List<SortKey> newestFirst = List.of(SortKey.reverse(SortKey.Criterion.DATE), SortKey.of(SortKey.Criterion.SUBJECT));
 * }</pre>
 *
 * @param criterion what to sort by
 * @param reverse descending instead of ascending
 */
public record SortKey(Criterion criterion, boolean reverse) {
  /** The RFC 5256 sort criteria. */
  public enum Criterion {
    ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO,
    /** RFC 5957: the display name of the first From address (needs SORT=DISPLAY). */
    DISPLAYFROM,
    /** RFC 5957: the display name of the first To address (needs SORT=DISPLAY). */
    DISPLAYTO
  }

  public SortKey {
    Objects.requireNonNull(criterion, "criterion");
  }

  public static SortKey of(Criterion criterion) {
    return new SortKey(criterion, false);
  }

  public static SortKey reverse(Criterion criterion) {
    return new SortKey(criterion, true);
  }

  /** The wire form, such as {@code REVERSE DATE}. */
  public String wire() {
    return (reverse ? "REVERSE " : "") + criterion.name();
  }
}
