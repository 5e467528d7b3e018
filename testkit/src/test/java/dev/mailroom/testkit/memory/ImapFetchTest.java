package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP FETCH and UID FETCH: body sections, partials, \Seen side effects, ENVELOPE and BODYSTRUCTURE. */
class ImapFetchTest {
  private static final String SIMPLE = "From: \"Alice A.\" <alice@example.test>\r\nTo: bob@example.test, "
      + "Team: carol@example.test;\r\nSubject: hello\r\nMessage-ID: <m1@example.test>\r\n"
      + "Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n\r\nline one\r\nline two\r\n";
  private static final String MULTI = "From: bob@example.test\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
      + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\npreamble\r\n--b1\r\n"
      + "Content-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n--b1\r\nContent-Type: application/pdf\r\n"
      + "Content-Disposition: attachment; filename=\"r.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      + "JVBERg==\r\n--b1--\r\n";

  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw").build();
  private Wire w;

  @BeforeEach
  void select() throws Exception {
    server.store().append("bob", "INBOX", SIMPLE.getBytes(StandardCharsets.US_ASCII), Set.of());
    server.store().append("bob", "INBOX", MULTI.getBytes(StandardCharsets.US_ASCII), Set.of("\\Seen"));
    w = Wire.connect(server.imapPort());
    w.line();
    w.imap("l", "LOGIN bob bob-pw");
    w.imap("s", "SELECT INBOX");
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    w.close();
  }

  @Test
  void bodyPeekLeavesSeenAloneAndBodySetsIt() throws Exception {
    List<String> peek = w.imap("a", "FETCH 1 (BODY.PEEK[] FLAGS)");
    assertEquals("* 1 FETCH (BODY[] {" + SIMPLE.length() + "}\r\n" + SIMPLE + " FLAGS (\\Recent))", peek.get(0));
    assertFalse(server.mailbox("bob").messages().get(0).hasFlag("\\Seen"));
    List<String> body = w.imap("b", "FETCH 1 BODY[TEXT]");
    assertEquals("* 1 FETCH (BODY[TEXT] {20}\r\nline one\r\nline two\r\n FLAGS (\\Seen \\Recent))", body.get(0));
    assertTrue(server.mailbox("bob").messages().get(0).hasFlag("\\Seen"));
  }

  @Test
  void uidFetchWithHeaderFieldsPartialsAndSizes() throws Exception {
    List<String> r = w.imap("a", "UID FETCH 1:* (RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Subject)] BODY.PEEK[]<6.5>)");
    assertEquals("* 1 FETCH (UID 1 RFC822.SIZE " + SIMPLE.length()
        + " BODY[HEADER.FIELDS (SUBJECT)] {18}\r\nSubject: hello\r\n\r\n BODY[]<6> {5}\r\n\"Alic)", r.get(0));
    assertEquals("* 2 FETCH (UID 2 RFC822.SIZE " + MULTI.length()
        + " BODY[HEADER.FIELDS (SUBJECT)] {18}\r\nSubject: parts\r\n\r\n BODY[]<6> {5}\r\nbob@e)", r.get(1));
    assertEquals("a OK UID FETCH completed", r.get(2));
    assertEquals("* 2 FETCH (UID 2)", w.imap("b", "UID FETCH 5:* UID").get(0));
  }

  @Test
  void partsByNumberAndMime() throws Exception {
    List<String> r = w.imap("a", "FETCH 2 (BODY.PEEK[1] BODY.PEEK[2.MIME] BODY.PEEK[2])");
    assertEquals("* 2 FETCH (BODY[1] {2}\r\nhi BODY[2.MIME] {119}\r\nContent-Type: application/pdf\r\n"
        + "Content-Disposition: attachment; filename=\"r.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + " BODY[2] {8}\r\nJVBERg==)", r.get(0));
    assertEquals("* 2 FETCH (BODY[3] {0}\r\n)", w.imap("b", "FETCH 2 BODY.PEEK[3]").get(0));
  }

