package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What SMTP delivers is what POP3 RETR and IMAP FETCH BODY[] return, byte for byte, over one store. */
class RoundTripTest {
  private static final String CONTENT = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: round trip\r\n"
      + "Message-ID: <rt@example.test>\r\n\r\nline\r\n.leading dot\r\n\r\nGrüße\r\n";

  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw").build();

  private byte[] deliver() throws Exception {
    try (Wire w = Wire.connect(server.smtpPort())) {
      w.line();
      w.smtp("EHLO c");
      w.smtp("MAIL FROM:<alice@example.test> BODY=8BITMIME");
      w.smtp("RCPT TO:<bob@example.test>");
      w.smtp("DATA");
      w.raw(CONTENT.replace("\r\n.", "\r\n..") + ".\r\n");
      w.expect("250 ");
    }
    byte[] stored = server.mailbox("bob").awaitMessageId("rt@example.test", Duration.ofSeconds(5)).bytes();
    assertTrue(new String(stored, StandardCharsets.UTF_8).endsWith(CONTENT));
    return stored;
  }

  @Test
  void smtpToImap() throws Exception {
    String stored = new String(deliver(), StandardCharsets.UTF_8);
    int size = stored.getBytes(StandardCharsets.UTF_8).length;
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.imap("a", "LOGIN bob bob-pw");
      w.imap("b", "SELECT INBOX");
      assertEquals("* 1 FETCH (UID 1 BODY[] {" + size + "}\r\n" + stored + ")",
          w.imap("c", "UID FETCH 1 BODY.PEEK[]").get(0));
    }
  }

  @Test
  void smtpToPop3() throws Exception {
    String stored = new String(deliver(), StandardCharsets.UTF_8);
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("USER bob");
      w.line();
      w.send("PASS bob-pw");
      w.line();
      w.send("RETR 1");
      w.expect("+OK " + stored.getBytes(StandardCharsets.UTF_8).length + " octets");
      assertEquals(stored, w.dotted());
    }
  }
}
