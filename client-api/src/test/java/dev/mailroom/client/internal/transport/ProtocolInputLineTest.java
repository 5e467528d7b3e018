package dev.mailroom.client.internal.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict, bounded line reading, fed whole, one byte at a time and split at every offset. */
class ProtocolInputLineTest {
  private static final Limits LIMITS = Limits.defaults();

  private static List<String> readAllLines(InputStream in) throws Exception {
    ProtocolInput input = ProtocolInput.of(in, LIMITS);
    List<String> lines = new ArrayList<>();
    while (true) {
      try {
        lines.add(new String(input.readLine(), UTF_8));
      } catch (MailProtocolException e) {
        if (e.getMessage().equals("connection closed by the server")) {
          return lines;
        }
        throw e;
      }
    }
  }

  @Test
  void readsCrlfLinesUnderEverySegmentation() throws Exception {
    byte[] wire = "* OK ready\r\nA1 OK done\r\n\r\n250-x y\r\n250 ok\r\n".getBytes(US_ASCII);
    for (InputStream in : Chunked.everySegmentation(wire)) {
      assertEquals(List.of("* OK ready", "A1 OK done", "", "250-x y", "250 ok"), readAllLines(in));
    }
  }

  @Test
  void keepsUtf8AndEightBitBytesIntact() throws Exception {
    byte[] wire = "+OK grüße \u00ff\r\n".getBytes(UTF_8);
    for (InputStream in : Chunked.everySegmentation(wire)) {
      assertArrayEquals("+OK grüße \u00ff".getBytes(UTF_8), ProtocolInput.of(in, LIMITS).readLine());
    }
  }

  @Test
  void bareLfIsAProtocolErrorUnderEverySegmentation() {
    byte[] wire = "250 ok\n250 next\r\n".getBytes(US_ASCII); // SECURITY.md S12
    for (InputStream in : Chunked.everySegmentation(wire)) {
      MailProtocolException e = assertThrows(MailProtocolException.class, () -> ProtocolInput.of(in, LIMITS).readLine());
      assertTrue(e.getMessage().startsWith("bare LF"), e.getMessage());
    }
  }

  @Test
  void lfAtTheVeryStartIsABareLf() {
    assertThrows(MailProtocolException.class,
        () -> ProtocolInput.of("\n".getBytes(US_ASCII), LIMITS).readLine());
  }

  @Test
  void bareCrInsideALineIsAProtocolError() {
    byte[] wire = "250 o\rk\r\n".getBytes(US_ASCII);
    for (InputStream in : Chunked.everySegmentation(wire)) {
      MailProtocolException e = assertThrows(MailProtocolException.class, () -> ProtocolInput.of(in, LIMITS).readLine());
      assertTrue(e.getMessage().startsWith("bare CR"), e.getMessage());
    }
  }

  @Test
  void lineOfExactlyTheLimitIsAcceptedAndOneMoreIsNot() throws Exception {
    byte[] ok = ("x".repeat(100) + "\r\n").getBytes(US_ASCII);
    assertEquals(100, ProtocolInput.of(ok, LIMITS).readLine(100).length);
    byte[] tooLong = ("x".repeat(101) + "\r\n").getBytes(US_ASCII);
    for (InputStream in : Chunked.everySegmentation(tooLong)) {
      MailProtocolException e = assertThrows(MailProtocolException.class,
          () -> ProtocolInput.of(in, LIMITS).readLine(100));
      assertTrue(e.getMessage().startsWith("line longer than 100 bytes"), e.getMessage());
    }
  }

  @Test
  void overLongLineFailsWithoutReadingItAll() {
    // A server that sends a line that never ends: the reader gives up at the limit, it does not buffer forever.
    InputStream endless = new InputStream() {
      long served;

      @Override
      public int read() {
        served++;
        if (served > 10_000_000) {
          throw new AssertionError("read far past the limit");
        }
        return 'x';
      }
    };
    assertThrows(MailProtocolException.class, () -> ProtocolInput.of(endless, LIMITS).readLine(1000));
  }

  @Test
  void endOfStreamInTheMiddleOfALineIsReported() {
    MailProtocolException e = assertThrows(MailProtocolException.class,
        () -> ProtocolInput.of("250 trunc".getBytes(US_ASCII), LIMITS).readLine());
    assertTrue(e.getMessage().contains("middle of a line"), e.getMessage());
  }

  @Test
  void crAtEndOfStreamIsTruncationNotALine() {
    assertThrows(MailProtocolException.class,
        () -> ProtocolInput.of("250 ok\r".getBytes(US_ASCII), LIMITS).readLine());
  }

  @Test
  void errorMessagesEscapeControlCharacters() {
    MailProtocolException e = assertThrows(MailProtocolException.class,
        () -> ProtocolInput.of("+OK \u001b[31mred\n".getBytes(US_ASCII), LIMITS).readLine());
    assertTrue(e.getMessage().contains("\\x1B[31mred\\n"), e.getMessage());
  }

  @Test
  void readExactlyAndCountedStreamsKeepFraming() throws Exception {
    byte[] wire = "{5}\r\nhello world\r\nnext\r\n".getBytes(US_ASCII);
    for (InputStream in : Chunked.everySegmentation(wire)) {
      ProtocolInput input = ProtocolInput.of(in, LIMITS);
      assertEquals("{5}", new String(input.readLine(), US_ASCII));
      assertEquals("hello", new String(input.readExactly(5), US_ASCII));
      try (InputStream counted = input.readCounted(6)) {
        assertEquals(' ', counted.read()); // read one byte, leave the rest for close() to skip
      }
      assertEquals("", new String(input.readLine(), US_ASCII)); // the CRLF after "world"
      assertEquals("next", new String(input.readLine(), US_ASCII));
    }
  }

  @Test
  void countedStreamReadsExactlyItsBytes() throws Exception {
    byte[] wire = "0123456789rest\r\n".getBytes(US_ASCII);
    ProtocolInput input = ProtocolInput.of(Chunked.oneByteAtATime(wire), LIMITS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream counted = input.readCounted(10)) {
      counted.transferTo(out);
    }
    assertEquals("0123456789", out.toString(US_ASCII));
    assertEquals("rest", new String(input.readLine(), US_ASCII));
  }

  @Test
  void countedStreamCutShortIsAProtocolError() {
    ProtocolInput input = ProtocolInput.of("abc".getBytes(US_ASCII), LIMITS);
    assertThrows(MailProtocolException.class, () -> input.readCounted(10).readAllBytes());
  }

  @Test
  void readExactlyRefusesMoreThanTheInMemoryLimit() {
    Limits small = Limits.defaults().withMaxInMemoryBytes(1024);
    ProtocolInput input = ProtocolInput.of(new byte[4096], small);
    assertThrows(MailProtocolException.class, () -> input.readExactly(1025));
  }

  @Test
  void peekDoesNotConsume() throws Exception {
    ProtocolInput input = ProtocolInput.of("+ go\r\n".getBytes(US_ASCII), LIMITS);
    assertEquals('+', input.peekByte());
    assertEquals("+ go", new String(input.readLine(), US_ASCII));
    assertThrows(MailProtocolException.class, input::peekByte);
  }
}
