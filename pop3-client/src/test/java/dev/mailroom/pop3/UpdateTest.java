package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.afterLogin;
import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.err;
import static dev.mailroom.pop3.Pop3.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DELE, RSET, NOOP and QUIT with the UPDATE state (RFC 1939 §5-6): P06. */
@ExtendWith(StartStopExtension.class)
class UpdateTest {
  @StartStop final MockPop3Server server = new MockPop3Server();

  @Test
  void deleteThenQuitIsCommittedOnlyByOk() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(ok("1 deleted"), ok("2 deleted"), ok(""), bye());
    UpdateResult result;
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.delete(2);
      session.delete(1);
      session.noop();
      assertEquals(List.of(1, 2), session.markedForDeletion());
      result = session.quit();
      assertFalse(session.isOpen());
    }
    assertTrue(result.committed());
    assertEquals(List.of(1, 2), result.deleted());
    assertEquals(List.of("DELE 2", "DELE 1", "NOOP", "QUIT"), afterLogin(server));
  }

  @Test
  void quitAnsweredErrIsNotCommittedP06() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(ok(""), ok(""), ok(""), MockReply.of("-ERR some deleted messages not removed")
        .onReplyEnd(SocketEffect.CLOSE));
    UpdateResult result;
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.deleteAll(List.of(1, 2, 3));
      result = session.quit();
    }
    assertFalse(result.committed());
    assertEquals(List.of(1, 2, 3), result.markedForDeletion());
    assertEquals(List.of(), result.deleted());
    assertTrue(result.problem().orElseThrow().contains("some deleted messages not removed"));
  }

  @Test
  void dropBeforeTheQuitReplyIsNotCommittedP06() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(ok(""), ok(""), ok(""), MockReply.none().onReplyStart(SocketEffect.CLOSE));
    UpdateResult result;
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.delete(1);
      session.delete(2);
      session.delete(3);
      result = session.quit();
    }
    assertFalse(result.committed());
    assertTrue(result.quitReply().isEmpty());
    assertEquals(List.of(1, 2, 3), result.markedForDeletion());
  }

  @Test
  void dropBeforeQuitWithoutSendingItIsNotCommittedP06() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(ok(""), MockReply.none().onReplyStart(SocketEffect.CLOSE));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.delete(1);
      assertThrows(dev.mailroom.client.MailProtocolException.class, session::noop);
      UpdateResult result = session.quit();
      assertFalse(result.committed());
      assertEquals(List.of(1), result.markedForDeletion());
    }
  }

  @Test
  void resetUnmarksEverything() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(ok(""), ok("maildrop has 2 messages"), bye());
    UpdateResult result;
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.delete(1);
      session.reset();
      result = session.quit();
    }
    assertTrue(result.committed());
    assertEquals(List.of(), result.deleted());
    assertEquals(List.of("DELE 1", "RSET", "QUIT"), afterLogin(server));
  }

  @Test
  void refusedDeleIsNotMarked() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(err("message 4 already deleted"), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      assertThrows(Pop3CommandException.class, () -> session.delete(4));
      assertEquals(List.of(), session.quit().markedForDeletion());
    }
  }

  @Test
  void closeWithMarkedMessagesDropsWithoutQuitSoNothingIsDeletedP06() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(ok(""));
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      session.delete(1);
    }
    assertEquals(List.of("DELE 1"), afterLogin(server));
  }
}
