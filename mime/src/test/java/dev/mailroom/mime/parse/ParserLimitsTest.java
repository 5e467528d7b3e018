package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link ParserLimits} and {@link ParseOptions}: defaults, withers, validation. */
class ParserLimitsTest {
  @Test
  void defaultsAreSafe() {
    ParserLimits d = ParserLimits.defaults();
    assertEquals(new ParserLimits(64, 1000, 256 * 1024, 64 * 1024, 10_000), d);
  }

  @Test
  void withersChangeOneLimit() {
    ParserLimits l = ParserLimits.defaults().withMaxDepth(3).withMaxHeaderCount(4).withMaxHeaderBytes(5)
        .withMaxFieldBytes(6).withMaxParts(7);
    assertEquals(new ParserLimits(3, 4, 5, 6, 7), l);
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ParserLimits.defaults().withMaxDepth(-1));
    assertThrows(IllegalArgumentException.class, () -> ParserLimits.defaults().withMaxParts(0));
    assertThrows(IllegalArgumentException.class, () -> ParserLimits.defaults().withMaxFieldBytes(0));
    assertThrows(IllegalArgumentException.class, () -> ParseOptions.defaults().withSpoolThreshold(-1));
    assertThrows(NullPointerException.class, () -> ParseOptions.defaults().withLimits(null));
  }

  @Test
  void parseOptionsDefaults() {
    assertEquals(ParseOptions.DEFAULT_SPOOL_THRESHOLD, ParseOptions.defaults().spoolThreshold());
    assertNull(ParseOptions.defaults().spoolDirectory());
    assertEquals(Long.MAX_VALUE, ParseOptions.inMemory().spoolThreshold());
    assertEquals(ParserLimits.defaults(), ParseOptions.inMemory().limits());
  }
}
