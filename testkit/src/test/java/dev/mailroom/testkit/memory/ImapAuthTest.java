package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IMAP greeting, CAPABILITY, LOGIN (with literals), AUTHENTICATE PLAIN (SASL-IR and continuation) and STARTTLS. */
class ImapAuthTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder()
      .user("bob", "bob-pw").user("carol", "pässwörd").tls(TestCertificates.localhost()).build();

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void greetingCapabilitiesAndLogin() throws Exception {
    try (Wire w = Wire.connect(server.imapPort())) {
      String greeting = w.line();
      assertTrue(greeting.startsWith("* OK [CAPABILITY IMAP4rev1 "), greeting);
      assertTrue(greeting.contains(" STARTTLS AUTH=PLAIN AUTH=SCRAM-SHA-256]"), greeting);
      List<String> caps = w.imap("a1", "CAPABILITY");
      for (String c : List.of("LITERAL+", "SASL-IR", "IDLE", "MOVE", "UIDPLUS", "SPECIAL-USE", "NAMESPACE", "ID")) {
        assertTrue(caps.get(0).contains(" " + c), caps.get(0));
      }
      assertEquals("a2 NO [AUTHENTICATIONFAILED] Authentication failed.", w.imap("a2", "LOGIN bob nope").get(0));
      assertEquals("a3 BAD SELECT needs authentication, or is unknown", w.imap("a3", "SELECT INBOX").get(0));
      String ok = w.imap("a4", "LOGIN \"bob@example.test\" bob-pw").get(0);
      assertTrue(ok.startsWith("a4 OK [CAPABILITY IMAP4rev1"), ok);
      assertFalse(ok.contains("AUTH=PLAIN"), ok);
      assertEquals("a5 BAD already authenticated", w.imap("a5", "LOGIN bob bob-pw").get(0));
      List<String> bye = w.imap("a6", "LOGOUT");
      assertEquals(List.of("* BYE Logging out", "a6 OK LOGOUT completed"), bye);
    }
  }

  @Test
  void loginWithA8BitPasswordInASynchronizingLiteral() throws Exception {
    byte[] password = "pässwörd".getBytes(StandardCharsets.UTF_8);
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.send("l1 LOGIN carol {" + password.length + "}");
      w.expect("+ ");
      w.raw(password).raw("\r\n");
      w.expect("l1 OK");
    }
  }

  @Test
  void authenticatePlainWithInitialResponseAndWithAContinuation() throws Exception {
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      assertTrue(w.imap("x1", "AUTHENTICATE PLAIN " + b64("\0bob\0bob-pw")).get(0).startsWith("x1 OK"));
    }
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.send("x1 AUTHENTICATE PLAIN");
      assertEquals("+ ", w.line());
      w.send("*");
      assertEquals("x1 BAD Authentication cancelled", w.line());
      w.send("x2 AUTHENTICATE PLAIN");
      w.line();
      w.send(b64("\0bob\0bob-pw"));
      w.expect("x2 OK [CAPABILITY");
    }
  }

  @Test
  @DisplayName("T12 IMAP STARTTLS discards pipelined cleartext commands and drops STARTTLS from the capabilities")
  void t12StartTls() throws Exception {
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.raw("s1 STARTTLS\r\ns2 LOGIN bob bob-pw\r\n");
      assertEquals("s1 OK Begin TLS negotiation now", w.line());
      w.startTls(TestCertificates.localhost().clientContext());
      String caps = w.imap("s3", "CAPABILITY").get(0);
      assertFalse(caps.contains("STARTTLS"), caps);
      assertEquals("s4 BAD SELECT needs authentication, or is unknown", w.imap("s4", "SELECT INBOX").get(0));
    }
  }

  @Test
  void badTagsAndCommandsAreRefused() throws Exception {
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.send("+ LOGIN bob bob-pw");
      assertEquals("* BAD invalid tag or command", w.line());
      w.send("t1 LOGIN \"unterminated");
      assertEquals("* BAD unterminated quoted string", w.line());
      assertEquals("t2 BAD missing argument", w.imap("t2", "LOGIN bob").get(0));
    }
  }
}
