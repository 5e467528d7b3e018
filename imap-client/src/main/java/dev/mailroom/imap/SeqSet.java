package dev.mailroom.imap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A set of message sequence numbers (RFC 3501 §2.3.1.2): positions that change when messages are expunged. A distinct type from {@link UidSet} so the two cannot be confused (STYLE.md §6). Kept as
 * ranges and never expanded, so {@code 1:4294967295} costs two numbers (SECURITY.md I14). Immutable.
 *
 * <pre>{@code
 * SeqSet set = SeqSet.range(1, 10).union(SeqSet.of(42));   // "1:10,42"
 * SeqSet all = SeqSet.all();                            // "1:*"
 * }</pre>
 */
public final class SeqSet {
  private final List<long[]> ranges;

  private SeqSet(List<long[]> ranges) {
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("an IMAP set cannot be empty");
    }
    this.ranges = ranges;
  }

  /** The given numbers (each 1 to 2^32-1). */
  public static SeqSet of(long... numbers) {
    List<long[]> r = new ArrayList<>();
    for (long n : numbers) {
      r.add(NumberSet.normalise(n, n));
    }
    return new SeqSet(r);
  }

  /**
   * The given sequence numbers in runs, such as the numbers of a {@code SearchResult}: {@code [1, 2, 3, 7]} becomes
   * {@code 1:3,7}, so a long result stays a short command.
   *
   * @throws IllegalArgumentException if {@code numbers} is empty or holds a number outside 1 to 2^32-1
   */
  public static SeqSet of(Collection<Long> numbers) {
    return new SeqSet(NumberSet.runs(numbers));
  }

  /** {@code first:last}. */
  public static SeqSet range(long first, long last) {
    return new SeqSet(List.of(NumberSet.normalise(first, last)));
  }

  /** {@code first:*}. */
  public static SeqSet from(long first) {
    return new SeqSet(List.<long[]>of(NumberSet.normalise(first, NumberSet.STAR)));
  }

  /** {@code 1:*}. */
  public static SeqSet all() {
    return from(1);
  }

  /** Parses a sequence-set such as {@code 1:5,9,12:*}, strictly (SECURITY.md I15). */
  public static SeqSet parse(String text) {
    return new SeqSet(NumberSet.parse(Objects.requireNonNull(text, "text")));
  }

  /** This set and {@code other}. */
  public SeqSet union(SeqSet other) {
    List<long[]> r = new ArrayList<>(ranges);
    r.addAll(other.ranges);
    return new SeqSet(r);
  }

  /** Whether {@code n} is in the set, taking {@code *} as {@code largest}. */
  public boolean contains(long n, long largest) {
    return NumberSet.contains(ranges, n, largest);
  }

  /** How many numbers the set holds, or -1 if it uses {@code *}; computed from the ranges. */
  public long size() {
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
    return NumberSet.format(ranges);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeqSet s && s.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
