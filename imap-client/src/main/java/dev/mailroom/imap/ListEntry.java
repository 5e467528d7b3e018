package dev.mailroom.imap;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code LIST} or {@code LSUB} response (RFC 3501 §7.2.2; attributes of RFC 3348 children and RFC 6154
 * special-use included).
 *
 * <pre>{@code
 * for (ListEntry e : session.list("", "*").await()) {
 *   if (e.hasAttribute("\\Sent")) { ... }
 * }
 * }</pre>
 *
 * @param attributes the name attributes as sent, such as {@code \HasNoChildren} or {@code \Sent}
 * @param delimiter the hierarchy delimiter, or null for a flat name
 * @param name the decoded mailbox name
 * @param status the mailbox's STATUS, when asked for with LIST-STATUS (RFC 5819)
 * @param oldName the name before a rename, from LIST-EXTENDED {@code OLDNAME} (RFC 5258 §6)
 * @param childInfo LIST-EXTENDED {@code CHILDINFO} values, such as {@code SUBSCRIBED} (RFC 5258 §3.5)
 */
public record ListEntry(Set<String> attributes, Character delimiter, MailboxName name,
    Optional<MailboxStatus> status, Optional<MailboxName> oldName, Set<String> childInfo) {
  /** The RFC 6154 special-use attributes. */
  private static final Set<String> SPECIAL_USE = Set.of("\\all", "\\archive", "\\drafts", "\\flagged",
      "\\junk", "\\sent", "\\trash", "\\important");

  public ListEntry {
    attributes = Set.copyOf(attributes);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(oldName, "oldName");
    childInfo = Set.copyOf(childInfo);
  }

  /** A plain LIST entry. */
  public ListEntry(Set<String> attributes, Character delimiter, MailboxName name) {
    this(attributes, delimiter, name, Optional.empty(), Optional.empty(), Set.of());
  }

  /** This entry with its LIST-STATUS data. */
  public ListEntry withStatus(MailboxStatus value) {
    return new ListEntry(attributes, delimiter, name, Optional.of(value), oldName, childInfo);
  }

  /** The special-use attributes (RFC 6154 §2, RFC 8457 {@code \Important}), such as {@code \Sent}. */
  public Set<String> specialUse() {
    return attributes.stream().filter(a -> SPECIAL_USE.contains(a.toLowerCase(Locale.ROOT)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the entry carries {@code attribute} (case-insensitive). */
  public boolean hasAttribute(String attribute) {
    String a = attribute.toLowerCase(Locale.ROOT);
    return attributes.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(a));
  }

  /** Whether the mailbox cannot be selected ({@code \Noselect} or {@code \NonExistent}). */
  public boolean selectable() {
    return !hasAttribute("\\Noselect") && !hasAttribute("\\NonExistent");
  }
}
