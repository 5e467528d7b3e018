package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.lab.MailLab;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same IMAP transcript against the lab's Dovecot and the in-memory server: APPEND three messages (simple with a
 * group address, multipart with an attachment, message/rfc822) to a fresh {@code mailroom-test-*} folder, then FETCH
 * ENVELOPE, BODY, BODYSTRUCTURE and part sections; every FETCH response must be identical.
 */
@Tag("interop")
class ImapDovecotParityTest {
  private static final List<String> MESSAGES = List.of(
      "From: \"Alice A.\" <alice@example.test>\r\nTo: bob@example.test, Team: carol@example.test;\r\n"
          + "Subject: hello\r\nMessage-ID: <m1@example.test>\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n\r\n"
          + "line one\r\nline two\r\n",
      "From: bob@example.test\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\npreamble\r\n--b1\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n--b1\r\nContent-Type: application/pdf\r\n"
          + "Content-Disposition: attachment; filename=\"r.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
          + "JVBERg==\r\n--b1--\r\n",
      "Subject: fwd\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\nFrom: a@example.test\r\n\r\nhello\r\n");
  private static final List<String> ITEMS = List.of("ENVELOPE", "BODY", "BODYSTRUCTURE", "BODY.PEEK[1]",
      "BODY.PEEK[2]", "BODY.PEEK[2.MIME]", "BODY.PEEK[1.HEADER]", "BODY.PEEK[HEADER.FIELDS (Subject From)]",
      "RFC822.SIZE", "FLAGS");

  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "bob-pw").build();

  private static List<String> transcript(int port) throws Exception {
    String folder = "mailroom-test-memsrv-" + System.nanoTime();
    List<String> responses = new ArrayList<>();
    try (Wire w = Wire.connect(port)) {
      w.line();
      assertTrue(w.imap("a", "LOGIN bob bob-pw").get(0).startsWith("a OK"));
      assertTrue(w.imap("b", "CREATE " + folder).get(0).startsWith("b OK"));
      try {
        for (String m : MESSAGES) {
          byte[] bytes = m.getBytes(StandardCharsets.US_ASCII);
          w.send("c APPEND " + folder + " {" + bytes.length + "}");
          w.expect("+ ");
          w.raw(bytes).raw("\r\n");
          w.expect("c OK");
        }
        w.imap("d", "SELECT " + folder);
        for (String item : ITEMS) {
          List<String> lines = w.imap("f", "FETCH 1:3 (" + item + ")");
          assertEquals("f OK", lines.get(lines.size() - 1).substring(0, 4), lines.toString());
          responses.addAll(lines.subList(0, lines.size() - 1));
        }
        w.imap("g", "CLOSE");
      } finally {
        w.imap("h", "DELETE " + folder);
      }
    }
    return responses;
  }

  @Test
  void fetchResponsesAreIdentical() throws Exception {
    MailLab.require();
    List<String> dovecot = transcript(MailLab.IMAP);
    List<String> memory = transcript(server.imapPort());
    assertEquals(3 * ITEMS.size(), dovecot.size(), dovecot.toString());
    for (int i = 0; i < dovecot.size(); i++) {
      assertEquals(dovecot.get(i), memory.get(i));
    }
  }
}
