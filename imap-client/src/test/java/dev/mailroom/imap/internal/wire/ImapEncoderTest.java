package dev.mailroom.imap.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImapEncoderTest {
  private static ImapEncoder enc(String name) {
    return new ImapEncoder(name, LiteralMode.SYNCHRONIZING, false);
  }

  private static String first(EncodedCommand c) {
    return new String(c.pieces().get(0).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void atomsQuotedAndInbox() {
    assertEquals("SELECT INBOX", first(enc("SELECT").sp().mailbox("inbox").build()));
    assertEquals("SELECT Sent", first(enc("SELECT").sp().mailbox("Sent").build()));
    assertEquals("SELECT \"My Folder\"", first(enc("SELECT").sp().mailbox("My Folder").build()));
    assertEquals("SELECT R&AOk-unions", first(enc("SELECT").sp().mailbox("Réunions").build()));
    assertEquals("SELECT \"a\\\"b\\\\c\"", first(enc("SELECT").sp().mailbox("a\"b\\c").build()));
    assertEquals("SELECT \"\"", first(enc("SELECT").sp().astring("").build()));
  }

  @Test
  @DisplayName("I03: a mailbox name with CRLF and a second command goes as a literal; NUL is refused")
  void i03MailboxInjection() {
    EncodedCommand c = enc("SELECT").sp().mailbox("INBOX\r\nA2 DELETE x").build();
    assertEquals("SELECT {18}", first(c));
    assertEquals(1, c.literals().size());
    assertTrue(c.literals().get(0).synchronizing());
    assertEquals("INBOX\r\nA2 DELETE x", new String(c.literals().get(0).bytes(), StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class, () -> enc("SELECT").sp().mailbox("a\0b"));
    assertThrows(IllegalArgumentException.class, () -> dev.mailroom.imap.MailboxName.of("a\0b"));
  }

  @Test
  @DisplayName("I03: 8-bit names go in modified UTF-7, or as UTF-8 quoted once UTF8=ACCEPT is enabled")
  void i03EightBit() {
    assertEquals("CREATE &ZeVnLIqe-", first(enc("CREATE").sp().mailbox("日本語").build()));
    EncodedCommand utf8 = new ImapEncoder("CREATE", LiteralMode.PLUS, true).sp().mailbox("日本語").build();
    assertEquals("CREATE \"日本語\"", first(utf8));
    EncodedCommand text = enc("SEARCH").sp().atom("SUBJECT").sp().string("Réunion").build();
    assertEquals("SEARCH SUBJECT {8}", first(text));
  }

  @Test
  @DisplayName("I04: keywords with space, parentheses, %, *, ], quote are refused before anything is written")
  void i04InvalidAtoms() {
    for (String bad : new String[] {"a b", "(x", "x)", "a%", "a*", "a]", "a\"", "a\r\n", ""}) {
      assertThrows(IllegalArgumentException.class, () -> enc("STORE").sp().flag(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> dev.mailroom.imap.Flag.keyword(bad), bad);
    }
  }

  @Test
  @DisplayName("I05: {n+} only with LITERAL+; LITERAL- only up to 4096 bytes; otherwise synchronising")
  void i05LiteralModes() {
    byte[] small = new byte[10];
    byte[] big = new byte[5000];
    assertEquals("APPEND x {10}", first(enc("APPEND").sp().atom("x").sp().literal(small).build()));
    assertEquals("APPEND x {10+}", first(new ImapEncoder("APPEND", LiteralMode.PLUS, false).sp().atom("x").sp()
        .literal(small).build()));
    assertEquals("APPEND x {5000+}", first(new ImapEncoder("APPEND", LiteralMode.PLUS, false).sp().atom("x").sp()
        .literal(big).build()));
    assertEquals("APPEND x {10+}", first(new ImapEncoder("APPEND", LiteralMode.MINUS, false).sp().atom("x").sp()
        .literal(small).build()));
    EncodedCommand minusBig = new ImapEncoder("APPEND", LiteralMode.MINUS, false).sp().atom("x").sp().literal(big)
        .build();
    assertEquals("APPEND x {5000}", first(minusBig));
    assertTrue(minusBig.hasSynchronizingLiteral());
    assertFalse(new ImapEncoder("APPEND", LiteralMode.PLUS, false).sp().literal(big).build()
        .hasSynchronizingLiteral());
  }

  @Test
  @DisplayName("I06: a server-sent name with CR, LF and a quote is re-encoded as a literal")
  void i06EchoedNames() {
    EncodedCommand c = enc("SELECT").sp().mailbox("A\r\nB\"C").build();
    assertEquals("SELECT {6}", first(c));
    for (EncodedCommand.Piece p : c.pieces()) {
      String s = new String(p.bytes(), StandardCharsets.UTF_8);
      assertFalse(s.contains("\r") || s.contains("\n"), s);
    }
  }

  @Test
  void secretsAreRedactedFromTheirStart() {
    EncodedCommand c = enc("LOGIN").sp().secret().astring("alice").sp().astring("pw").build();
    assertEquals("LOGIN alice pw", first(c));
    assertEquals(6, c.pieces().get(0).sensitivity().visiblePrefixBytes());
  }
}
