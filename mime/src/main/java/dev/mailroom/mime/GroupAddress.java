package dev.mailroom.mime;

import dev.mailroom.mime.internal.Ascii;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named group of mailboxes (RFC 5322 §3.4), {@code undisclosed-recipients:;} included.
 *
 * @param displayName the group's name (decoded)
 * @param members its mailboxes, possibly none
 */
public record GroupAddress(String displayName, List<MailboxAddress> members) implements Address {
  public GroupAddress {
    Objects.requireNonNull(displayName, "displayName");
    members = List.copyOf(members);
  }

  @Override
  public List<MailboxAddress> mailboxes() {
    return members;
  }

  /** {@code name: a@example.org, b@example.org;}, the name quoted or encoded as needed. */
  @Override
  public String toHeaderValue() {
    String name = MailboxAddress.phrase(displayName, false);
    return (name.isEmpty() ? "\"\"" : name) + ":"
        + members.stream().map(m -> " " + m.toHeaderValue()).collect(Collectors.joining(",")) + ";";
  }

  @Override
  public String toString() {
    return Ascii.escapeControls(displayName, 80) + ": " + members + ";";
  }
}
