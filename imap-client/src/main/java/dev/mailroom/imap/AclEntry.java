package dev.mailroom.imap;

import java.util.Objects;

/**
 * One identifier's rights on a mailbox (RFC 4314 §3.6 {@code * ACL}): each character one right, such as {@code l}
 * (lookup), {@code r} (read), {@code s} (keep seen), {@code w} (write), {@code i} (insert), {@code p} (post),
 * {@code k} (create), {@code x} (delete mailbox), {@code t} (delete messages), {@code e} (expunge), {@code a} (admin).
 *
 * <pre>{@code
 * for (AclEntry e : session.acl(MailboxName.of("Shared")).await()) {
 *   System.out.println(e.identifier() + " " + e.rights());
 * }
 * }</pre>
 *
 * @param identifier the user or group ({@code anyone}, {@code -fred} for a negative right)
 * @param rights the rights characters
 */
public record AclEntry(String identifier, String rights) {
  public AclEntry {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(rights, "rights");
  }

  /** Whether {@code right} (one character) is granted. */
  public boolean has(char right) {
    return rights.indexOf(right) >= 0;
  }
}
