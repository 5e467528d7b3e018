package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POP3 over raw sockets: authentication, STAT/LIST/UIDL, RETR/TOP with stuffing, DELE/RSET and UPDATE at QUIT. */
class Pop3SessionTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder()
      .user("bob", "bob-pw").tls(TestCertificates.localhost()).build();
  private long uid1;
  private long uid2;

  private static final byte[] ONE = ascii("Subject: one\r\n\r\n.dot\r\nline2\r\nline3\r\n");
  private static final byte[] TWO = ascii("Subject: two\r\n\r\nno final crlf");

  @BeforeEach
  void seed() {
    uid1 = server.store().append("bob", "INBOX", ONE, Set.of());
    uid2 = server.store().append("bob", "INBOX", TWO, Set.of());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private Wire login() throws Exception {
    Wire w = Wire.connect(server.pop3Port());
    w.expect("+OK ");
    w.send("USER bob");
    w.expect("+OK");
    w.send("PASS bob-pw");
    assertEquals("+OK Logged in, 2 messages", w.line());
    return w;
  }

  @Test
  void capaBeforeAndAfterLogin() throws Exception {
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("CAPA");
      w.expect("+OK");
      List<String> caps = List.of(w.dotted().split("\r\n"));
      assertTrue(caps.containsAll(List.of("TOP", "UIDL", "USER", "RESP-CODES", "PIPELINING", "SASL PLAIN SCRAM-SHA-256", "STLS")),
          caps.toString());
    }
  }

  @Test
  void statListUidlAndRetrieve() throws Exception {
    long validity = server.mailbox("bob").uidValidity();
    try (Wire w = login()) {
      w.send("STAT");
      assertEquals("+OK 2 " + (ONE.length + TWO.length), w.line());
      w.send("LIST");
      w.expect("+OK");
      assertEquals("1 " + ONE.length + "\r\n2 " + TWO.length + "\r\n", w.dotted());
      w.send("UIDL 2");
      assertEquals("+OK 2 " + validity + "." + uid2, w.line());
      w.send("UIDL");
      w.expect("+OK");
      assertEquals("1 " + validity + "." + uid1 + "\r\n2 " + validity + "." + uid2 + "\r\n", w.dotted());
      w.send("LIST 3");
      w.expect("-ERR");
    }
  }

  @Test
  @DisplayName("P03 RETR dot-stuffs lines starting with a dot and ends with CRLF.CRLF; it marks the message seen")
  void p03RetrieveIsStuffedAndTerminated() throws Exception {
    try (Wire w = login()) {
      w.send("RETR 1");
      assertEquals("+OK " + ONE.length + " octets", w.line());
      assertEquals("Subject: one", w.line());
      assertEquals("", w.line());
      assertEquals("..dot", w.line());
      assertEquals("line2", w.line());
      assertEquals("line3", w.line());
      assertEquals(".", w.line());
      w.send("RETR 2");
      w.expect("+OK");
      assertEquals("Subject: two\r\n\r\nno final crlf\r\n", w.dotted());
      w.send("TOP 1 1");
      w.expect("+OK");
      assertEquals("Subject: one\r\n\r\n.dot\r\n", w.dotted());
    }
    assertTrue(server.mailbox("bob").messages().get(0).hasFlag("\\Seen"));
  }

  @Test
  void deletionsHappenOnlyAtQuit() throws Exception {
    try (Wire w = login()) {
      w.send("DELE 1");
      w.expect("+OK");
      w.send("RETR 1");
      w.expect("-ERR");
      w.send("STAT");
      assertEquals("+OK 1 " + TWO.length, w.line());
    } // dropped without QUIT: nothing is deleted
    assertEquals(2, server.mailbox("bob").size());
    try (Wire w = login()) {
      w.send("DELE 1");
      w.line();
      w.send("RSET");
      w.expect("+OK");
      w.send("DELE 2");
      w.line();
      w.send("QUIT");
      assertEquals("+OK Logging out, 1 messages deleted", w.line());
    }
    assertEquals(List.of(uid1), server.mailbox("bob").messages().stream().map(StoredMessage::uid).toList());
  }

  @Test
  void theMaildropIsLockedWhileASessionHoldsIt() throws Exception {
    try (Wire first = login(); Wire second = Wire.connect(server.pop3Port())) {
      second.line();
      second.send("USER bob");
      second.line();
      second.send("PASS bob-pw");
      assertEquals("-ERR [IN-USE] Mailbox is locked by another POP3 session", second.line());
      first.send("QUIT");
      first.expect("+OK");
    }
  }

  @Test
  void apopAuthPlainAndFailures() throws Exception {
    try (Wire w = Wire.connect(server.pop3Port())) {
      String greeting = w.line();
      String banner = greeting.substring(greeting.indexOf('<'));
      w.send("PASS x");
      assertEquals("-ERR USER first", w.line());
      w.send("USER bob");
      w.line();
      w.send("PASS wrong");
      assertEquals("-ERR [AUTH] Authentication failed", w.line());
      w.send("STAT");
      w.expect("-ERR");
      byte[] md5 = MessageDigest.getInstance("MD5").digest((banner + "bob-pw").getBytes(StandardCharsets.UTF_8));
      w.send("APOP bob " + HexFormat.of().formatHex(md5));
      w.expect("+OK Logged in");
      w.send("QUIT");
      w.line();
    }
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("AUTH PLAIN");
      assertEquals("+ ", w.line());
      w.send(Base64.getEncoder().encodeToString("\0bob\0bob-pw".getBytes(StandardCharsets.UTF_8)));
      w.expect("+OK Logged in");
    }
  }

  @Test
  void stlsUpgradesAndIsNotOfferedAgain() throws Exception {
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("STLS");
      w.expect("+OK");
      w.startTls(TestCertificates.localhost().clientContext());
      w.send("CAPA");
      w.line();
      assertFalse(w.dotted().contains("STLS"));
      w.send("STLS");
      w.expect("-ERR");
    }
    try (Wire w = Wire.connectTls(server.pop3sPort(), TestCertificates.localhost().clientContext())) {
      w.expect("+OK");
    }
  }
}
