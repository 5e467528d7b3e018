package dev.mailroom.mime.codec;

import static dev.mailroom.mime.codec.Streams.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ContentAnalysisTest {
  @Test
  void countsEveryClassOfByte() {
    ContentAnalysis a = ContentAnalysis.of(ascii("ab\r\nc\u00e9\u00ff\0\u0001\nxyz\rq\r"));
    assertEquals(16, a.size());
    assertEquals(2, a.nonAscii());
    assertEquals(2, a.controls());
    assertEquals(1, a.nuls());
    assertEquals(1, a.bareLfs());
    assertEquals(2, a.bareCrs());
    assertEquals(5, a.maxLineLength());
    assertTrue(a.hasNul() && a.hasBareCr() && a.hasBareLf());
    assertFalse(a.isAscii());
  }

  @Test
  void splitWritesGiveTheSameResult() {
    byte[] data = ascii("line one\r\nline\r\r\n\u00e9\n\0 end\r");
    ContentAnalysis whole = ContentAnalysis.of(data);
    for (int split = 0; split <= data.length; split++) {
      ContentAnalysis.Analyzer a = ContentAnalysis.analyzer();
      a.write(data, 0, split);
      a.write(data, split, data.length - split);
      assertEquals(whole, a.result(), "split at " + split);
    }
  }

  @Test
  void suggestsSevenBitForShortAsciiText() {
    ContentAnalysis a = ContentAnalysis.of(ascii("Hello\nworld\n"));
    assertEquals(TransferEncoding.SEVEN_BIT, a.suggest(EncodeMode.TEXT, false));
    // As binary data the bare LFs would be changed by 7bit's CRLF canonicalisation.
    assertEquals(TransferEncoding.BASE64, a.suggest(EncodeMode.BINARY, false));
    assertEquals(TransferEncoding.SEVEN_BIT,
        ContentAnalysis.of(ascii("Hello\r\nworld\r\n")).suggest(EncodeMode.BINARY, false));
  }

  @Test
  void suggestsQuotedPrintableOrEightBitForMostlyAsciiText() {
    ContentAnalysis a = ContentAnalysis.of(ascii("Gr\u00fc\u00dfe aus K\u00f6ln, bis bald!\r\n"));
    assertEquals(TransferEncoding.QUOTED_PRINTABLE, a.suggest(EncodeMode.TEXT, false));
    assertEquals(TransferEncoding.EIGHT_BIT, a.suggest(EncodeMode.TEXT, true));
  }

  @Test
  void suggestsBase64ForMostlyNonAscii() {
    byte[] data = new byte[300];
    new java.util.Random(3).nextBytes(data);
    ContentAnalysis a = ContentAnalysis.of(data);
    assertEquals(TransferEncoding.BASE64, a.suggest(EncodeMode.TEXT, true));
    assertEquals(TransferEncoding.BASE64, a.suggest(EncodeMode.BINARY, true));
  }

  @Test
  void longLinesRuleOutSevenBit() throws IOException {
    ContentAnalysis a = ContentAnalysis.of(new ByteArrayInputStream(ascii("x".repeat(999))));
    assertEquals(999, a.maxLineLength());
    assertFalse(a.isSevenBit());
    assertEquals(TransferEncoding.QUOTED_PRINTABLE, a.suggest(EncodeMode.TEXT, true));
    assertTrue(ContentAnalysis.of(ascii("x".repeat(998))).isSevenBit());
  }

  @Test
  void nulRulesOutEightBit() {
    ContentAnalysis a = ContentAnalysis.of(ascii("abc\0def\r\n"));
    assertFalse(a.isEightBit());
    assertEquals(TransferEncoding.QUOTED_PRINTABLE, a.suggest(EncodeMode.TEXT, true));
  }

  @Test
  void emptyIsSevenBit() {
    ContentAnalysis a = ContentAnalysis.of(new byte[0]);
    assertEquals(0.0, a.nonAsciiFraction());
    assertEquals(TransferEncoding.SEVEN_BIT, a.suggest(EncodeMode.BINARY, false));
  }
}
