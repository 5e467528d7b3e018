package dev.mailroom.pop3;

/**
 * The drop listing from STAT (RFC 1939 §5): messages not marked as deleted and their total size.
 *
 * @param messageCount how many messages
 * @param sizeOctets their total size in octets, as the server counts them (with CRLF line ends)
 */
public record MaildropStat(int messageCount, long sizeOctets) {
  public MaildropStat {
    if (messageCount < 0 || sizeOctets < 0) {
      throw new IllegalArgumentException("negative drop listing: " + messageCount + " " + sizeOctets);
    }
  }
}
