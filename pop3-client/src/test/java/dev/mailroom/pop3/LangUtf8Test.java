package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.greeting;
import static dev.mailroom.pop3.Pop3.ok;
import static dev.mailroom.pop3.Pop3.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** UTF8 and LANG (RFC 6856 §2-3). */
@ExtendWith(StartStopExtension.class)
class LangUtf8Test {
  @StartStop final MockPop3Server server = new MockPop3Server();

  @Test
  void utf8IsEnteredBeforeLoginWhenOfferedAndAsked() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("UTF8 USER", "USER"), ok("UTF8 enabled"), ok(""), ok(""),
        MockPop3Server.capa("UTF8"), bye());
    try (Pop3Session session = Pop3.plain(server).utf8(true)
        .credentials(Credentials.password("j\u00f6rg", "pw")).authMethod(Pop3AuthMethod.USER_PASS).build()
        .connect()) {
      assertTrue(session.utf8());
    }
    assertEquals(List.of("CAPA", "UTF8", "USER j\u00f6rg", "PASS pw", "CAPA", "QUIT"), wire(server));
  }

  @Test
  void utf8IsNotSentWhenNotOffered() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("USER"), bye());
    try (Pop3Session session = Pop3.plain(server).utf8(true).build().connect()) {
      assertFalse(session.utf8());
    }
    assertEquals(List.of("CAPA", "QUIT"), wire(server));
  }

  @Test
  void langListsAndSetsLanguages() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("LANG"),
        MockPop3Server.multiLine("+OK Language listing follows", "en English", "de Deutsch", "i-default Default"),
        ok("Sprache ist jetzt Deutsch"), bye());
    try (Pop3Session session = Pop3.plain(server).build().connect()) {
      assertEquals(List.of(new Pop3Language("en", "English"), new Pop3Language("de", "Deutsch"),
          new Pop3Language("i-default", "Default")), session.languages());
      assertEquals("Sprache ist jetzt Deutsch", session.language("de").text());
      assertThrows(IllegalArgumentException.class, () -> session.language("de\r\nDELE 1"));
      assertThrows(IllegalArgumentException.class, () -> session.language("de en"));
    }
    assertEquals(List.of("CAPA", "LANG", "LANG de", "QUIT"), wire(server));
  }
}
