package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedCommand;
import dev.mailroom.testkit.junit5.StartStop;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IDLE (RFC 2177): continuation, unsolicited updates, DONE, re-issue. */
class IdleTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  void idleDeliversExistsAndStopsWithDone() throws Exception {
    CountDownLatch exists = new CountDownLatch(1);
    Imap.login(imap, Imap.CAPS);
    ImapSession s = Imap.plain(imap).unsolicitedListener(new UnsolicitedListener() {
      @Override
      public void exists(long count) {
        if (count == 4) {
          exists.countDown();
        }
      }
    }).build().connect();
    imap.enqueue(Imap.selected(3, 1));
    s.select(MailboxName.INBOX).await();
    imap.enqueue(MockImapResponse.of("+ idling", "* 4 EXISTS"));
    IdleHandle idle = s.idle();
    assertTrue(exists.await(5, TimeUnit.SECONDS));
    assertTrue(idle.isActive());
    imap.enqueue(MockImapResponse.ok("IDLE terminated"));
    idle.stop();
    assertFalse(idle.isActive());
    assertEquals(4, s.selected().orElseThrow().exists());
    java.util.List<String> lines = imap.commands().stream().map(RecordedCommand::line).toList();
    assertTrue(lines.get(lines.size() - 1).equals("DONE"), lines.toString());
    s.close();
  }

  @Test
  @DisplayName("I23: IDLE is re-issued before the configured interval")
  void i23ReissuedBeforeInterval() throws Exception {
    Imap.login(imap, Imap.CAPS);
    ImapSession s = Imap.plain(imap).idleInterval(Duration.ofMillis(300)).build().connect();
    imap.enqueue(MockImapResponse.of("+ idling"), MockImapResponse.ok("done"), MockImapResponse.of("+ idling"),
        MockImapResponse.ok("done"));
    IdleHandle idle = s.idle();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (imap.imapCommands().stream().filter(c -> c.command().equals("IDLE")).count() < 2
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(2, imap.imapCommands().stream().filter(c -> c.command().equals("IDLE")).count());
    idle.stop();
    s.close();
  }

  @Test
  @DisplayName("I23: no '+ idling' continuation → timeout, not a hang")
  void i23NoContinuation() throws Exception {
    Imap.login(imap, Imap.CAPS);
    ImapSession s = Imap.plain(imap).timeouts(Timeouts.defaults().newBuilder().all(Duration.ofMillis(700)).build())
        .build().connect();
    imap.enqueue(MockImapResponse.of("* OK thinking"));
    assertThrows(MailTimeoutException.class, s::idle);
    s.close();
  }
}
