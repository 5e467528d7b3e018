package dev.mailroom.mime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The body scanner: the word-at-a-time dash search, and what it releases before deciding on a delimiter. */
class BodyScannerTest {
  @Test
  void dashSearchAgreesWithAByteLoop() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        int r = random.nextInt(10);
        b[i] = (byte) (r == 0 ? '-' : r == 1 ? '-' + 1 : r == 2 ? '-' - 1 : r == 3 ? 0xAD : random.nextInt(256));
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      int limit = from + (b.length == from ? 0 : random.nextInt(b.length - from + 1));
      int expected = from;
      while (expected < limit && b[expected] != '-') {
        expected++;
      }
      assertEquals(expected, BodyScanner.indexOfDash(b, from, limit), "round " + round);
    }
  }

  @Test
  void holdsBackOnlyWhatCouldStartADelimiter() throws IOException {
    BoundaryStack<String> stack = new BoundaryStack<>();
    stack.push("bnd".getBytes(StandardCharsets.US_ASCII), "m");
    byte[] input = ("x".repeat(InputWindow.MIN_CAPACITY - 4) + "\r\n--bnd\r\n").getBytes(StandardCharsets.US_ASCII);
    InputWindow window = InputWindow.of(new ByteArrayInputStream(input), InputWindow.MIN_CAPACITY);
    BodyScanner<String> scanner = new BodyScanner<>(window, stack);
    scanner.begin();
    int first = scanner.available();
    assertEquals(InputWindow.MIN_CAPACITY - 4, first, "the CRLF and the undecided -- wait for more input");
    scanner.consume(first);
    assertEquals(0, scanner.available());
    assertEquals(true, scanner.matched());
    assertEquals("m", scanner.owner());
    assertEquals(input.length, scanner.delimiterEnd());
  }

  @Test
  void theEndOfTheInputEndsTheBody() throws IOException {
    BoundaryStack<String> stack = new BoundaryStack<>();
    stack.push("b".getBytes(StandardCharsets.US_ASCII), "m");
    InputWindow window = InputWindow.of("tail\r\n-".getBytes(StandardCharsets.US_ASCII));
    BodyScanner<String> scanner = new BodyScanner<>(window, stack);
    scanner.begin();
    assertEquals(7, scanner.available());
    scanner.consume(7);
    assertEquals(0, scanner.available());
    assertEquals(false, scanner.matched());
  }
}
