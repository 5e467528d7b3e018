package dev.mailroom.mime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 2046 §5.1.1 delimiter lines, immediate then parent boundaries, and when more input is needed. */
class BoundaryStackTest {
  private static BoundaryStack<String> stack(String... boundaries) {
    BoundaryStack<String> s = new BoundaryStack<>();
    for (String b : boundaries) {
      s.push(b.getBytes(StandardCharsets.US_ASCII), b);
    }
    return s;
  }

  private static int match(BoundaryStack<String> s, String line, boolean eof) {
    byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
    return s.match(b, 0, b.length, eof);
  }

  @Test
  void delimiterAndCloseDelimiter() {
    BoundaryStack<String> s = stack("b");
    assertEquals(BoundaryStack.MATCH, match(s, "--b\r\nx", false));
    assertEquals(false, s.matchedClose());
    assertEquals(5, s.matchedEnd());
    assertEquals(BoundaryStack.MATCH, match(s, "--b--\r\n", false));
    assertEquals(true, s.matchedClose());
    assertEquals(BoundaryStack.MATCH, match(s, "--b-- \t\nx", false));
    assertEquals(true, s.matchedBareEnding());
  }

  @Test
  void prefixesAreNotDelimiters() {
    BoundaryStack<String> s = stack("b");
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--bb\r\n", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--b-\r\n", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--b--x\r\n", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--b x\r\n", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "-b\r\n", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--c\r\n", false));
  }

  @Test
  void immediateFirstThenParents() {
    BoundaryStack<String> s = stack("b", "bb");
    assertEquals(BoundaryStack.MATCH, match(s, "--bb\r\n", false));
    assertEquals("bb", s.matchedOwner());
    assertEquals(BoundaryStack.MATCH, match(s, "--b\r\n", false));
    assertEquals("b", s.matchedOwner());
    BoundaryStack<String> same = stack("x", "x");
    same.push("x".getBytes(StandardCharsets.US_ASCII), "inner");
    assertEquals(BoundaryStack.MATCH, match(same, "--x\r\n", false));
    assertEquals("inner", same.matchedOwner());
  }

  @Test
  void needsMoreOnlyBeforeTheEnd() {
    BoundaryStack<String> s = stack("boundary");
    assertEquals(BoundaryStack.NEED_MORE, match(s, "--boun", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--boun", true));
    assertEquals(BoundaryStack.NEED_MORE, match(s, "--boundary", false));
    assertEquals(BoundaryStack.MATCH, match(s, "--boundary", true), "a delimiter at the end of the input");
    assertEquals(BoundaryStack.NEED_MORE, match(s, "--boundary-", false));
    assertEquals(BoundaryStack.NEED_MORE, match(s, "--boundary  ", false));
    assertEquals(BoundaryStack.NEED_MORE, match(s, "--boundary\r", false), "CRLF or a bare CR?");
    assertEquals(BoundaryStack.MATCH, match(s, "--boundary\r", true));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--bouX", false), "a mismatch is known at once");
  }

  @Test
  void paddingIsBounded() {
    BoundaryStack<String> s = stack("b");
    assertEquals(BoundaryStack.MATCH, match(s, "--b" + " ".repeat(BoundaryStack.MAX_PADDING) + "\r\n", false));
    assertEquals(BoundaryStack.NO_MATCH, match(s, "--b" + " ".repeat(BoundaryStack.MAX_PADDING + 1) + "\r\n", false));
  }

  @Test
  void badBoundariesAreRefused() {
    BoundaryStack<String> s = new BoundaryStack<>();
    assertThrows(IllegalArgumentException.class, () -> s.push(new byte[0], "x"));
    assertThrows(IllegalArgumentException.class, () -> s.push("a\r\nb".getBytes(StandardCharsets.US_ASCII), "x"));
    assertThrows(IllegalArgumentException.class,
        () -> s.push(new byte[BoundaryStack.MAX_BOUNDARY_LENGTH + 1], "x"));
  }
}
