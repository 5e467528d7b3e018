package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fault hooks: refused recipients, temporary DATA failures, dropped connections and delays at chosen steps. */
class FaultsTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw")
      .user("carol", "carol-pw").build();

  private Wire smtp() throws Exception {
    Wire w = Wire.connect(server.smtpPort());
    w.line();
    w.smtp("EHLO c");
    return w;
  }

  private static String send(Wire w, String rcpt) throws IOException {
    w.smtp("MAIL FROM:<a@example.test>");
    String r = w.smtp("RCPT TO:<" + rcpt + ">");
    if (!r.startsWith("250")) {
      w.smtp("RSET");
      return r;
    }
    w.smtp("DATA");
    w.raw("Subject: f\r\n\r\nx\r\n.\r\n");
    return w.reply().get(0);
  }

  @Test
  void rejectRecipientRefusesMatchingAddressesUntilCleared() throws Exception {
    server.faults().rejectRecipient("carol@.*", 450, "4.2.1 mailbox busy");
    try (Wire w = smtp()) {
      assertEquals("450 4.2.1 mailbox busy", send(w, "carol@example.test"));
      assertTrue(send(w, "bob@example.test").startsWith("250 "));
      server.faults().clear();
      assertTrue(send(w, "carol@example.test").startsWith("250 "));
    }
    assertThrows(IllegalArgumentException.class, () -> server.faults().rejectRecipient(".*", 250, "ok"));
  }

  @Test
  void tempFailDataAnswers451OnceAndDeliversNothing() throws Exception {
    server.faults().tempFailData(1, "4.3.0 try later");
    try (Wire w = smtp()) {
      assertEquals("451 4.3.0 try later", send(w, "bob@example.test"));
      assertEquals(0, server.mailbox("bob").size());
      assertTrue(send(w, "bob@example.test").startsWith("250 "));
    }
    assertEquals(1, server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5)).size());
  }

  @Test
  void dropAtDataEndClosesAfterTheContentWithoutAReplyOrADelivery() throws Exception {
    server.faults().dropAt(Step.SMTP_DATA_END);
    try (Wire w = smtp()) {
      w.smtp("MAIL FROM:<a@example.test>");
      w.smtp("RCPT TO:<bob@example.test>");
      w.smtp("DATA");
      w.raw("Subject: f\r\n\r\nx\r\n.\r\n");
      assertEquals("", w.rest());
    }
    assertEquals(0, server.mailbox("bob").size());
    try (Wire w = smtp()) { // once only
      assertTrue(send(w, "bob@example.test").startsWith("250 "));
    }
  }

  @Test
  void dropAtGreetingAndAtImapFetchAndPop3Retr() throws Exception {
    server.store().append("bob", "INBOX", "S: 1\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    server.faults().dropAt(Step.SMTP_GREETING).dropAt(Step.IMAP_FETCH).dropAt(Step.POP3_RETR);
    try (Wire w = Wire.connect(server.smtpPort())) {
      assertEquals("", w.rest());
    }
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.imap("a", "LOGIN bob bob-pw");
      w.imap("b", "SELECT INBOX");
      w.send("c FETCH 1 BODY[]");
      assertEquals("", w.rest());
    }
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("USER bob");
      w.line();
      w.send("PASS bob-pw");
      w.line();
      w.send("RETR 1");
      assertEquals("", w.rest());
    }
  }

  @Test
  void aDelayedStepStillAnswers() throws Exception {
    server.faults().delay(Step.SMTP_RCPT, Duration.ofMillis(50));
    try (Wire w = smtp()) {
      assertTrue(send(w, "bob@example.test").startsWith("250 "));
    }
  }

  @Test
  void replyAtAnswersTheNextOccurrenceInsteadOfTheCommand() throws Exception {
    server.faults().replyAt(Step.SMTP_MAIL, "451 4.3.2 try again later")
        .replyAt(Step.SMTP_GREETING, "421 4.3.2 not today");
    try (Wire w = Wire.connect(server.smtpPort())) {
      assertEquals("421 4.3.2 not today", w.line());
      assertEquals("", w.rest());
    }
    try (Wire w = smtp()) {
      assertEquals("451 4.3.2 try again later", w.smtp("MAIL FROM:<a@example.test>"));
      assertTrue(send(w, "bob@example.test").startsWith("250 "));
    }
  }

  @Test
  void replyAtInImapAndPop3() throws Exception {
    server.store().append("bob", "INBOX", "S: 1\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    server.faults().replyAt(Step.IMAP_FETCH, "NO [UNAVAILABLE] try later")
        .replyAt(Step.IMAP_SEARCH, "* OK [ALERT] maintenance at noon")
        .replyAt(Step.POP3_RETR, "-ERR [SYS/TEMP] busy");
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.imap("a", "LOGIN bob bob-pw");
      w.imap("b", "SELECT INBOX");
      assertEquals(java.util.List.of("c NO [UNAVAILABLE] try later"), w.imap("c", "FETCH 1 FLAGS"));
      assertEquals("* 1 FETCH (FLAGS (\\Recent))", w.imap("d", "FETCH 1 FLAGS").get(0));
      assertEquals(java.util.List.of("* OK [ALERT] maintenance at noon", "* SEARCH 1", "e OK SEARCH completed"),
          w.imap("e", "SEARCH ALL"));
    }
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("USER bob");
      w.line();
      w.send("PASS bob-pw");
      w.line();
      w.send("RETR 1");
      assertEquals("-ERR [SYS/TEMP] busy", w.line());
      w.send("RETR 1");
      w.expect("+OK");
    }
  }
}
