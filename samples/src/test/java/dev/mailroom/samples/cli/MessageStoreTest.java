package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores and the state file of {@code mailroom fetch}, without a server. */
class MessageStoreTest {
  @TempDir Path dir;

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void theSameIdentityGivesTheSameMaildirFileAndAReadMessageIsNotWrittenAgain() throws Exception {
    Path maildir = dir.resolve("md");
    MessageStore store = MessageStore.open("maildir:" + maildir, OptionalLong.empty());
    store.store("imap://bob@h/INBOX;UIDVALIDITY=1;UID=1", text("Subject: a\r\n\r\nfirst\r\n"));
    store.store("imap://bob@h/INBOX;UIDVALIDITY=1;UID=1", text("Subject: a\r\n\r\nsecond\r\n"));
    List<Path> files;
    try (var list = Files.list(maildir.resolve("new"))) {
      files = list.toList();
    }
    assertEquals(1, files.size());
    String name = files.get(0).getFileName().toString();
    assertTrue(name.matches("[0-9a-f]{32}\\.mailroom"), name);
    assertEquals("Subject: a\r\n\r\nsecond\r\n", Files.readString(files.get(0)));
    // a mail reader moved it to cur/ and marked it seen: a re-run must not bring it back into new/
    Files.move(files.get(0), maildir.resolve("cur/" + name + ":2,S"));
    MessageStore again = MessageStore.open("maildir:" + maildir, OptionalLong.empty());
    assertEquals("Subject: a\r\n\r\nthird\r\n".length(),
        again.store("imap://bob@h/INBOX;UIDVALIDITY=1;UID=1", text("Subject: a\r\n\r\nthird\r\n")));
    try (var list = Files.list(maildir.resolve("new"))) {
      assertEquals(0, list.count());
    }
  }

  @Test
  void uidsNeverBecomePaths() throws Exception {
    Path eml = dir.resolve("eml");
    MessageStore store = MessageStore.open("eml:" + eml, OptionalLong.empty());
    store.store("pop3://bob@h;UIDL=../../etc/passwd", text("x\r\n"));
    try (var list = Files.list(eml)) {
      List<String> names = list.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size());
      assertTrue(names.get(0).matches("[0-9a-f]{32}\\.eml"), names.toString());
    }
  }

  @Test
  void mboxrdQuotingAndLineEnds() throws Exception {
    Path mbox = dir.resolve("box");
    MessageStore store = MessageStore.open("mbox:" + mbox, OptionalLong.empty());
    store.store("a", text("Subject: q\r\n\r\nFrom me\r\n>From you\r\nFromage\r\nno newline at the end"));
    String text = Files.readString(mbox);
    assertTrue(text.startsWith("From mailroom "), text);
    assertTrue(text.endsWith("\nSubject: q\n\n>From me\n>>From you\nFromage\nno newline at the end\n\n"), text);
    assertTrue(MboxStore.isFromLine("From x".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(MboxStore.isFromLine(">>From ".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(!MboxStore.isFromLine("From".getBytes(StandardCharsets.US_ASCII)));
    store.close();
  }

  @Test
  void anMboxIsTruncatedToTheRecordedLengthAndAShorterOneIsRefused() throws Exception {
    Path mbox = dir.resolve("box");
    MessageStore store = MessageStore.open("mbox:" + mbox, OptionalLong.empty());
    store.store("a", text("Subject: 1\r\n\r\none\r\n"));
    long length = store.length().getAsLong();
    store.store("b", text("Subject: 2\r\n\r\ntwo\r\n"));
    store.close();
    MessageStore reopened = MessageStore.open("mbox:" + mbox, OptionalLong.of(length));
    assertEquals(length, Files.size(mbox));
    reopened.close();
    IOException e = assertThrows(IOException.class,
        () -> MessageStore.open("mbox:" + mbox, OptionalLong.of(length + 1)));
    assertTrue(e.getMessage().contains("changed outside mailroom fetch"), e.getMessage());
  }

  @Test
  void aFailedAppendLeavesNoHalfMessage() throws Exception {
    Path mbox = dir.resolve("box");
    MessageStore store = MessageStore.open("mbox:" + mbox, OptionalLong.empty());
    store.store("a", text("Subject: 1\r\n\r\none\r\n"));
    long length = Files.size(mbox);
    InputStream broken = new InputStream() {
      int n;

      @Override
      public int read() throws IOException {
        if (n++ > 100) {
          throw new IOException("connection lost");
        }
        return 'x';
      }
    };
    assertThrows(IOException.class, () -> store.store("b", broken));
    assertEquals(length, Files.size(mbox));
    store.close();
  }

  @Test
  void theStateFileRoundTrips() throws Exception {
    Path file = dir.resolve("state");
    try (FetchState state = FetchState.open(file, "imap://bob@h/INBOX")) {
      state.uidValidity = 42;
      state.lastUid = 7;
      state.pending.addAll(List.of(6L, 7L));
      state.mboxLength = OptionalLong.of(1234);
      state.save();
    }
    assertEquals("mailroom-fetch-state 1\nsource imap://bob@h/INBOX\nuidvalidity 42\nlast-uid 7\npending 6 7\n"
        + "mbox-length 1234\n", Files.readString(file));
    try (FetchState state = FetchState.open(file, "imap://bob@h/INBOX")) {
      assertEquals(7, state.lastUid);
      assertEquals(List.of(6L, 7L), List.copyOf(state.pending));
    }
    Files.writeString(file, "mailroom-fetch-state 1\nlast-uid seven\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FetchState.open(file, "imap://bob@h/INBOX"));
    assertTrue(e.getMessage().contains("not a number"), e.getMessage());
    Files.writeString(file, "{\"json\": true}\n");
    assertThrows(IllegalArgumentException.class, () -> FetchState.open(file, "imap://bob@h/INBOX"));
  }

  @Test
  void durableWritesReplaceAtomically() throws Exception {
    Path target = dir.resolve("t");
    DurableFiles.write(dir.resolve("t.tmp"), target, "one".getBytes(StandardCharsets.US_ASCII));
    DurableFiles.write(dir.resolve("t.tmp"), target, "two".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals("two".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(target));
    assertTrue(Files.notExists(dir.resolve("t.tmp")));
  }
}
