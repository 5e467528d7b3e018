package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FETCH and UID FETCH: items, buffered and streamed bodies, drain-on-unread, EXPUNGE between responses. */
class FetchTest {
  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession selected(int exists) throws Exception {
    ImapSession s = Imap.connect(imap, Imap.CAPS);
    imap.enqueue(Imap.selected(exists, 1));
    s.select(MailboxName.INBOX).await();
    imap.takeImapCommand();
    return s;
  }

  @Test
  void uidFetchItemsAndBodies() throws Exception {
    try (ImapSession s = selected(3)) {
      String body = "Subject: a\r\n\r\nhello\r\n";
      imap.enqueue(MockImapResponse.raw(("* 2 FETCH (UID 7 FLAGS (\\Seen) RFC822.SIZE 21 INTERNALDATE "
          + "\"17-Jul-1996 02:44:25 -0700\" ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700\" \"IMAP4rev1 WG\" "
          + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL ((NIL NIL \"imap\" \"cac.washington.edu\")) "
          + "NIL NIL NIL \"<B27397-0100000@cac.washington.edu>\") BODY[] {" + body.length() + "}\r\n" + body
          + " BODY[HEADER.FIELDS (SUBJECT)] {12}\r\nSubject: a\r\n)\r\n$tag OK done\r\n")
          .getBytes(StandardCharsets.US_ASCII)));
      FetchSpec spec = FetchSpec.builder().flags().size().internalDate().envelope()
          .body(BodySection.whole().asPeek()).body(BodySection.headerFields("Subject").asPeek()).build();
      List<FetchedMessage> list = s.fetch(UidSet.of(7), spec).await();
      assertEquals("UID FETCH 7 (FLAGS RFC822.SIZE INTERNALDATE ENVELOPE BODY.PEEK[] BODY.PEEK[HEADER.FIELDS "
          + "(SUBJECT)])", imap.takeImapCommand().command());
      FetchedMessage m = list.get(0);
      assertEquals(2, m.seq());
      assertEquals(7, m.uid().orElseThrow().value());
      assertEquals(21, m.size());
      assertEquals("IMAP4rev1 WG", m.envelope().subject());
      assertEquals("gray@cac.washington.edu", m.envelope().from().get(0).email());
      assertArrayEquals(body.getBytes(StandardCharsets.US_ASCII), m.body(BodySection.whole()).orElseThrow());
      assertEquals("Subject: a\r\n", new String(m.body(BodySection.headerFields("X")).orElseThrow(),
          StandardCharsets.US_ASCII));
      assertEquals(7, s.selected().orElseThrow().uid(2).orElseThrow().value());
    }
  }

  @Test
  @DisplayName("go-imap#667: a streamed body the handler leaves unread is drained; the next response stays framed")
  void unreadBodiesAreDrained() throws Exception {
    try (ImapSession s = selected(3)) {
      String big = "x".repeat(100_000);
      imap.enqueue(MockImapResponse.raw(("* 1 FETCH (UID 1 BODY[] {100000}\r\n" + big + ")\r\n"
          + "* 2 FETCH (UID 2 BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n$tag OK done\r\n")
          .getBytes(StandardCharsets.US_ASCII)));
      List<String> seen = new ArrayList<>();
      List<FetchedMessage> messages = new ArrayList<>();
      long n = s.fetch(UidSet.range(1, 2), FetchSpec.builder().body(BodySection.whole().asPeek()).build(),
          new FetchHandler() {
            @Override
            public void body(BodyPart part, InputStream content) throws IOException {
              byte[] two = content.readNBytes(2); // read only a little
              seen.add(part.uid().orElseThrow() + ":" + part.size() + ":" + new String(two, StandardCharsets.UTF_8));
            }

            @Override
            public void message(FetchedMessage message) {
              messages.add(message);
            }
          }).await();
      assertEquals(2, n);
      assertEquals(List.of("1:100000:xx", "2:5:he"), seen);
      assertTrue(messages.get(1).flags().orElseThrow().contains(Flag.SEEN));
    }
  }

  @Test
  @DisplayName("I12: '* 3 EXPUNGE' between FETCH responses renumbers the model; data stays attached by UID")
  void i12ExpungeDuringFetch() throws Exception {
    try (ImapSession s = selected(5)) {
      imap.enqueue(MockImapResponse.ok("done", "* 1 FETCH (UID 11 FLAGS ())", "* 2 FETCH (UID 12 FLAGS ())",
          "* 3 FETCH (UID 13 FLAGS ())", "* 4 FETCH (UID 14 FLAGS ())", "* 5 FETCH (UID 15 FLAGS ())"));
      s.fetch(UidSet.all(), FetchSpec.builder().flags().build()).await();
      imap.enqueue(MockImapResponse.ok("done", "* 2 FETCH (UID 12 FLAGS (\\Seen))", "* 3 EXPUNGE",
          "* 3 FETCH (UID 14 FLAGS (\\Seen))"));
      List<FetchedMessage> got = s.fetch(UidSet.of(12, 14), FetchSpec.builder().flags().build()).await();
      assertEquals(14, got.get(1).uid().orElseThrow().value());
      SelectedMailbox box = s.selected().orElseThrow();
      assertEquals(4, box.exists());
      assertEquals(12, box.uid(2).orElseThrow().value());
      assertEquals(14, box.uid(3).orElseThrow().value());
      assertEquals(15, box.uid(4).orElseThrow().value());
      assertTrue(box.messageFlags(3).orElseThrow().contains(Flag.SEEN));
    }
  }

  @Test
  @DisplayName("I08: {5000} then 100 bytes then close → protocol error, no partial body delivered as complete")
  void i08TruncatedLiteral() throws Exception {
    ImapSession s = selected(3);
    imap.enqueue(MockImapResponse.raw(("* 1 FETCH (UID 1 BODY[] {5000}\r\n" + "y".repeat(100))
        .getBytes(StandardCharsets.US_ASCII)).onEnd(dev.mailroom.testkit.SocketEffect.CLOSE));
    assertThrows(MailProtocolException.class,
        () -> s.fetch(UidSet.of(1), FetchSpec.builder().body(BodySection.whole()).build()).await());
    s.close();
  }

  @Test
  @DisplayName("R12: a handler failing mid-literal closes the connection with a typed error")
  void r12HandlerFailsMidLiteral() throws Exception {
    ImapSession s = selected(3);
    imap.enqueue(MockImapResponse.raw(("* 1 FETCH (UID 1 BODY[] {10}\r\n0123456789)\r\n$tag OK done\r\n")
        .getBytes(StandardCharsets.US_ASCII)));
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> s.fetch(UidSet.of(1),
        FetchSpec.builder().body(BodySection.whole()).build(), new FetchHandler() {
          @Override
          public void body(BodyPart part, InputStream content) throws IOException {
            content.read();
            throw new IOException("disk full");
          }
        }).await());
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    assertThrows(MailProtocolException.class, () -> s.noop().await());
    s.close();
  }

  @Test
  void sequenceFetchAndBodyStructure() throws Exception {
    try (ImapSession s = selected(3)) {
      imap.enqueue(MockImapResponse.ok("done", "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" "
          + "\"US-ASCII\") NIL NIL \"7BIT\" 3028 92))"));
      List<FetchedMessage> l = s.fetch(SeqSet.of(1), FetchSpec.builder().bodyStructure().build()).await();
      assertEquals("FETCH 1 (BODYSTRUCTURE)", imap.takeImapCommand().command());
      assertEquals("text/plain", l.get(0).bodyStructure().mediaType());
    }
  }
}
