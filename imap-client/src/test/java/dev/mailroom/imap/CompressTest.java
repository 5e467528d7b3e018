package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** COMPRESS=DEFLATE (RFC 4978) and SECURITY.md I28. */
class CompressTest {
  static final String CAPS = Imap.CAPS + " COMPRESS=DEFLATE";

  @StartStop final MockImapServer imap = new MockImapServer();

  static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    d.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buf, 0, n);
    }
    d.end();
    return out.toByteArray();
  }

  @Test
  void commandsAndLiteralsFlowCompressedBothWays() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      imap.enqueue(MockImapResponse.ok("DEFLATE active").thenCompress(), Imap.selected(1, 9),
          MockImapResponse.raw("* 1 FETCH (UID 4 BODY[] {11}\r\nhello world)\r\n$tag OK done\r\n"
              .getBytes(StandardCharsets.US_ASCII)));
      s.compress().await();
      assertEquals("COMPRESS DEFLATE", imap.takeImapCommand().command());
      s.select(MailboxName.INBOX).await();
      assertEquals("SELECT INBOX", imap.takeImapCommand().command(), "the server inflated the command");
      byte[] body = s.fetch(UidSet.of(4), FetchSpec.builder().body(BodySection.whole()).build()).await().get(0)
          .body(BodySection.whole()).orElseThrow();
      assertArrayEquals("hello world".getBytes(StandardCharsets.US_ASCII), body);
      imap.takeImapCommand();
      assertThrows(IllegalStateException.class, s::compress, "COMPRESSIONACTIVE");
    }
  }

  @Test
  @DisplayName("RFC 4978 §3: compressed bytes already buffered behind the OK are inflated, not read as text")
  void bytesRightAfterTheOkAreCompressed() throws Exception {
    try (ImapSession s = Imap.connect(imap, CAPS)) {
      byte[] ok = "$tag OK go\r\n".getBytes(StandardCharsets.US_ASCII);
      byte[] more = deflate("* OK [ALERT] compressed hello\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] both = Arrays.copyOf(ok, ok.length + more.length);
      System.arraycopy(more, 0, both, ok.length, more.length);
      imap.enqueue(MockImapResponse.raw(both).thenCompress(), MockImapResponse.ok("done"));
      s.compress().await();
      s.noop().await();
      assertEquals("COMPRESS DEFLATE", imap.takeImapCommand().command());
      assertEquals("NOOP", imap.takeImapCommand().command());
    }
  }

  @Test
  void compressionFromTheClientConfiguration() throws Exception {
    imap.enqueueGreeting(CAPS);
    imap.enqueue(MockImapResponse.ok("LOGIN completed"),
        MockImapResponse.ok("CAPABILITY completed", "* CAPABILITY " + CAPS),
        MockImapResponse.ok("DEFLATE active").thenCompress(), MockImapResponse.ok("done"));
    try (ImapSession s = Imap.plain(imap).compression(true).build().connect()) {
      s.noop().await();
    }
    imap.takeImapCommand();
    imap.takeImapCommand();
    assertEquals("COMPRESS DEFLATE", imap.takeImapCommand().command());
    assertEquals("NOOP", imap.takeImapCommand().command());
  }

  @Test
  @DisplayName("I28: a few KB that inflate to megabytes hit the line limit after inflation, with bounded memory")
  void i28CompressionBomb() throws Exception {
    imap.enqueueGreeting(CAPS);
    imap.enqueue(MockImapResponse.ok("LOGIN completed"),
        MockImapResponse.ok("CAPABILITY completed", "* CAPABILITY " + CAPS));
    byte[] bomb = new byte[16 * 1024 * 1024];
    Arrays.fill(bomb, (byte) 'A');
    bomb[0] = '*';
    bomb[1] = ' ';
    byte[] compressed = deflate(bomb);
    assertTrue(compressed.length < 64 * 1024, "the bomb is small on the wire: " + compressed.length);
    byte[] ok = "$tag OK go\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] reply = Arrays.copyOf(ok, ok.length + compressed.length);
    System.arraycopy(compressed, 0, reply, ok.length, compressed.length);
    imap.enqueue(MockImapResponse.raw(reply));
    Limits small = new Limits(64 * 1024, 1024 * 1024, 1024 * 1024);
    try (ImapSession s = Imap.plain(imap).limits(small).build().connect()) {
      s.compress().await();
      MailProtocolException e = assertThrows(MailProtocolException.class, () -> s.noop().await());
      assertTrue(e.getMessage().toLowerCase().contains("line"), e.getMessage());
    }
  }

  @Test
  void compressIsCapabilityGated() throws Exception {
    try (ImapSession s = Imap.connect(imap, Imap.CAPS)) {
      assertThrows(IllegalStateException.class, s::compress);
    }
  }
}
