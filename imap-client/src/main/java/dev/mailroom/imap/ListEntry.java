package dev.mailroom.imap;

import java.util.Locale;
import java.util.Set;

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
 */
public record ListEntry(Set<String> attributes, Character delimiter, MailboxName name) {
  public ListEntry {
    attributes = Set.copyOf(attributes);
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
