package dev.mailroom.testkit.memory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A live view of one user's mailbox for assertions: each call reads the store anew.
 *
 * <pre>{@code
 * List<StoredMessage> got = server.mailbox("bob").awaitMessages(2, Duration.ofSeconds(5));
 * assertTrue(got.get(0).hasFlag("\\Seen") == false);
 * }</pre>
 */
public final class MailboxView {
  private final MailStore store;
  private final String user;
  private final String name;

  MailboxView(MailStore store, String user, String name) {
    this.store = store;
    this.user = Objects.requireNonNull(user, "user");
    this.name = MailStore.canonical(Objects.requireNonNull(name, "name"));
    if (!store.hasUser(user)) {
      throw new IllegalArgumentException("no such user: " + user);
    }
  }

  /**
   * The user.
   *
   * @return the user name
   */
  public String user() {
    return user;
  }

  /**
   * The mailbox name.
   *
   * @return for instance {@code "INBOX"}
   */
  public String name() {
    return name;
  }

  /**
   * Whether the mailbox exists now.
   *
   * @return true if it exists
   */
  public boolean exists() {
    return store.state(user, name).isPresent();
  }

  /**
   * The messages now, in UID order.
   *
   * @return snapshots; empty if the mailbox does not exist
   */
  public List<StoredMessage> messages() {
    return store.messages(user, name);
  }

  /**
   * How many messages there are now.
   *
   * @return the count
   */
  public int size() {
    return messages().size();
  }

  /**
   * Waits for at least {@code count} messages.
   *
   * @param count how many
   * @param timeout how long to wait
   * @return the messages
   * @throws AssertionError if they did not arrive in time
   * @throws InterruptedException if interrupted
   */
  public List<StoredMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
    return store.awaitMessages(user, name, count, timeout);
  }

  /**
   * Waits for a message that matches, for instance {@code m -> m.subject().equals(Optional.of("Hi"))}.
   *
   * @param match the condition
   * @param timeout how long to wait
   * @return the first matching message
   * @throws AssertionError if none matched in time
   * @throws InterruptedException if interrupted
   */
  public StoredMessage awaitMessage(java.util.function.Predicate<StoredMessage> match, Duration timeout)
      throws InterruptedException {
    return store.awaitMessage(user, name, match, timeout);
  }

  /**
   * Waits for the message with this Message-ID (with or without angle brackets).
   *
   * @param messageId the id
   * @param timeout how long to wait
   * @return the message
   * @throws AssertionError if it did not arrive in time
   * @throws InterruptedException if interrupted
   */
  public StoredMessage awaitMessageId(String messageId, Duration timeout) throws InterruptedException {
    String bare = bare(messageId);
    return awaitMessage(m -> m.messageId().map(id -> bare(id).equals(bare)).orElse(false), timeout);
  }

  private static String bare(String messageId) {
    return messageId.replaceAll("^<|>$", "");
  }

  /**
   * The message whose Message-ID field is {@code messageId} (with or without angle brackets).
   *
   * @param messageId the id
   * @return the message
   * @throws AssertionError if there is none
   */
  public StoredMessage byMessageId(String messageId) {
    String bare = bare(messageId);
    return messages().stream()
        .filter(m -> m.messageId().map(id -> bare(id).equals(bare)).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message with Message-ID <" + bare + "> in " + user + "/" + name));
  }

  /**
   * The mailbox's UIDVALIDITY.
   *
   * @return the value
   * @throws IllegalStateException if the mailbox does not exist
   */
  public long uidValidity() {
    return store.state(user, name).orElseThrow(() -> new IllegalStateException("no mailbox " + name)).uidValidity();
  }

  /**
   * The mailbox's UIDNEXT.
   *
   * @return the value
   * @throws IllegalStateException if the mailbox does not exist
   */
  public long uidNext() {
    return store.state(user, name).orElseThrow(() -> new IllegalStateException("no mailbox " + name)).uidNext();
  }

  @Override
  public String toString() {
    return "MailboxView[" + user + "/" + name + "]";
  }
}
