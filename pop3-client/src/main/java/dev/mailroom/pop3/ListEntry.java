package dev.mailroom.pop3;

/**
 * One scan listing from LIST (RFC 1939 §5).
 *
 * @param number the message number, 1 or more; valid for this session only
 * @param sizeOctets the exact size in octets, as the server counts them
 */
public record ListEntry(int number, long sizeOctets) {
  public ListEntry {
    if (number < 1 || sizeOctets < 0) {
      throw new IllegalArgumentException("invalid scan listing: " + number + " " + sizeOctets);
    }
  }
}
