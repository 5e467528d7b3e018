package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SMTP MAIL, RCPT, DATA and BDAT transactions over raw sockets: delivery, envelope recording and refusals. */
class SmtpTransactionTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder()
      .user("alice", "alice-pw").user("bob", "bob-pw").alias("postmaster@example.test", "bob")
      .maxMessageSize(2000).build();

  private Wire hello() throws Exception {
    Wire w = Wire.connect(server.smtpPort());
    w.expect("220 mail.example.test ESMTP");
    w.send("EHLO client.test");
    List<String> caps = w.reply();
    assertEquals("250-mail.example.test", caps.get(0));
    assertTrue(caps.containsAll(List.of("250-PIPELINING", "250-SIZE 2000", "250-8BITMIME", "250-SMTPUTF8",
        "250-CHUNKING", "250-DSN", "250-ENHANCEDSTATUSCODES")), caps.toString());
    return w;
  }

  @Test
  void dataIsDeliveredToEachLocalRecipientWithTraceFieldsAndTheEnvelope() throws Exception {
    try (Wire w = hello()) {
      assertEquals("250 2.1.0 Ok", w.smtp("MAIL FROM:<alice@example.test> BODY=8BITMIME SIZE=40"));
      assertEquals("250 2.1.5 Ok", w.smtp("RCPT TO:<bob+news@example.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;b"));
      assertEquals("250 2.1.5 Ok", w.smtp("RCPT TO:<alice@EXAMPLE.test>"));
      assertEquals("354 End data with <CR><LF>.<CR><LF>", w.smtp("DATA"));
      w.raw("Subject: hi\r\n\r\nHello\r\n.\r\n");
      assertTrue(w.reply().get(0).startsWith("250 2.0.0 Ok: queued as MR"));
      assertEquals("221 2.0.0 Bye", w.smtp("QUIT"));
    }
    StoredMessage bob = server.mailbox("bob").awaitMessages(1, WAIT).get(0);
    assertTrue(bob.endsWith("Subject: hi\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("<alice@example.test>", bob.header("Return-Path").orElseThrow());
    assertTrue(bob.header("Received").orElseThrow().startsWith("from client.test"));
    assertTrue(bob.header("Received").orElseThrow().contains(" with ESMTP id MR"), bob.header("Received").get());
    assertTrue(bob.header("Received").orElseThrow().contains("for <bob+news@example.test>;"));
    ReceivedEnvelope e = bob.envelope().orElseThrow();
    assertEquals("alice@example.test", e.mailFrom());
    assertEquals(Map.of("BODY", "8BITMIME", "SIZE", "40"), e.mailParameters());
    assertEquals(List.of("bob+news@example.test", "alice@EXAMPLE.test"), e.recipientAddresses());
    assertEquals("FAILURE,DELAY", e.recipients().get(0).parameters().get("NOTIFY"));
    assertEquals("rfc822;b", e.recipients().get(0).parameters().get("ORCPT"));
    assertFalse(e.chunked());
    assertEquals(1, server.mailbox("alice").size());
  }

  @Test
  @DisplayName("S05 DATA is un-stuffed: a leading dot is removed from every line that has one")
  void s05DataIsUnstuffed() throws Exception {
    try (Wire w = hello()) {
      w.smtp("MAIL FROM:<>");
      w.smtp("RCPT TO:<bob@example.test>");
      w.smtp("DATA");
      w.raw("A: b\r\n\r\n..\r\n...x\r\n.y\r\n.\r\n");
      assertTrue(w.reply().get(0).startsWith("250 "));
    }
    StoredMessage m = server.mailbox("bob").awaitMessages(1, WAIT).get(0);
    assertTrue(m.endsWith("A: b\r\n\r\n.\r\n..x\r\ny\r\n".getBytes(StandardCharsets.US_ASCII)), m.body());
    assertEquals("", m.envelope().orElseThrow().mailFrom());
  }

  @Test
  @DisplayName("S06 a bare LF or CR in DATA is refused and a bare-LF dot does not end the data")
  void s06BareLineEndingsAreRefused() throws Exception {
    try (Wire w = hello()) {
      w.smtp("MAIL FROM:<alice@example.test>");
      w.smtp("RCPT TO:<bob@example.test>");
      w.smtp("DATA");
      w.raw("A: b\r\n\r\nsmuggle\n.\nMAIL FROM:<x@y>\r\nbare\rcr\r\n.\r\n");
      assertEquals("550 5.6.11 Error: bare CR or LF in message content", w.reply().get(0));
      assertEquals("250 2.0.0 Ok", w.smtp("NOOP"));
    }
    assertEquals(0, server.mailbox("bob").size());
  }

  @Test
  void pipelinedCommandsGetTheirRepliesInOrder() throws Exception {
    try (Wire w = hello()) {
      w.raw("MAIL FROM:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\nRCPT TO:<nobody@example.test>\r\n"
          + "RCPT TO:<x@elsewhere.example>\r\nDATA\r\n");
      assertEquals("250 2.1.0 Ok", w.line());
      assertEquals("250 2.1.5 Ok", w.line());
      assertEquals("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown", w.line());
      assertEquals("554 5.7.1 <x@elsewhere.example>: Relay access denied", w.line());
      assertEquals("354 End data with <CR><LF>.<CR><LF>", w.line());
      w.raw("\r\nbody\r\n.\r\nQUIT\r\n");
      w.expect("250 2.0.0 Ok: queued as");
      w.expect("221 ");
    }
    assertEquals(List.of("bob@example.test"),
        server.mailbox("bob").awaitMessages(1, WAIT).get(0).envelope().orElseThrow().recipientAddresses());
  }

  @Test
  void bdatChunksAreConcatenatedVerbatim() throws Exception {
    byte[] chunk2 = "x\n.\r\n".getBytes(StandardCharsets.US_ASCII); // BDAT is binary-safe: no stuffing, no checks
    try (Wire w = hello()) {
      w.smtp("MAIL FROM:<alice@example.test>");
      w.smtp("RCPT TO:<postmaster@example.test>");
      w.send("BDAT 12").raw("Subject: c\r\n");
      assertEquals("250 2.0.0 12 octets received", w.reply().get(0));
      w.send("BDAT " + chunk2.length + " LAST").raw(chunk2);
      w.expect("250 2.0.0 Ok: queued as");
      assertEquals("503 5.5.1 Error: need MAIL command", w.smtp("DATA"));
    }
    StoredMessage m = server.mailbox("bob").awaitMessages(1, WAIT).get(0);
    assertTrue(m.endsWith("Subject: c\r\nx\n.\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(m.envelope().orElseThrow().chunked());
  }

  @Test
  @DisplayName("S18 SIZE over the limit is refused at MAIL, and content over the limit after DATA")
  void s18SizeLimit() throws Exception {
    try (Wire w = hello()) {
      assertEquals("552 5.3.4 Message size exceeds fixed limit", w.smtp("MAIL FROM:<a@example.test> SIZE=2001"));
      w.smtp("MAIL FROM:<a@example.test>");
      w.smtp("RCPT TO:<bob@example.test>");
      w.smtp("DATA");
      w.raw("x".repeat(1500) + "\r\n" + "y".repeat(600) + "\r\n.\r\n");
      assertEquals("552 5.3.4 Error: message file too big", w.reply().get(0));
    }
    assertEquals(0, server.mailbox("bob").size());
  }

  @Test
  void sequenceAndSyntaxErrors() throws Exception {
    try (Wire w = Wire.connect(server.smtpPort())) {
      w.line();
      assertEquals("503 5.5.1 Error: send HELO/EHLO first", w.smtp("MAIL FROM:<a@example.test>"));
      assertEquals("250 mail.example.test", w.smtp("HELO client.test"));
      assertEquals("503 5.5.1 Error: need MAIL command", w.smtp("RCPT TO:<bob@example.test>"));
      assertEquals("501 5.5.4 Syntax: MAIL FROM:<address>", w.smtp("MAIL FROM:bob@example.test"));
      assertEquals("555 5.5.4 Unsupported option: FOO", w.smtp("MAIL FROM:<a@example.test> FOO=1"));
      assertEquals("250 2.1.0 Ok", w.smtp("MAIL FROM:<a@example.test>"));
      assertEquals("503 5.5.1 Error: nested MAIL command", w.smtp("MAIL FROM:<a@example.test>"));
      assertEquals("554 5.5.1 Error: no valid recipients", w.smtp("DATA"));
      assertEquals("250 2.0.0 Ok", w.smtp("RSET"));
      assertEquals("503 5.5.1 Error: need MAIL command", w.smtp("DATA"));
      assertEquals("502 5.5.2 Error: command not recognized", w.smtp("XYZZY"));
      assertEquals("252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery",
          w.smtp("VRFY bob"));
    }
  }

  @Test
  void smtpUtf8IsRequiredForNonAsciiAddresses() throws Exception {
    try (Wire w = hello()) {
      assertEquals("553 5.6.7 Error: non-ASCII address needs SMTPUTF8", w.smtp("MAIL FROM:<jörg@example.test>"));
      assertEquals("250 2.1.0 Ok", w.smtp("MAIL FROM:<jörg@example.test> SMTPUTF8"));
      assertEquals("250 2.1.5 Ok", w.smtp("RCPT TO:<bob@example.test>"));
      w.smtp("DATA");
      w.raw("Subject: Grüße\r\n\r\nü\r\n.\r\n");
      w.expect("250 ");
    }
    StoredMessage m = server.mailbox("bob").awaitMessages(1, WAIT).get(0);
    assertEquals("Grüße", m.subject().orElseThrow());
    assertEquals("", m.envelope().orElseThrow().mailParameters().get("SMTPUTF8"));
  }

  @Test
  void traceFieldsCanBeTurnedOff() throws Exception {
    try (InMemoryMailServer plain = InMemoryMailServer.builder().user("bob", "pw").traceHeaders(false).build()
        .start(); Wire w = Wire.connect(plain.smtpPort())) {
      w.line();
      w.smtp("EHLO c");
      w.smtp("MAIL FROM:<a@b.example>");
      w.smtp("RCPT TO:<bob@example.test>");
      w.smtp("DATA");
      w.raw("S: 1\r\n\r\nb\r\n.\r\n");
      w.expect("250 ");
      assertArrayEquals("S: 1\r\n\r\nb\r\n".getBytes(StandardCharsets.US_ASCII),
          plain.mailbox("bob").awaitMessages(1, WAIT).get(0).bytes());
    }
  }
}
