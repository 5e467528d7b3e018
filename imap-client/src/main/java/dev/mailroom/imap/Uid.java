package dev.mailroom.imap;

/**
 * One message UID (RFC 3501 §2.3.1.1): 1 to 2^32-1, meaningful only together with the mailbox's UIDVALIDITY.
 *
 * <pre>{@code
 * Uid uid = Uid.of(4711);
 * UidSet set = uid.toSet();
 * }</pre>
 *
 * @param value the UID
 */
public record Uid(long value) implements Comparable<Uid> {
  public Uid {
    if (value < 1 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("UID out of range 1..2^32-1: " + value);
    }
  }

  public static Uid of(long value) {
    return new Uid(value);
  }

  /** A set holding just this UID. */
  public UidSet toSet() {
    return UidSet.of(value);
  }

  @Override
  public int compareTo(Uid o) {
    return Long.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
