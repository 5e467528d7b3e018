package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.afterLogin;
import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.err;
import static dev.mailroom.pop3.Pop3.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STAT, LIST, UIDL (RFC 1939 §5, §7): P07, P08. */
@ExtendWith(StartStopExtension.class)
class MaildropCommandsTest {
  @StartStop final MockPop3Server server = new MockPop3Server();

  @Test
  void statListAndUidlAreTyped() throws Exception {
    Pop3.enqueueLogin(server, "USER", "UIDL");
    server.enqueue(ok("2 320"), MockPop3Server.multiLine("+OK 2 messages", "1 120", "2 200"), ok("2 200"),
        MockPop3Server.multiLine("+OK", "1 whqtswO00WBw418f9t5JxYwZ", "2 QhdPYR:00WBw1Ph7x7"),
        ok("2 QhdPYR:00WBw1Ph7x7"), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertEquals(new MaildropStat(2, 320), session.stat());
      assertEquals(List.of(new ListEntry(1, 120), new ListEntry(2, 200)), session.list());
      assertEquals(new ListEntry(2, 200), session.list(2));
      assertEquals(List.of(new UidlEntry(1, "whqtswO00WBw418f9t5JxYwZ"), new UidlEntry(2, "QhdPYR:00WBw1Ph7x7")),
          session.uidl());
      assertEquals(new UidlEntry(2, "QhdPYR:00WBw1Ph7x7"), session.uidl(2));
    }
    assertEquals(List.of("STAT", "LIST", "LIST 2", "UIDL", "UIDL 2", "QUIT"), afterLogin(server));
  }

  @Test
  void refusedListIsACommandErrorAndTheSessionGoesOn() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(err("no such message"), ok(""), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(Pop3CommandException.class, () -> session.list(9));
      session.noop();
    }
  }

  @Test
  void messageNumbersAreCheckedLocally() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(IllegalArgumentException.class, () -> session.list(0));
      assertThrows(IllegalArgumentException.class, () -> session.retrieve(-1));
      assertThrows(IllegalArgumentException.class, () -> session.top(1, -1));
    }
    assertEquals(List.of("QUIT"), afterLogin(server));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 ", "1 ../x ../y", "0 abc", "1 " + "u71uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"})
  void uidlGarbageIsAProtocolErrorAndClosesP07(String line) throws Exception {
    Pop3.enqueueLogin(server, "USER", "UIDL");
    server.enqueue(MockPop3Server.multiLine("+OK", line));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(MailProtocolException.class, session::uidl);
      assertFalse(session.isOpen());
    }
  }

  @Test
  void uidlDuplicatesAndNumbersBeyondStatAreProtocolErrorsP07() throws Exception {
    Pop3.enqueueLogin(server, "USER", "UIDL");
    server.enqueue(ok("2 300"), MockPop3Server.multiLine("+OK", "1 a", "3 b"));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.stat();
      assertThrows(MailProtocolException.class, session::uidl);
    }
    Pop3.enqueueLogin(server, "USER", "UIDL");
    server.enqueue(MockPop3Server.multiLine("+OK", "1 same", "2 same"));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(MailProtocolException.class, session::uidl);
    }
  }

  @Test
  void pathLikeUidsStayOpaqueValuesP07() throws Exception {
    Pop3.enqueueLogin(server, "USER", "UIDL");
    server.enqueue(MockPop3Server.multiLine("+OK", "1 ../x", "2 a/b"), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertEquals(List.of(new UidlEntry(1, "../x"), new UidlEntry(2, "a/b")), session.uidl());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"+OK 99999999999999999999 1", "+OK 1 -1", "+OK 1", "+OK x 1"})
  void statOverflowIsAProtocolErrorP08(String reply) throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(dev.mailroom.testkit.MockReply.of(reply));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(MailProtocolException.class, session::stat);
      assertFalse(session.isOpen());
    }
  }

  @Test
  void listSizeMinusOneIsAProtocolErrorP08() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(MockPop3Server.multiLine("+OK", "1 -1"));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(MailProtocolException.class, session::list);
    }
  }
}
