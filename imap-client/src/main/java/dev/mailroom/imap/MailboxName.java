package dev.mailroom.imap;

import java.util.Objects;

/**
 * A mailbox name as Unicode text (RFC 3501 §5.1). On the wire it is sent in modified UTF-7 (§5.1.3), or as UTF-8
 * once {@code UTF8=ACCEPT} or IMAP4rev2 is enabled, quoted or as a literal as needed, so a name can never inject a
 * command (SECURITY.md I03, I06). {@code INBOX} is case-insensitive (§5.1).
 *
 * <pre>{@code
 * MailboxName meetings = MailboxName.of("Réunions");   // sent as R&AOk-unions
 * }</pre>
 *
 * @param name the name; NUL is refused (it cannot be sent)
 */
public record MailboxName(String name) {
  /** The INBOX. */
  public static final MailboxName INBOX = new MailboxName("INBOX");

  public MailboxName {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a mailbox name cannot be empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL in a mailbox name (SECURITY.md I03)");
    }
    if (name.equalsIgnoreCase("INBOX")) {
      name = "INBOX";
    }
  }

  public static MailboxName of(String name) {
    return new MailboxName(name);
  }

  public boolean isInbox() {
    return name.equals("INBOX");
  }

  @Override
  public String toString() {
    return name;
  }
}
