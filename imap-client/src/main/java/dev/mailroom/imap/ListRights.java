package dev.mailroom.imap;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code LISTRIGHTS mailbox identifier} (RFC 4314 §3.7): the rights always granted and the ones that
 * may be granted, each group granted together.
 *
 * <pre>{@code
 * ListRights lr = session.listRights(MailboxName.INBOX, "bob").await();
 * }</pre>
 *
 * @param identifier the identifier asked about
 * @param required the rights always granted
 * @param optional the groups of rights that may be granted
 */
public record ListRights(String identifier, String required, List<String> optional) {
  public ListRights {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(required, "required");
    optional = List.copyOf(optional);
  }
}
