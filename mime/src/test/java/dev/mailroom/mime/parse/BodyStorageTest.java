package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimeParseException;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.internal.ArrayRangeBody;
import dev.mailroom.mime.internal.ChunkedBody;
import dev.mailroom.mime.internal.FileRangeBody;
import dev.mailroom.mime.internal.SpooledFileBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where parsed bodies live: memory, spool files (and when those are deleted), ranges of a file or array. */
class BodyStorageTest {
  @TempDir
  Path dir;

  private static byte[] withBody(int size) {
    return crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nsmall\n--b\nContent-Type: application/x\n\n"
        + "z".repeat(size) + "\n--b--\n");
  }

  private long spoolFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void inMemoryKeepsEveryBodyInMemory() throws IOException {
    byte[] input = withBody(200_000);
    MimeMessage message = MimeMessage.parse(new ByteArrayInputStream(input), ParseOptions.inMemory());
    for (MimePart leaf : Messages.leaves(message)) {
      assertTrue(leaf.body() instanceof ChunkedBody, leaf.body().toString());
    }
    assertEquals(200_000, Messages.leaves(message).get(1).body().rawSize().getAsLong());
    assertArrayEquals(input, message.toByteArray());
  }

  @Test
  void largeBodiesAreSpooledAndTheFileGoesWithTheBody() throws Exception {
    byte[] input = withBody(3 * 1024 * 1024);
    MimeMessage message = MimeMessage.parse(new ByteArrayInputStream(input),
        ParseOptions.defaults().withSpoolDirectory(dir));
    List<MimePart> leaves = Messages.leaves(message);
    assertTrue(leaves.get(0).body() instanceof ChunkedBody, "small body stays in memory");
    SpooledFileBody spooled = (SpooledFileBody) leaves.get(1).body();
    assertEquals(dir, spooled.file().getParent());
    assertEquals(3 * 1024 * 1024, Files.size(spooled.file()));
    assertArrayEquals(input, message.toByteArray());
    assertEquals(1, spoolFiles());
    InputStream open = leaves.get(1).openRaw();
    message = null;
    leaves = null;
    spooled = null;
    gcUntil(() -> false, 3);
    assertEquals(1, spoolFiles(), "an open stream keeps the body, and its file, alive");
    assertEquals(3 * 1024 * 1024, open.readAllBytes().length);
    open.close();
    open = null;
    assertTrue(gcUntil(() -> spoolFiles() == 0, 200), "the cleaner deletes the spool file");
  }

  @Test
  void aFailedParseDeletesItsSpoolFiles() throws IOException {
    byte[] big = withBody(2 * 1024 * 1024);
    byte[] input = new byte[big.length + 2000 * 6];
    System.arraycopy(big, 0, input, 0, big.length - "--b--\r\n".length());
    int at = big.length - "--b--\r\n".length();
    for (int i = 0; i < 2000; i++) {
      System.arraycopy(crlf("--b\n"), 0, input, at, 5);
      at += 5;
    }
    ParseOptions options = ParseOptions.defaults().withSpoolDirectory(dir)
        .withSpoolThreshold(1024).withLimits(ParserLimits.defaults().withMaxParts(100));
    byte[] cut = java.util.Arrays.copyOf(input, at);
    assertThrows(MimeParseException.class, () -> MimeMessage.parse(new ByteArrayInputStream(cut), options));
    assertTrue(gcUntil(() -> spoolFiles() == 0, 200), "spool files of a failed parse are deleted");
  }

  @Test
  void aFailingSourceFailsTheParseAndDeletesItsSpoolFiles() throws IOException {
    byte[] input = withBody(2 * 1024 * 1024);
    InputStream failing = new java.io.FilterInputStream(new ByteArrayInputStream(input)) {
      private long left = 1_500_000;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          throw new IOException("connection reset");
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        left -= Math.max(n, 0);
        return n;
      }
    };
    IOException e = assertThrows(IOException.class, () -> MimeMessage.parse(failing,
        ParseOptions.defaults().withSpoolDirectory(dir).withSpoolThreshold(1024)));
    assertEquals("connection reset", e.getMessage());
    assertEquals(0, spoolFiles(), "the half-written spool file is deleted at once");
  }

  @Test
  void aFileIsReferencedNotCopied() throws IOException {
    byte[] input = withBody(100_000);
    Path file = dir.resolve("m.eml");
    Files.write(file, input);
    MimeMessage message = MimeMessage.parse(file, ParseOptions.defaults());
    List<MimePart> leaves = Messages.leaves(message);
    assertTrue(leaves.get(1).body() instanceof FileRangeBody, leaves.get(1).body().toString());
    assertEquals("small", Messages.decoded(leaves.get(0)));
    assertArrayEquals(input, message.toByteArray());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(100);
    }
    assertThrows(IOException.class, () -> leaves.get(1).openRaw().readAllBytes(), "the file changed under it");
  }

  @Test
  void aByteArrayIsCopiedOnce() throws IOException {
    byte[] input = withBody(10);
    byte[] original = input.clone();
    MimeMessage message = MimeMessage.parse(input);
    assertTrue(Messages.leaves(message).get(1).body() instanceof ArrayRangeBody);
    java.util.Arrays.fill(input, (byte) 'X');
    assertArrayEquals(original, message.toByteArray(), "the caller's array may change afterwards");
  }

  @Test
  void bodiesCanBeOpenedAgainAndAgain() throws IOException {
    byte[] input = withBody(300_000);
    MimeMessage message = MimeMessage.parse(new ByteArrayInputStream(input), ParseOptions.defaults()
        .withSpoolDirectory(dir).withSpoolThreshold(1000));
    MimePart part = Messages.leaves(message).get(1);
    for (int i = 0; i < 3; i++) {
      try (InputStream in = part.openRaw()) {
        assertEquals(300_000, in.readAllBytes().length);
      }
    }
    assertFalse(part.body().rawSize().isEmpty());
  }

  interface Check {
    boolean ok() throws IOException;
  }

  private static boolean gcUntil(Check check, int rounds) throws IOException {
    for (int i = 0; i < rounds; i++) {
      if (check.ok()) {
        return true;
      }
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return check.ok();
  }
}
