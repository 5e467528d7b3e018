package dev.mailroom.imap.fetch;

/**
 * An address of an {@link Envelope} (RFC 3501 §7.4.2): name, source route, mailbox and host; group syntax uses a
 * null host.
 *
 * @param name the display name, or null
 * @param route the at-domain-list, or null
 * @param mailbox the local part (or the group name), or null
 * @param host the domain, or null
 */
public record Address(String name, String route, String mailbox, String host) {
  /** {@code mailbox@host}, or the mailbox alone for a group marker. */
  public String email() {
    return host == null ? mailbox : mailbox + "@" + host;
  }
}
