package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchItem;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.RecordedImapCommand;
import dev.mailroom.testkit.junit5.StartStop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BINARY (RFC 3516), MULTIAPPEND (RFC 3502), PREVIEW (RFC 8970), SAVEDATE (RFC 8514), OBJECTID (RFC 8474). */
class MessageExtensionsTest {
  static final String CAPS = Imap.CAPS + " BINARY MULTIAPPEND PREVIEW SAVEDATE OBJECTID";

  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession selected(String caps) throws Exception {
    ImapSession s = Imap.connect(imap, caps);
    imap.enqueue(Imap.selected(5, 1));
    s.select(MailboxName.INBOX).await();
    imap.takeImapCommand();
    return s;
  }

  private static MockImapResponse raw(String text) {
    return MockImapResponse.raw(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  @DisplayName("BINARY[part] arrives as literal8, streamed and marked binary; BINARY.SIZE typed")
  void binaryFetch() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(raw("* 1 FETCH (UID 7 BINARY.SIZE[2] 3 BINARY[2] ~{3}\r\n\u0000\u0001\u0002 BODY[2] {4}\r\nAAEC)\r\n"
          + "$tag OK done\r\n"));
      List<BodyPart> parts = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      List<FetchedMessage> messages = new ArrayList<>();
      s.fetch(UidSet.of(7), FetchSpec.builder().binarySize("2").binary("2")
          .body(dev.mailroom.imap.fetch.BodySection.part("2").asPeek()).build(), new FetchHandler() {
            @Override
            public void body(BodyPart part, InputStream content) throws IOException {
              parts.add(part);
              contents.add(content.readAllBytes());
            }

            @Override
            public void message(FetchedMessage m) {
              messages.add(m);
            }
          }).await();
      assertEquals("UID FETCH 7 (BINARY.SIZE[2] BINARY.PEEK[2] BODY.PEEK[2])", imap.takeImapCommand().command());
      assertTrue(parts.get(0).binary());
      assertFalse(parts.get(1).binary());
      assertArrayEquals(new byte[] {0, 1, 2}, contents.get(0));
      assertEquals(3L, messages.get(0).extensions().binarySizes().get("2"));

      imap.enqueue(raw("* 1 FETCH (UID 7 BINARY[] ~{2}\r\n\u0000\u00ff BODY[] {2}\r\nab)\r\n$tag OK done\r\n"));
      FetchedMessage m = s.fetch(UidSet.of(7), FetchSpec.builder().binary("").body(
          dev.mailroom.imap.fetch.BodySection.whole()).build()).await().get(0);
      assertArrayEquals(new byte[] {0, (byte) 0xff}, m.binary("").orElseThrow(), "buffered under its own key");
      assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII),
          m.body(dev.mailroom.imap.fetch.BodySection.whole()).orElseThrow());
      imap.takeImapCommand();
    }
  }

  @Test
  void previewSaveDateAndObjectIds() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* 1 FETCH (UID 3 PREVIEW \"Hi Bob, the report\" "
          + "SAVEDATE \"07-Dec-2026 10:00:00 +0000\" EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))",
          "* 2 FETCH (UID 4 PREVIEW NIL SAVEDATE NIL THREADID NIL EMAILID (Mx))"));
      List<FetchedMessage> m = s.fetch(UidSet.range(3, 4), FetchSpec.builder().preview().item(FetchItem.SAVEDATE)
          .item(FetchItem.EMAILID).item(FetchItem.THREADID).build()).await();
      assertEquals("UID FETCH 3:4 (PREVIEW SAVEDATE EMAILID THREADID)", imap.takeImapCommand().command());
      assertEquals("Hi Bob, the report", m.get(0).extensions().preview().orElseThrow());
      assertEquals(OffsetDateTime.parse("2026-12-07T10:00:00Z"), m.get(0).extensions().saveDate().orElseThrow());
      assertEquals("M6d99ac3275bb4e", m.get(0).extensions().emailId().orElseThrow());
      assertEquals("T64b478a75b7ea9", m.get(0).extensions().threadId().orElseThrow());
      assertTrue(m.get(1).extensions().preview().isEmpty());
      assertTrue(m.get(1).extensions().threadId().isEmpty());
    }
    for (String bad : new String[] {"* 1 FETCH (EMAILID (bad/id))", "* 1 FETCH (EMAILID x)",
        "* 1 FETCH (PREVIEW \"" + "x".repeat(2000) + "\")", "* 1 FETCH (SAVEDATE \"yesterday\")",
        "* 1 FETCH (BINARY.SIZE[1] -1)"}) {
      try (ImapSession s = selected(CAPS)) {
        imap.enqueue(MockImapResponse.ok("done", bad));
        assertThrows(MailProtocolException.class, () -> s.noop().await(), bad);
        imap.takeImapCommand();
      }
    }
  }

  @Test
  @DisplayName("MULTIAPPEND: several messages in one command, APPENDUID ranges kept as a set (I14)")
  void multiAppend() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("[APPENDUID 38505 3955:3957] done"));
      AppendResult r = s.append(MailboxName.of("Drafts"), List.of(
          AppendRequest.of("a\r\n".getBytes(StandardCharsets.US_ASCII)).withFlags(Set.of(Flag.SEEN)),
          AppendRequest.of("bb\r\n".getBytes(StandardCharsets.US_ASCII)),
          AppendRequest.of(new byte[] {'c', 0, '\r', '\n'}).asBinary())).await();
      RecordedImapCommand c = imap.takeImapCommand();
      assertEquals("APPEND Drafts (\\Seen) {3+}\r\na\r\n {4+}\r\nbb\r\n ~{4+}\r\nc\u0000\r\n", c.text().substring(
          c.tag().length() + 1));
      assertEquals(38505, r.uidValidity());
      assertEquals("3955:3957", r.uids().orElseThrow().toString());
      assertTrue(r.uid().isEmpty(), "several UIDs: no single one");
      imap.enqueue(MockImapResponse.ok("[APPENDUID 38505 3958] done"));
      AppendResult one = s.append(MailboxName.INBOX, AppendRequest.of("x\r\n".getBytes(StandardCharsets.US_ASCII)))
          .await();
      assertEquals(3958, one.uid().orElseThrow().value());
      assertEquals("3958", one.uids().orElseThrow().toString());
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("[APPENDUID 1 1:*] done"));
      assertThrows(MailProtocolException.class, () -> s.append(MailboxName.INBOX,
          AppendRequest.of("x\r\n".getBytes(StandardCharsets.US_ASCII))).await());
    }
  }

  @Test
  @DisplayName("RFC 4469 CATENATE: URL and TEXT parts, the URL built from typed values (RFC 5092)")
  void catenate() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS + " CATENATE")) {
      imap.enqueue(MockImapResponse.ok("[APPENDUID 7 12] done"));
      AppendResult r = s.append(MailboxName.of("Drafts"), Set.of(Flag.DRAFT), List.of(
          CatenatePart.text("Subject: Fwd\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
          CatenatePart.message(MailboxName.of("Réunions 2026"), 385759045, Uid.of(20), "1.2"),
          CatenatePart.message(MailboxName.INBOX, 9, Uid.of(3), null))).await();
      RecordedImapCommand c = imap.takeImapCommand();
      assertEquals("APPEND Drafts (\\Draft) CATENATE (TEXT {16+}\r\nSubject: Fwd\r\n\r\n URL "
          + "\"/R&AOk-unions%202026;UIDVALIDITY=385759045/;UID=20/;SECTION=1.2\" URL \"/INBOX;UIDVALIDITY=9/;UID=3\")",
          c.text().substring(c.tag().length() + 1));
      assertEquals(12, r.uid().orElseThrow().value());
      assertThrows(IllegalArgumentException.class, () -> CatenatePart.message(MailboxName.INBOX, 1, Uid.of(1),
          "1;x"));
      assertThrows(IllegalArgumentException.class, () -> new CatenatePart.Url("/INBOX\r\nA1 LOGOUT"));
      assertThrows(IllegalArgumentException.class, () -> CatenatePart.text(new byte[] {'a', 0}));
    }
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      assertThrows(IllegalStateException.class, () -> s.append(MailboxName.INBOX, Set.of(),
          List.of(CatenatePart.text(new byte[] {'a'}))));
    }
  }

  @Test
  @DisplayName("APPENDLIMIT (RFC 7889): a message over the server's limit is refused before a byte is sent")
  void appendLimit() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS + " APPENDLIMIT=10")) {
      assertThrows(IllegalArgumentException.class, () -> s.append(MailboxName.INBOX,
          AppendRequest.of("Subject: too big\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
      imap.enqueue(MockImapResponse.ok("done", "* STATUS INBOX (APPENDLIMIT 5000 MESSAGES 1)"),
          MockImapResponse.ok("done", "* STATUS Drafts (APPENDLIMIT NIL)"), MockImapResponse.ok("[APPENDUID 1 2] ok"));
      assertEquals(5000, s.status(MailboxName.INBOX, MailboxStatus.StatusItem.APPENDLIMIT,
          MailboxStatus.StatusItem.MESSAGES).await().appendLimit().getAsLong());
      assertTrue(s.status(MailboxName.of("Drafts"), MailboxStatus.StatusItem.APPENDLIMIT).await().appendLimit()
          .isEmpty());
      s.append(MailboxName.INBOX, AppendRequest.of("x\r\n".getBytes(StandardCharsets.US_ASCII))).await();
      imap.takeImapCommand();
      assertEquals("STATUS Drafts (APPENDLIMIT)", imap.takeImapCommand().command());
    }
  }

  @Test
  void extensionsAreCapabilityGated() throws Exception {
    try (ImapSession s = selected(Imap.CAPS)) {
      byte[] m = "x\r\n".getBytes(StandardCharsets.US_ASCII);
      assertThrows(IllegalStateException.class, () -> s.append(MailboxName.INBOX,
          List.of(AppendRequest.of(m), AppendRequest.of(m))));
      assertThrows(IllegalStateException.class, () -> s.append(MailboxName.INBOX, AppendRequest.of(m).asBinary()));
      for (FetchItem item : List.of(FetchItem.binary("1", true), FetchItem.binarySize("1"), FetchItem.PREVIEW,
          FetchItem.SAVEDATE, FetchItem.EMAILID)) {
        assertThrows(IllegalStateException.class, () -> s.fetch(UidSet.all(), FetchSpec.builder().item(item).build()),
            item.wire());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> FetchItem.binary("1.x", true));
  }
}
