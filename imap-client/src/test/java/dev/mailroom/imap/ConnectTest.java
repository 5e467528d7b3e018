package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Greeting, STARTTLS, LOGIN and AUTHENTICATE, with the A.1 and A.4 rows that apply to them. */
class ConnectTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  private boolean anyCredentialSent() {
    return imap.imapCommands().stream().anyMatch(c -> c.command().startsWith("LOGIN")
        || c.command().startsWith("AUTHENTICATE"));
  }

  @Test
  void loginWithLiteralForNonAsciiPassword() throws Exception {
    Imap.login(imap, Imap.CAPS);
    try (ImapSession s = Imap.plain(imap).credentials(Credentials.password("carol", "pässwörd")).build().connect()) {
      assertEquals("LOGIN carol {10+}", imap.takeImapCommand().command());
      assertTrue(s.has(Capability.IDLE));
    }
  }

  @Test
  void saslPlainWithInitialResponse() throws Exception {
    imap.useTls(Imap.CERTS);
    imap.enqueueGreeting("IMAP4rev1 SASL-IR AUTH=PLAIN");
    imap.enqueue(MockImapResponse.ok("[CAPABILITY IMAP4rev1 IDLE] Logged in"),
        MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 IDLE"));
    try (ImapSession s = Imap.client(imap, Security.IMPLICIT_TLS).credentials(Credentials.password("alice", "pw"))
        .build().connect()) {
      String expected = Base64.getEncoder().encodeToString("\0alice\0pw".getBytes(StandardCharsets.UTF_8));
      assertEquals("AUTHENTICATE PLAIN " + expected, imap.takeImapCommand().command());
      assertTrue(s.has(Capability.IDLE));
    }
  }

  @Test
  @DisplayName("T19: a failed AUTHENTICATE is an authentication error and no weaker mechanism is tried")
  void t19SaslFailure() {
    imap.useTls(Imap.CERTS);
    imap.enqueueGreeting("IMAP4rev1 AUTH=PLAIN");
    imap.enqueue(MockImapResponse.of("+ "), MockImapResponse.no("[AUTHENTICATIONFAILED] bad"));
    assertThrows(MailAuthenticationException.class, () -> Imap.client(imap, Security.IMPLICIT_TLS)
        .credentials(Credentials.password("alice", "pw")).build().connect());
    assertEquals(1, imap.imapCommands().stream().filter(c -> c.command().startsWith("AUTHENTICATE")).count());
  }

  @Test
  @DisplayName("LOGINDISABLED is honoured: no LOGIN is sent")
  void loginDisabled() {
    imap.enqueueGreeting("IMAP4rev1 LOGINDISABLED");
    assertThrows(MailAuthenticationException.class, () -> Imap.plain(imap).build().connect());
    assertFalse(anyCredentialSent());
  }

  @Test
  @DisplayName("I26: BYE, NO, BAD, tagged and garbage greetings are typed errors")
  void i26Greetings() throws Exception {
    for (String greeting : new String[] {"* BYE go away", "* NO busy", "* BAD what", "A1 OK hello", "garbage!",
        "+ hello"}) {
      try (MockImapServer server = new MockImapServer()) {
        server.enqueueRaw(MockReply.of(greeting));
        server.start();
        MailException e = assertThrows(MailException.class, () -> Imap.plain(server).build().connect(), greeting);
        assertTrue(e instanceof MailProtocolException, greeting + ": " + e);
      }
    }
  }

  @Test
  @DisplayName("I01: PREAUTH on cleartext while STARTTLS is required fails closed; nothing is sent")
  void i01Preauth() {
    imap.enqueueRaw(MockReply.of("* PREAUTH [CAPABILITY IMAP4rev1] welcome"));
    assertThrows(MailSecurityException.class, () -> Imap.client(imap, Security.STARTTLS)
        .credentials(Credentials.password("alice", "pw")).build().connect());
    assertEquals(0, imap.imapCommands().size());
  }

  @Test
  void preauthOnPlainIsAuthenticated() throws Exception {
    imap.enqueueRaw(MockReply.of("* PREAUTH [CAPABILITY IMAP4rev1 IDLE] welcome"));
    try (ImapSession s = Imap.client(imap, Security.PLAIN).build().connect()) {
      assertTrue(s.has(Capability.IDLE));
    }
  }

  @Test
  @DisplayName("T01: STARTTLS missing from CAPABILITY → security error; no LOGIN/AUTHENTICATE is sent")
  void t01StartTlsMissing() {
    imap.enqueueGreeting("IMAP4rev1 AUTH=PLAIN");
    imap.enqueue(MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 AUTH=PLAIN"));
    assertThrows(MailSecurityException.class, () -> Imap.client(imap, Security.STARTTLS)
        .credentials(Credentials.password("alice", "pw")).build().connect());
    assertFalse(anyCredentialSent());
  }

  @Test
  @DisplayName("T02: STARTTLS answered NO or BAD → security error; nothing else is sent")
  void t02StartTlsRefused() throws Exception {
    for (MockImapResponse refusal : new MockImapResponse[] {MockImapResponse.no("no"), MockImapResponse.bad("x")}) {
      try (MockImapServer server = new MockImapServer()) {
        server.enqueueGreeting("IMAP4rev1 STARTTLS");
        server.enqueue(MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 STARTTLS"), refusal);
        server.start();
        assertThrows(MailSecurityException.class, () -> Imap.client(server, Security.STARTTLS)
            .credentials(Credentials.password("alice", "pw")).build().connect());
        assertEquals(2, server.imapCommands().size());
      }
    }
  }

  @Test
  @DisplayName("T03: CAPABILITY fails while TLS is required → security error")
  void t03CapabilityFails() {
    imap.enqueueRaw(MockReply.of("* OK ready"));
    imap.enqueue(MockImapResponse.bad("no"));
    assertThrows(MailSecurityException.class, () -> Imap.client(imap, Security.STARTTLS)
        .credentials(Credentials.password("alice", "pw")).build().connect());
    assertFalse(anyCredentialSent());
  }

  @Test
  @DisplayName("T04: STARTTLS answered with '+ continue' → protocol error, TLS never started")
  void t04OddGoAhead() {
    imap.offerStartTls(Imap.CERTS);
    imap.enqueueGreeting("IMAP4rev1 STARTTLS");
    imap.enqueue(MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 STARTTLS"), MockImapResponse.of("+ continue"));
    assertThrows(MailException.class, () -> Imap.client(imap, Security.STARTTLS)
        .credentials(Credentials.password("alice", "pw")).build().connect());
    assertEquals(0, imap.handshakeCount());
  }

  @Test
  @DisplayName("T05: a response injected after the STARTTLS go-ahead → protocol error before the TLS handshake")
  void t05Injection() {
    imap.offerStartTls(Imap.CERTS);
    imap.enqueueGreeting("IMAP4rev1 STARTTLS");
    imap.enqueue(MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 STARTTLS"),
        MockImapResponse.of("$tag OK begin TLS", "A3 OK injected").thenStartTls());
    assertThrows(MailProtocolException.class, () -> Imap.client(imap, Security.STARTTLS)
        .credentials(Credentials.password("alice", "pw")).build().connect());
    assertFalse(anyCredentialSent());
  }

  @Test
  @DisplayName("T07/T08/T09: data and capabilities sent before TLS are dropped; capabilities are read again after TLS")
  void t07StartTlsRefreshesCapabilities() throws Exception {
    imap.offerStartTls(Imap.CERTS);
    imap.enqueueGreeting("IMAP4rev1 STARTTLS AUTH=PLAIN");
    imap.enqueue(MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN"),
        MockImapResponse.ok("begin TLS", "* CAPABILITY IMAP4rev1 IDLE XEVIL", "* 3 EXISTS",
            "* OK [ALERT] call +1-555").thenStartTls(),
        MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 LITERAL+"),
        MockImapResponse.ok("LOGIN completed"), MockImapResponse.ok("done", "* CAPABILITY IMAP4rev1 LITERAL+"));
    try (ImapSession s = Imap.client(imap, Security.STARTTLS).credentials(Credentials.password("alice", "pw"))
        .build().connect()) {
      assertFalse(s.has(Capability.of("XEVIL")));
      assertFalse(s.has(Capability.IDLE));
      assertTrue(s.has(Capability.LITERAL_PLUS));
      assertEquals(1, imap.handshakeCount());
      imap.imapCommands().stream().filter(c -> c.command().startsWith("LOGIN"))
          .forEach(c -> assertTrue(c.tls()));
    }
  }
}
