package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP COPY and MOVE with COPYUID, and IDLE pushing deliveries and expunges from other sessions. */
class ImapCopyMoveIdleTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw").build();
  private Wire w;

  @BeforeEach
  void seed() throws Exception {
    for (int i = 1; i <= 3; i++) {
      server.store().append("bob", "INBOX", ("Subject: " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII),
          Set.of());
    }
    w = Wire.connect(server.imapPort());
    w.line();
    w.imap("l", "LOGIN bob bob-pw");
    w.imap("s", "SELECT INBOX");
  }

  @AfterEach
  void close() throws Exception {
    w.close();
  }

  @Test
  void copyReportsCopyUid() throws Exception {
    long trash = server.mailbox("bob", "Trash").uidValidity();
    assertEquals(List.of("a OK [COPYUID " + trash + " 1,3 1,2] COPY completed"), w.imap("a", "COPY 1,3 Trash"));
    assertEquals(List.of("b OK [COPYUID " + trash + " 2 3] UID COPY completed"), w.imap("b", "UID COPY 2 Trash"));
    assertEquals(List.of("c NO [TRYCREATE] Mailbox doesn't exist: Nope"), w.imap("c", "COPY 1 Nope"));
    assertEquals(3, server.mailbox("bob", "Trash").size());
    assertEquals(3, server.mailbox("bob").size());
  }

  @Test
  void moveExpungesTheSource() throws Exception {
    long archive = server.mailbox("bob", "Archive").uidValidity();
    assertEquals(List.of("* OK [COPYUID " + archive + " 2,3 1,2] Moved", "* 3 EXPUNGE", "* 2 EXPUNGE",
        "a OK UID MOVE completed"), w.imap("a", "UID MOVE 2:3 Archive"));
    assertEquals(List.of("Subject: 2", "Subject: 3"), server.mailbox("bob", "Archive").messages().stream()
        .map(m -> "Subject: " + m.subject().orElseThrow()).toList());
    assertEquals(1, server.mailbox("bob").size());
  }

  @Test
  void idlePushesNewMessagesFlagChangesAndExpunges() throws Exception {
    w.send("i IDLE");
    assertEquals("+ idling", w.line());
    server.store().append("bob", "INBOX", "Subject: 4\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    assertEquals("* 4 EXISTS", w.line());
    assertEquals("* 4 RECENT", w.line());
    server.store().storeFlags("bob", "INBOX", List.of(1L), '+', List.of("\\Seen"));
    assertEquals("* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent))", w.line());
    server.store().expunge("bob", "INBOX", List.of(2L), false);
    assertEquals("* 2 EXPUNGE", w.line());
    w.send("DONE");
    assertEquals("i OK IDLE terminated", w.line());
    assertEquals("* SEARCH 1 3 4", w.imap("u", "UID SEARCH ALL").get(0));
  }

  @Test
  void idleSeesSmtpDeliveries() throws Exception {
    w.send("i IDLE");
    w.line();
    try (Wire smtp = Wire.connect(server.smtpPort())) {
      smtp.line();
      smtp.smtp("HELO c");
      smtp.smtp("MAIL FROM:<a@example.test>");
      smtp.smtp("RCPT TO:<bob@example.test>");
      smtp.smtp("DATA");
      smtp.raw("Subject: pushed\r\n\r\nx\r\n.\r\n");
      assertTrue(smtp.line().startsWith("250 "));
    }
    assertEquals("* 4 EXISTS", w.line());
    assertEquals("* 4 RECENT", w.line());
    w.send("DONE");
    w.expect("i OK");
  }
}
