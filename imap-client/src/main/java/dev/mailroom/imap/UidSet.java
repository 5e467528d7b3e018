package dev.mailroom.imap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A set of UIDs (RFC 3501 §2.3.1.1): stable identifiers within one UIDVALIDITY. A distinct type from {@link SeqSet} so the two cannot be confused (STYLE.md §6). Kept as
 * ranges and never expanded, so {@code 1:4294967295} costs two numbers (SECURITY.md I14). Immutable.
 *
 * <pre>{@code
 * UidSet set = UidSet.range(1, 10).union(UidSet.of(42));   // "1:10,42"
 * UidSet all = UidSet.all();                            // "1:*"
 * }</pre>
 */
public final class UidSet {
  private static final UidSet SAVED_SEARCH = new UidSet();

  private final List<long[]> ranges;
  private final boolean savedSearch;

  private UidSet(List<long[]> ranges) {
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("an IMAP set cannot be empty");
    }
    this.ranges = ranges;
    this.savedSearch = false;
  }

  private UidSet() {
    this.ranges = List.of();
    this.savedSearch = true;
  }

  /**
   * {@code $}: the result the last {@code UID SEARCH RETURN (SAVE)} left on the server (RFC 5182 SEARCHRES), used
   * without a round trip to the client. Its members are unknown here: {@link #contains} and {@link #union} refuse it.
   */
  public static UidSet savedSearch() {
    return SAVED_SEARCH;
  }

  /** Whether this is {@link #savedSearch()}. */
  public boolean isSavedSearch() {
    return savedSearch;
  }

  private void requireRanges() {
    if (savedSearch) {
      throw new IllegalStateException("$ (a saved search result) has no members known to the client");
    }
  }

  /** The given numbers (each 1 to 2^32-1). */
  public static UidSet of(long... numbers) {
    List<long[]> r = new ArrayList<>();
    for (long n : numbers) {
      r.add(NumberSet.normalise(n, n));
    }
    return new UidSet(r);
  }

  /**
   * The given UIDs in runs, such as the numbers of a {@code SearchResult}: {@code [1, 2, 3, 7]} becomes
   * {@code 1:3,7}, so a long result stays a short command.
   *
   * @throws IllegalArgumentException if {@code numbers} is empty or holds a number outside 1 to 2^32-1
   */
  public static UidSet of(Collection<Long> numbers) {
    return new UidSet(NumberSet.runs(numbers));
  }

  /** {@code first:last}. */
  public static UidSet range(long first, long last) {
    return new UidSet(List.of(NumberSet.normalise(first, last)));
  }

  /** {@code first:*}. */
  public static UidSet from(long first) {
    return new UidSet(List.<long[]>of(NumberSet.normalise(first, NumberSet.STAR)));
  }

  /** {@code 1:*}. */
  public static UidSet all() {
    return from(1);
  }

  /** Parses a sequence-set such as {@code 1:5,9,12:*}, strictly (SECURITY.md I15). */
  public static UidSet parse(String text) {
    return new UidSet(NumberSet.parse(Objects.requireNonNull(text, "text")));
  }

  /** This set and {@code other}. */
  public UidSet union(UidSet other) {
    requireRanges();
    other.requireRanges();
    List<long[]> r = new ArrayList<>(ranges);
    r.addAll(other.ranges);
    return new UidSet(r);
  }

  /** Whether {@code n} is in the set, taking {@code *} as {@code largest}. */
  public boolean contains(long n, long largest) {
    requireRanges();
    return NumberSet.contains(ranges, n, largest);
  }

  /** How many numbers the set holds, or -1 if it uses {@code *} or is {@code $}; computed from the ranges. */
  public long size() {
    if (savedSearch) {
      return -1;
    }
    return NumberSet.size(ranges);
  }

  /** The ranges as {@code [first, last]} pairs, {@code -1} standing for {@code *}. */
  public List<long[]> ranges() {
    List<long[]> copy = new ArrayList<>();
    ranges.forEach(r -> copy.add(r.clone()));
    return copy;
  }

  /** The wire form, such as {@code 1:5,9}. */
  @Override
  public String toString() {
    return savedSearch ? "$" : NumberSet.format(ranges);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UidSet s && s.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
