package dev.mailroom.testkit.memory;

/**
 * The special-use mailboxes every user of an {@link InMemoryMailServer} starts with (RFC 6154), advertised by IMAP
 * LIST as attributes.
 *
 * <pre>{@code
 * server.mailbox("bob", SpecialUse.SENT.defaultName()).messages();
 * }</pre>
 */
public enum SpecialUse {
  /** {@code \Sent}, named {@code Sent}. */
  SENT("Sent", "\\Sent"),
  /** {@code \Drafts}, named {@code Drafts}. */
  DRAFTS("Drafts", "\\Drafts"),
  /** {@code \Trash}, named {@code Trash}. */
  TRASH("Trash", "\\Trash"),
  /** {@code \Junk}, named {@code Junk}. */
  JUNK("Junk", "\\Junk"),
  /** {@code \Archive}, named {@code Archive}. */
  ARCHIVE("Archive", "\\Archive");

  private final String defaultName;
  private final String attribute;

  SpecialUse(String defaultName, String attribute) {
    this.defaultName = defaultName;
    this.attribute = attribute;
  }

  /**
   * The mailbox name a new user gets.
   *
   * @return for instance {@code "Sent"}
   */
  public String defaultName() {
    return defaultName;
  }

  /**
   * The LIST attribute.
   *
   * @return for instance {@code "\\Sent"}
   */
  public String attribute() {
    return attribute;
  }
}
