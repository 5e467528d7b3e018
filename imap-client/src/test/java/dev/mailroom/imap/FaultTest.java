package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BYE, lost connections, early completions and deadlines. */
class FaultTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  @Test
  @DisplayName("I11: '* BYE' mid-FETCH fails every command in flight with the BYE text; none succeeds")
  void i11ByeMidFetch() throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS);
    imap.enqueue(Imap.selected(3, 1));
    s.select(MailboxName.INBOX).await();
    imap.enqueue(MockImapResponse.of("* 1 FETCH (UID 1 FLAGS ())").deferred(),
        MockImapResponse.of("* STATUS x (MESSAGES 1)", "* BYE server shutting down").onEnd(SocketEffect.CLOSE));
    ImapCommand<?> fetch = s.fetch(UidSet.all(), FetchSpec.builder().flags().build());
    ImapCommand<?> status = s.status(MailboxName.of("x"), MailboxStatus.StatusItem.MESSAGES);
    ImapByeException a = assertThrows(ImapByeException.class, fetch::await);
    ImapByeException b = assertThrows(ImapByeException.class, status::await);
    assertEquals("server shutting down", a.byeText());
    assertEquals("server shutting down", b.byeText());
    assertThrows(MailException.class, () -> s.noop().await());
    s.close();
  }

  @Test
  @DisplayName("T20: a tagged OK before the client finished sending a literal is a protocol error")
  void t20EarlyCompletion() throws Exception {
    ImapSession s = Imap.connect(imap, "IMAP4rev1");
    imap.enqueue(MockImapResponse.of("+ go", "$tag OK too early"));
    byte[] big = new byte[4 * 1024 * 1024];
    ImapCommand<AppendResult> append = s.append(MailboxName.of("x"), AppendRequest.of(big));
    MailException e = assertThrows(MailException.class, append::await);
    assertInstanceOf(MailProtocolException.class, e);
    s.close();
  }

  @Test
  @DisplayName("R01: a server that never answers a command gives a timeout within the command deadline")
  void r01CommandDeadline() throws Exception {
    Imap.login(imap, Imap.CAPS);
    imap.enqueue(MockImapResponse.of("* OK still here").onEnd(SocketEffect.STALL));
    ImapSession s = Imap.plain(imap).timeouts(Timeouts.defaults().newBuilder().all(Duration.ofSeconds(1)).build())
        .build().connect();
    assertThrows(MailTimeoutException.class, () -> s.noop().await(Duration.ofSeconds(10)));
    s.close();
  }

  @Test
  @DisplayName("R02/I26: a silent server gives a greeting timeout")
  void r02SilentServer() {
    imap.enqueueRaw(dev.mailroom.testkit.MockReply.stall());
    assertThrows(MailTimeoutException.class, () -> Imap.plain(imap)
        .timeouts(Timeouts.defaults().newBuilder().all(Duration.ofMillis(500)).build()).build().connect());
  }

  @Test
  @DisplayName("T17: the connection dropping mid-response is a protocol error, never a partial result")
  void t17Truncation() throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS);
    imap.enqueue(MockImapResponse.raw("* LIST () \"/\" Wor".getBytes(StandardCharsets.US_ASCII))
        .onEnd(SocketEffect.CLOSE));
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> s.list("", "*").await());
    assertTrue(e.getMessage() != null);
    s.close();
  }

  @Test
  @DisplayName("R12: cancelling a FETCH mid-literal by failing its handler closes the session cleanly")
  void r12ClosesCleanly() throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS);
    imap.enqueue(Imap.selected(1, 1));
    s.select(MailboxName.INBOX).await();
    imap.enqueue(MockImapResponse.raw("* 1 FETCH (UID 1 BODY[] {3}\r\nabc)\r\n$tag OK done\r\n"
        .getBytes(StandardCharsets.US_ASCII)));
    assertThrows(MailProtocolException.class, () -> s.fetch(UidSet.of(1),
        FetchSpec.builder().body(BodySection.whole()).build(), new dev.mailroom.imap.fetch.FetchHandler() {
          @Override
          public void body(dev.mailroom.imap.fetch.BodyPart part, java.io.InputStream content)
              throws java.io.IOException {
            throw new java.io.InterruptedIOException("cancelled");
          }
        }).await());
    s.close();
  }
}
