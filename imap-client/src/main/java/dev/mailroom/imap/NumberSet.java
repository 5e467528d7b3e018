package dev.mailroom.imap;

import dev.mailroom.imap.internal.wire.SequenceSetSyntax;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Ranges of 32-bit numbers with {@code *} (as {@link #STAR}); shared by {@link SeqSet} and {@link UidSet}. */
final class NumberSet {
  /** {@code *}: the largest number in use. */
  static final long STAR = -1;

  private NumberSet() { }

  /** Parses a sequence-set into ranges without expanding it (SECURITY.md I14, I15). */
  static List<long[]> parse(String text) {
    if (!SequenceSetSyntax.isValid(text)) {
      throw new IllegalArgumentException("malformed sequence-set: " + text);
    }
    List<long[]> ranges = new ArrayList<>();
    for (String item : text.split(",")) {
      int colon = item.indexOf(':');
      long a = number(colon < 0 ? item : item.substring(0, colon));
      long b = colon < 0 ? a : number(item.substring(colon + 1));
      ranges.add(normalise(a, b));
    }
    return ranges;
  }

  /** The numbers sorted, de-duplicated and joined into runs ({@code 1,2,3,7} becomes {@code 1:3,7}). */
  static List<long[]> runs(Collection<Long> numbers) {
    long[] sorted = numbers.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    List<long[]> ranges = new ArrayList<>();
    for (long n : sorted) {
      check(n);
      if (n == STAR) {
        throw new IllegalArgumentException("* is not a number");
      }
      long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last[1] == n - 1) {
        last[1] = n;
      } else {
        ranges.add(new long[] {n, n});
      }
    }
    return ranges;
  }

  static long[] normalise(long a, long b) {
    check(a);
    check(b);
    if (a == STAR || (b != STAR && a > b)) {
      return new long[] {b, a};
    }
    return new long[] {a, b};
  }

  static void check(long n) {
    if (n != STAR && (n < 1 || n > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("not an IMAP nz-number: " + n);
    }
  }

  static String format(List<long[]> ranges) {
    StringBuilder s = new StringBuilder();
    for (long[] r : ranges) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(r[0] == STAR ? "*" : Long.toString(r[0]));
      if (r[0] != r[1]) {
        s.append(':').append(r[1] == STAR ? "*" : Long.toString(r[1]));
      }
    }
    return s.toString();
  }

  static boolean contains(List<long[]> ranges, long n, long star) {
    for (long[] r : ranges) {
      long a = r[0] == STAR ? star : r[0];
      long b = r[1] == STAR ? star : r[1];
      if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
        return true;
      }
    }
    return false;
  }

  /** The number of values, or -1 if a range uses {@code *}; never expands. */
  static long size(List<long[]> ranges) {
    long total = 0;
    for (long[] r : ranges) {
      if (r[0] == STAR || r[1] == STAR) {
        return -1;
      }
      total += r[1] - r[0] + 1;
    }
    return total;
  }

  private static long number(String s) {
    return s.equals("*") ? STAR : Long.parseLong(s);
  }
}
