package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SMTP STARTTLS, implicit TLS and AUTH PLAIN/LOGIN, and the submission port's AUTH requirement. */
class SmtpAuthTlsTest {
  private static final SSLContext CLIENT = TestCertificates.localhost().clientContext();

  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder()
      .user("alice", "alice-pw").user("bob", "bob-pw").tls(TestCertificates.localhost()).build();

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void startTlsThenAuthPlainThenSubmitToAnOutsideAddress() throws Exception {
    try (Wire w = Wire.connect(server.submissionPort())) {
      w.line();
      w.send("EHLO c");
      assertTrue(w.reply().contains("250-STARTTLS"));
      assertEquals("530 5.7.0 Authentication required", w.smtp("MAIL FROM:<alice@example.test>"));
      assertEquals("220 2.0.0 Ready to start TLS", w.smtp("STARTTLS"));
      w.startTls(CLIENT);
      w.send("EHLO c");
      List<String> caps = w.reply();
      assertFalse(caps.contains("250-STARTTLS"), caps.toString());
      assertTrue(caps.contains("250 AUTH SCRAM-SHA-256 PLAIN LOGIN"), caps.toString());
      assertEquals("235 2.7.0 Authentication successful", w.smtp("AUTH PLAIN " + b64("\0alice\0alice-pw")));
      assertEquals("503 5.5.1 Error: already authenticated", w.smtp("AUTH PLAIN " + b64("\0alice\0alice-pw")));
      w.smtp("MAIL FROM:<alice@example.test>");
      assertEquals("250 2.1.5 Ok", w.smtp("RCPT TO:<carol@outside.example>"));
      assertEquals("250 2.1.5 Ok", w.smtp("RCPT TO:<bob@example.test>"));
      w.smtp("DATA");
      w.raw("Subject: out\r\n\r\nx\r\n.\r\n");
      w.expect("250 ");
    }
    StoredMessage local = server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5)).get(0);
    ReceivedEnvelope e = local.envelope().orElseThrow();
    assertEquals(Optional.of("alice"), e.authenticatedUser());
    assertTrue(e.tls());
    assertTrue(local.header("Received").orElseThrow().contains("with ESMTPSA"));
    assertEquals(1, server.outbound().size());
    assertEquals(List.of("carol@outside.example"),
        server.outbound().get(0).envelope().orElseThrow().recipientAddresses());
  }

  @Test
  @DisplayName("T12 bytes pipelined after STARTTLS in the clear are discarded, never run as commands")
  void t12CommandsInjectedAfterStartTlsAreDiscarded() throws Exception {
    try (Wire w = Wire.connect(server.smtpPort())) {
      w.line();
      w.smtp("EHLO c");
      w.raw("STARTTLS\r\nMAIL FROM:<evil@example.test>\r\n");
      w.expect("220 2.0.0 Ready");
      w.startTls(CLIENT);
      assertEquals("503 5.5.1 Error: need MAIL command", w.smtp("RCPT TO:<bob@example.test>"));
      assertEquals("503 5.5.1 Error: send HELO/EHLO first", w.smtp("MAIL FROM:<a@example.test>"));
    }
  }

  @Test
  void authLoginWithChallengesAndTheUsersAddressAsLogin() throws Exception {
    try (Wire w = Wire.connectTls(server.submissionsPort(), CLIENT)) {
      w.line();
      w.smtp("EHLO c");
      assertEquals("334 " + b64("Username:"), w.smtp("AUTH LOGIN"));
      assertEquals("334 " + b64("Password:"), w.smtp(b64("bob@example.test")));
      assertEquals("235 2.7.0 Authentication successful", w.smtp(b64("bob-pw")));
    }
  }

  @Test
  void failedAndCancelledAuthentication() throws Exception {
    try (Wire w = Wire.connect(server.submissionPort())) {
      w.line();
      assertEquals("503 5.5.1 Error: send EHLO first", w.smtp("AUTH PLAIN"));
      w.smtp("EHLO c");
      assertEquals("535 5.7.8 Error: authentication failed", w.smtp("AUTH PLAIN " + b64("\0alice\0wrong")));
      assertEquals("535 5.7.8 Error: authentication failed", w.smtp("AUTH PLAIN " + b64("bob\0alice\0alice-pw")));
      assertEquals("334 ", w.smtp("AUTH PLAIN"));
      assertEquals("501 5.7.0 Authentication cancelled", w.smtp("*"));
      assertEquals("504 5.5.4 Unrecognized authentication type", w.smtp("AUTH CRAM-MD5"));
      assertEquals("535 5.7.8 Error: authentication failed", w.smtp("AUTH PLAIN !!notbase64"));
    }
  }

  @Test
  void withoutTlsThereIsNoStartTlsAndNoImplicitTlsPort() throws Exception {
    try (InMemoryMailServer plain = InMemoryMailServer.builder().build().start();
        Wire w = Wire.connect(plain.smtpPort())) {
      w.line();
      w.send("EHLO c");
      assertFalse(w.reply().contains("250-STARTTLS"));
      assertEquals("502 5.5.1 Error: command not implemented", w.smtp("STARTTLS"));
      assertThrowsIllegalState(plain::submissionsPort);
      assertThrowsIllegalState(plain::imapsPort);
      assertThrowsIllegalState(plain::pop3sPort);
    }
  }

  private static void assertThrowsIllegalState(org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, e);
  }
}
