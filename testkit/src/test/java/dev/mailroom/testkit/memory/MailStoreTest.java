package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The store without any protocol: users, mailboxes, UIDs, UIDVALIDITY, flags and waiting for messages. */
class MailStoreTest {
  private final MailStore store = new MailStore();

  private static byte[] message(String subject) {
    return ("Subject: " + subject + "\r\nMessage-ID: <" + subject + "@x>\r\n\r\nbody\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void usersStartWithInboxAndTheSpecialUseMailboxes() {
    store.addUser("bob", "pw");
    assertEquals(List.of("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive"), store.mailboxes("bob"));
    assertThrows(IllegalArgumentException.class, () -> store.addUser("BOB", "x"));
    assertTrue(store.hasUser("Bob"));
    assertEquals(List.of("bob"), store.users());
  }

  @Test
  void uidsAscendAndUidValidityChangesWhenAMailboxIsRecreated() {
    store.addUser("bob", "pw");
    store.createMailbox("bob", "Work");
    long validity = store.state("bob", "Work").orElseThrow().uidValidity();
    assertEquals(1, store.append("bob", "Work", message("a"), Set.of()));
    assertEquals(2, store.append("bob", "Work", message("b"), Set.of()));
    store.expunge("bob", "Work", List.of(2L), false);
    assertEquals(3, store.append("bob", "Work", message("c"), Set.of()));
    assertTrue(store.deleteMailbox("bob", "Work"));
    store.createMailbox("bob", "Work");
    assertNotEquals(validity, store.state("bob", "Work").orElseThrow().uidValidity());
    assertEquals(1, store.append("bob", "Work", message("d"), Set.of()));
  }

  @Test
  void snapshotsAreImmutableCopies() {
    store.addUser("bob", "pw");
    store.append("bob", "INBOX", message("a"), Set.of("\\Seen"));
    StoredMessage m = store.messages("bob", "inbox").get(0);
    m.bytes()[0] = 'X';
    assertEquals('S', store.messages("bob", "INBOX").get(0).bytes()[0]);
    store.storeFlags("bob", "INBOX", List.of(1L), '-', List.of("\\SEEN"));
    assertTrue(m.hasFlag("\\seen"));
    assertFalse(store.messages("bob", "INBOX").get(0).hasFlag("\\Seen"));
    assertEquals("<a@x>", m.messageId().orElseThrow());
    assertEquals("body\r\n", m.body());
    assertEquals("a", m.parsed().subject().orElseThrow());
  }

  @Test
  void awaitMessagesReturnsWhenEnoughArriveAndFailsWithWhatCameOtherwise() throws Exception {
    store.addUser("bob", "pw");
    Thread producer = new Thread(() -> {
      store.append("bob", "INBOX", message("a"), Set.of());
      store.append("bob", "INBOX", message("b"), Set.of());
    });
    producer.start();
    assertEquals(2, store.awaitMessages("bob", "INBOX", 2, Duration.ofSeconds(10)).size());
    producer.join();
    AssertionError e = assertThrows(AssertionError.class,
        () -> store.awaitMessages("bob", "INBOX", 3, Duration.ofMillis(1)));
    assertTrue(e.getMessage().contains("found 2"), e.getMessage());
  }

  @Test
  void renamingInboxMovesItsMessagesAndLeavesAnEmptyInbox() {
    store.addUser("bob", "pw");
    store.append("bob", "INBOX", message("a"), Set.of());
    assertTrue(store.renameMailbox("bob", "INBOX", "Old"));
    assertEquals(0, store.messages("bob", "INBOX").size());
    assertEquals(1, store.messages("bob", "Old").size());
    assertFalse(store.renameMailbox("bob", "Nope", "X"));
  }
}
