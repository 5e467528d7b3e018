package dev.mailroom.client.internal.transport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mailroom.client.Limits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dot-stuffing cannot smuggle (SECURITY.md S05, S06, S07): exhaustively over short bodies made of CR, LF, dot and a
 * letter, and by a property test over random long bodies written in random pieces. The oracle: the wire has CRLF
 * line endings only, exactly one terminator and only at the end, and un-stuffing it gives back the body with its
 * line endings normalised.
 */
class DotStuffingOutputStreamTest {
  private static final byte[] ALPHABET = {'\r', '\n', '.', 'a'};

  @Test
  void everyBodyUpToEightBytesOfCrLfDotAndLetter() throws Exception {
    for (int length = 0; length <= 8; length++) {
      int combinations = 1 << (2 * length);
      for (int n = 0; n < combinations; n++) {
        byte[] body = new byte[length];
        for (int i = 0, v = n; i < length; i++, v >>= 2) {
          body[i] = ALPHABET[v & 3];
        }
        check(body, stuffWholeAndByteByByte(body));
      }
    }
  }

  @Test
  void randomBodiesWrittenInRandomPieces() throws Exception {
    SplittableRandom random = new SplittableRandom(20261123);
    byte[] alphabet = {'\r', '\n', '.', 'a', 'b', ' ', (byte) 0xc3, 0};
    for (int round = 0; round < 2_000; round++) {
      byte[] body = new byte[random.nextInt(0, 3000)];
      for (int i = 0; i < body.length; i++) {
        body[i] = alphabet[random.nextInt(alphabet.length)];
      }
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      try (OutputStream out = new DotStuffingOutputStream(wire)) {
        int pos = 0;
        while (pos < body.length) {
          int n = Math.min(body.length - pos, random.nextInt(1, 64));
          out.write(body, pos, n);
          pos += n;
        }
      }
      check(body, wire.toByteArray());
    }
  }

  @Test
  void knownSmugglingBodiesS06() throws Exception {
    String[] bodies = {"a\n.\nb", "a\n.\r\nb", "a\r.\rb", "a\r\n.\rb", "a\r\n.\nb", "x\r\n.\r\nMAIL FROM:<e@x>\r\n"};
    for (String body : bodies) {
      byte[] wire = stuffWholeAndByteByByte(body.getBytes(ISO_8859_1));
      check(body.getBytes(ISO_8859_1), wire);
    }
    assertEquals("x\r\n..\r\nMAIL FROM:<e@x>\r\n.\r\n",
        new String(stuffWholeAndByteByByte("x\r\n.\r\nMAIL FROM:<e@x>\r\n".getBytes(ISO_8859_1)), ISO_8859_1));
  }

  @Test
  void missingFinalLineEndingIsAddedS07() throws Exception {
    assertEquals("text\r\n.\r\n", new String(stuffWholeAndByteByByte("text".getBytes(ISO_8859_1)), ISO_8859_1));
    assertEquals("text\r\n.\r\n", new String(stuffWholeAndByteByByte("text\r\n".getBytes(ISO_8859_1)), ISO_8859_1));
    assertEquals(".\r\n", new String(stuffWholeAndByteByByte(new byte[0]), ISO_8859_1));
  }

  @Test
  void leadingDotsAtStartMiddleAndEndS05() throws Exception {
    assertEquals("..\r\n..x\r\na\r\n...\r\n..\r\n.\r\n",
        new String(stuffWholeAndByteByByte(".\r\n.x\r\na\r\n..\r\n.".getBytes(ISO_8859_1)), ISO_8859_1));
  }

  @Test
  void closeIsIdempotentAndDoesNotCloseTheConnection() throws Exception {
    boolean[] closed = {false};
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream underlying = new OutputStream() {
      @Override
      public void write(int b) {
        sink.write(b);
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    DotStuffingOutputStream out = new DotStuffingOutputStream(underlying);
    out.write("hi".getBytes(ISO_8859_1));
    out.close();
    out.close();
    assertEquals("hi\r\n.\r\n", sink.toString(ISO_8859_1));
    assertTrue(!closed[0]);
    try {
      out.write('x');
      fail("write after close");
    } catch (IOException expected) {
      // the body is finished
    }
  }

  private static byte[] stuffWholeAndByteByByte(byte[] body) throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream out = new DotStuffingOutputStream(whole)) {
      out.write(body);
    }
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    try (OutputStream out = new DotStuffingOutputStream(single)) {
      for (byte b : body) {
        out.write(b);
      }
    }
    assertEquals(whole.toString(ISO_8859_1), single.toString(ISO_8859_1), "same output whatever the write sizes");
    return whole.toByteArray();
  }

  private static void check(byte[] body, byte[] wire) throws IOException {
    String w = new String(wire, ISO_8859_1);
    String shown = w.replace("\r", "\\r").replace("\n", "\\n");
    for (int i = 0; i < wire.length; i++) {
      if (wire[i] == '\n' && (i == 0 || wire[i - 1] != '\r')) {
        fail("bare LF at " + i + " in " + shown);
      }
      if (wire[i] == '\r' && (i + 1 == wire.length || wire[i + 1] != '\n')) {
        fail("bare CR at " + i + " in " + shown);
      }
    }
    assertTrue(w.equals(".\r\n") || w.endsWith("\r\n.\r\n"), "ends with exactly one terminator: " + shown);
    int first = w.startsWith(".\r\n") ? 0 : w.indexOf("\r\n.\r\n") + 2;
    assertEquals(wire.length - 3, first, "no terminator before the end: " + shown);
    try (InputStream in = ProtocolInput.of(new ByteArrayInputStream(wire), Limits.defaults())
        .readDotTerminated(Long.MAX_VALUE)) {
      assertEquals(normalised(body), new String(in.readAllBytes(), ISO_8859_1), shown);
    }
  }

  /** The body as the receiver must see it: every CRLF, bare CR and bare LF a CRLF, and a final CRLF. */
  private static String normalised(byte[] body) {
    String s = new String(body, ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    return s.isEmpty() || s.endsWith("\r\n") ? s : s + "\r\n";
  }
}
