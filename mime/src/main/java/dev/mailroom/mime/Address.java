package dev.mailroom.mime;

import java.util.List;

/**
 * One element of an address list (RFC 5322 §3.4): a {@link MailboxAddress} or a {@link GroupAddress}.
 */
public sealed interface Address permits MailboxAddress, GroupAddress {
  /** The display name, or "" when there is none. Decoded text (it may hold anything, even a line break). */
  String displayName();

  /** The mailboxes: this one, or a group's members. */
  List<MailboxAddress> mailboxes();

  /** The element as header text, display names quoted or RFC 2047-encoded as needed; never holds a line break. */
  String toHeaderValue();
}