  @Test
  void envelopeAndInternalDate() throws Exception {
    Instant date = server.mailbox("bob").messages().get(0).internalDate();
    List<String> r = w.imap("a", "FETCH 1 (ENVELOPE INTERNALDATE)");
    assertEquals("* 1 FETCH (ENVELOPE (\"Tue, 3 Mar 2026 10:00:00 +0000\" \"hello\" "
        + "((\"Alice A.\" NIL \"alice\" \"example.test\")) ((\"Alice A.\" NIL \"alice\" \"example.test\")) "
        + "((\"Alice A.\" NIL \"alice\" \"example.test\")) ((NIL NIL \"bob\" \"example.test\")"
        + "(NIL NIL \"Team\" NIL)(NIL NIL \"carol\" \"example.test\")(NIL NIL NIL NIL)) NIL NIL NIL "
        + "\"<m1@example.test>\") INTERNALDATE \""
        + java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", java.util.Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC).format(date) + "\")", r.get(0));
  }

  @Test
  void bodyStructureOfASimpleAndAMultipartMessage() throws Exception {
    // the expected strings are what Dovecot 2.3 answers for the same messages
    assertEquals("* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 20 2 "
        + "NIL NIL NIL NIL))", w.imap("a", "FETCH 1 BODYSTRUCTURE").get(0));
    assertEquals("* 2 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 2 0 "
        + "NIL NIL NIL NIL)(\"application\" \"pdf\" NIL NIL NIL \"base64\" 8 NIL (\"attachment\" "
        + "(\"filename\" \"r.pdf\")) NIL NIL) \"mixed\" (\"boundary\" \"b1\") NIL NIL NIL))",
        w.imap("b", "FETCH 2 BODYSTRUCTURE").get(0));
    assertEquals("* 2 FETCH (BODY ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 2 0)"
        + "(\"application\" \"pdf\" NIL NIL NIL \"base64\" 8) \"mixed\"))", w.imap("c", "FETCH 2 BODY").get(0));
  }

  @Test
  void badSetsAndItemsAreRefused() throws Exception {
    assertEquals("a BAD no such message 3", w.imap("a", "FETCH 3 FLAGS").get(0));
    assertEquals("b BAD invalid sequence set 1,", w.imap("b", "FETCH 1, FLAGS").get(0));
    assertEquals("c BAD unknown FETCH item BODY[", w.imap("c", "FETCH 1 BODY[").get(0));
  }

  @Test
  void anEncapsulatedMessageIsAddressedThroughItsPart() throws Exception {
    String inner = "Subject: inner\r\nFrom: a@example.test\r\n\r\nhello\r\n";
    String outer = "Subject: fwd\r\nContent-Type: message/rfc822\r\n\r\n" + inner;
    server.store().append("bob", "INBOX", outer.getBytes(StandardCharsets.US_ASCII), Set.of());
    w.imap("n", "NOOP");
    assertEquals("* 3 FETCH (BODY[1] {" + inner.length() + "}\r\n" + inner
        + " BODY[1.HEADER] {40}\r\nSubject: inner\r\nFrom: a@example.test\r\n\r\n BODY[1.TEXT] {7}\r\nhello\r\n)",
        w.imap("a", "FETCH 3 (BODY.PEEK[1] BODY.PEEK[1.HEADER] BODY.PEEK[1.TEXT])").get(0));
    assertEquals("* 3 FETCH (BODY (\"message\" \"rfc822\" NIL NIL NIL \"7bit\" " + inner.length()
        + " (NIL \"inner\" ((NIL NIL \"a\" \"example.test\")) ((NIL NIL \"a\" \"example.test\")) "
        + "((NIL NIL \"a\" \"example.test\")) NIL NIL NIL NIL NIL) "
        + "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 7 1) 4))",
        w.imap("b", "FETCH 3 BODY").get(0));
  }
}
