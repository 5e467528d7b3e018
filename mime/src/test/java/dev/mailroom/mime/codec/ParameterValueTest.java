package dev.mailroom.mime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValueTest {
  private final List<MimeDefect> defects = new ArrayList<>();

  private ParameterValue.Parsed parse(String s) {
    return ParameterValue.parse(s, defects::add);
  }

  private List<Kind> kinds() {
    return defects.stream().map(MimeDefect::kind).toList();
  }

  @Test
  void tokensQuotedStringsCommentsAndFolding() {
    ParameterValue.Parsed p = parse(
        "text/plain (Plain text); charset=\"ISO-8859-1\" ;\r\n\tformat=flowed (comment);\r\n delsp=\"y\\\"e\\\\s\"");
    assertEquals("text/plain", p.value());
    assertEquals(Map.of("charset", "ISO-8859-1", "format", "flowed", "delsp", "y\"e\\s"), p.parameters());
    assertEquals(List.of(), defects);
    assertFalse(p.unbalancedQuote());
  }

  @Test
  void namesAreCaseInsensitiveAndOrderIsKept() {
    ParameterValue.Parsed p = parse("x; B=2; A=1; Charset=utf-8");
    assertEquals(List.of("b", "a", "charset"), List.copyOf(p.parameters().keySet()));
  }

  /** RFC 2231 §3: continuations. */
  @Test
  void rfc2231Section3Continuations() {
    ParameterValue.Parsed p = parse("message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n"
        + " URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"");
    assertEquals("ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar", p.parameters().get("url"));
    assertEquals("URL", p.parameters().get("access-type"));
    assertEquals(List.of(), defects);
  }

  /** RFC 2231 §4: charset and language. */
  @Test
  void rfc2231Section4CharsetAndLanguage() {
    ParameterValue.Parsed p = parse("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A");
    assertEquals("This is ***fun***", p.parameters().get("title"));
    assertEquals(List.of(), defects);
  }

  /** RFC 2231 §4.1 (with the ';' the published example lacks, see erratum 590). */
  @Test
  void rfc2231Section41Combined() {
    ParameterValue.Parsed p = parse("application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n"
        + " title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\"");
    assertEquals("This is even more ***fun*** isn't it!", p.parameters().get("title"));
    assertEquals(List.of(), defects);
  }

  @Test
  void rfc2231Section41AsPublishedWithoutSemicolons() {
    ParameterValue.Parsed p = parse("application/x-stuff\r\n title*0*=us-ascii'en'This%20is%20even%20more%20\r\n"
        + " title*1*=%2A%2A%2Afun%2A%2A%2A%20\r\n title*2=\"isn't it!\"");
    assertEquals("This is even more ***fun*** isn't it!", p.parameters().get("title"));
    assertTrue(kinds().contains(Kind.MALFORMED_PARAMETER));
  }

  @Test
  void rfc2231MultibyteSplitAcrossSectionsAndOutOfOrder() {
    ParameterValue.Parsed p = parse("attachment; filename*2*=%A9.txt; filename*0*=UTF-8''%C3%A9t%C3;"
        + " filename*1*=%A9%C3");
    assertEquals("\u00e9t\u00e9\u00e9.txt", p.parameters().get("filename"));
    assertEquals(List.of(), defects);
  }

  @Test
  void rfc2231ExtendedWinsOverPlain() {
    ParameterValue.Parsed p = parse("attachment; filename=\"fallback.txt\"; filename*=utf-8''%E2%82%AC.txt");
    assertEquals("\u20ac.txt", p.parameters().get("filename"));
  }

  @Test
  void rfc2231EmptyAndUnknownCharsets() {
    assertEquals("\u00e9", parse("x; a*=''%C3%A9").parameters().get("a"));
    assertEquals(List.of(), defects);
    assertEquals("\u00e9", parse("x; a*=x-nonsense'de'%C3%A9").parameters().get("a"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
  }

  @Test
  void rfc2231IsoLatin1() {
    assertEquals("caf\u00e9", parse("x; a*=iso-8859-1''caf%E9").parameters().get("a"));
  }

  @Test
  void rfc2231BadPercentKeptLiterally() {
    assertEquals("100%!", parse("x; a*=utf-8''100%!").parameters().get("a"));
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), kinds());
  }

  /** SECURITY.md M11: a missing section is tolerated, with a defect. */
  @Test
  void m11MissingSection() {
    ParameterValue.Parsed p = parse("attachment; filename*0=\"a\"; filename*2=\"c\"");
    assertEquals("ac", p.parameters().get("filename"));
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), kinds());
  }

  /** SECURITY.md M11: out-of-order sections are sorted numerically (10 after 9, not after 1). */
  @Test
  void m11SectionsOutOfOrderSortedNumerically() {
    StringBuilder s = new StringBuilder("attachment");
    for (int k = 11; k >= 0; k--) {
      s.append("; filename*").append(k).append("=").append((char) ('a' + k));
    }
    assertEquals("abcdefghijkl", parse(s.toString()).parameters().get("filename"));
    assertEquals(List.of(), defects);
  }

  /** SECURITY.md M11: filename*0..*99999 is bounded, deterministic and linear. */
  @Test
  void m11HundredThousandSections() {
    StringBuilder s = new StringBuilder("attachment");
    for (int k = 0; k < 100_000; k++) {
      s.append("; filename*").append(k).append("=x");
    }
    long start = System.nanoTime();
    ParameterValue.Parsed p = parse(s.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("x".repeat(ParameterValue.MAX_SEGMENTS), p.parameters().get("filename"));
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), kinds());
    assertTrue(millis < 3_000, millis + " ms");
    // the same input gives the same result
    assertEquals(p, ParameterValue.parse(s.toString(), d -> { }));
  }

  @Test
  void m11HugeValuesAreTruncated() {
    String big = "y".repeat(ParameterValue.MAX_VALUE_LENGTH + 10);
    ParameterValue.Parsed p = parse("x; a=\"" + big + "\"");
    assertEquals(ParameterValue.MAX_VALUE_LENGTH, p.parameters().get("a").length());
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), kinds());
  }

  @Test
  void m11LongRunsOfWhitespaceAndTokensAreLinear() {
    String spaces = " ".repeat(1 << 20);
    long start = System.nanoTime();
    ParameterValue.Parsed p = parse("x/y" + spaces + "z; a=b" + spaces + "c" + spaces + "; d=" + "e ".repeat(1 << 19));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ParameterValue.MAX_VALUE_LENGTH, p.parameters().get("a").length());
    assertTrue(p.parameters().get("a").startsWith("b  "));
    assertEquals(ParameterValue.MAX_VALUE_LENGTH, p.parameters().get("d").length());
    assertTrue(millis < 3_000, millis + " ms");
  }

  @Test
  void m11HugeNumbersOfParametersAreBounded() {
    StringBuilder s = new StringBuilder("x");
    for (int k = 0; k < 5000; k++) {
      s.append("; p").append(k).append("=v");
    }
    assertEquals(ParameterValue.MAX_PARAMETERS, parse(s.toString()).parameters().size());
    defects.clear();
    parse("x" + "; broken".repeat(100_000));
    assertEquals(17, defects.size());
  }

  /** SECURITY.md M16: duplicates keep the first value. */
  @Test
  void m16DuplicatesFirstWins() {
    ParameterValue.Parsed p = parse("text/plain; charset=utf-8; CHARSET=iso-8859-1; charset*0=a; charset*0=b");
    assertEquals("a", p.parameters().get("charset"));
    assertEquals(List.of(Kind.DUPLICATE_PARAMETER, Kind.DUPLICATE_PARAMETER), kinds());
  }

  /** SECURITY.md M16: unbalanced quotes are flagged and take the rest of the field. */
  @Test
  void m16UnbalancedQuotes() {
    ParameterValue.Parsed p = parse("attachment; filename=\"a b; size=3");
    assertTrue(p.unbalancedQuote());
    assertEquals("a b; size=3", p.parameters().get("filename"));
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), kinds());
  }

  @Test
  void lenientBareValues() {
    ParameterValue.Parsed p = parse("multipart/mixed; boundary=----=_Part_0_1.2; name=my file.pdf ;x=1");
    assertEquals("----=_Part_0_1.2", p.parameters().get("boundary"));
    assertEquals("my file.pdf", p.parameters().get("name"));
    assertEquals("1", p.parameters().get("x"));
  }

  @Test
  void brokenParametersAreSkipped() {
    ParameterValue.Parsed p = parse("x; =novalue; lonely; \"quoted\"=1; a=\"1\"junk; b=2;;; ");
    assertEquals(Map.of("a", "1", "b", "2"), p.parameters());
    assertTrue(kinds().stream().allMatch(k -> k == Kind.MALFORMED_PARAMETER));
    assertEquals(4, defects.size());
  }

  @Test
  void encodedWordsInNameAndFilename() {
    ParameterValue.Parsed p = parse("x; name=\"=?UTF-8?B?w6l0w6kucGRm?=\"; filename==?iso-8859-1?Q?caf=E9?=;"
        + " title=\"=?UTF-8?B?w6l0w6kucGRm?=\"");
    assertEquals("\u00e9t\u00e9.pdf", p.parameters().get("name"));
    assertEquals("caf\u00e9", p.parameters().get("filename"));
    assertEquals("=?UTF-8?B?w6l0w6kucGRm?=", p.parameters().get("title"));
  }

  @Test
  void rfc2231SectionNumbersWithLeadingZeros() {
    ParameterValue.Parsed p = parse("x; a*00=1; a*1=2");
    assertEquals("12", p.parameters().get("a"));
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), kinds());
  }

  @Test
  void formatTokensQuotedAndExtended() {
    assertEquals(List.of("charset=utf-8"), ParameterValue.format("charset", "utf-8"));
    assertEquals(List.of("filename=\"a b \\\"c\\\".txt\""), ParameterValue.format("filename", "a b \"c\".txt"));
    assertEquals(List.of("boundary=\"=_a/b\""), ParameterValue.format("boundary", "=_a/b"));
    assertEquals(List.of("filename*=UTF-8''%C3%A9t%C3%A9.txt"), ParameterValue.format("filename", "\u00e9t\u00e9.txt"));
    assertEquals(List.of("x=\"\""), ParameterValue.format("x", ""));
  }

  /** SECURITY.md M01: a value with CR/LF never comes out raw. */
  @Test
  void m01FormatNeverWritesLineBreaks() {
    List<String> segments = ParameterValue.format("filename", "a\r\nBcc: x@y.z\0.txt");
    assertEquals(List.of("filename*=UTF-8''a%0D%0ABcc%3A%20x%40y.z%00.txt"), segments);
    assertEquals("a\r\nBcc: x@y.z\0.txt", parse("x; " + segments.get(0)).parameters().get("filename"));
  }

  @Test
  void formatLongValuesInSectionsThatRoundTrip() {
    String value = "\u00e9\u20ac\ud83d\ude00 long name ".repeat(12) + ".pdf";
    List<String> segments = ParameterValue.format("filename", value);
    assertTrue(segments.size() > 3);
    for (String s : segments) {
      assertTrue(s.length() <= ParameterValue.MAX_SEGMENT_LENGTH, s);
    }
    assertTrue(segments.get(0).startsWith("filename*0*=UTF-8''"));
    assertTrue(segments.get(1).startsWith("filename*1*="));
    assertEquals(value, parse("attachment; " + String.join("; ", segments)).parameters().get("filename"));
    assertEquals(List.of(), defects);
  }

  @Test
  void formatLongAsciiStaysOneQuotedString() {
    String value = "a b".repeat(100);
    assertEquals(List.of("name=\"" + value + "\""), ParameterValue.format("name", value));
    String huge = "a b".repeat(400);
    List<String> segments = ParameterValue.format("name", huge);
    assertTrue(segments.size() > 1);
    assertEquals(huge, parse("x; " + String.join("; ", segments)).parameters().get("name"));
  }

  @Test
  void formatRefusesBadNames() {
    assertThrows(IllegalArgumentException.class, () -> ParameterValue.format("file name", "x"));
    assertThrows(IllegalArgumentException.class, () -> ParameterValue.format("a*", "x"));
    assertThrows(IllegalArgumentException.class, () -> ParameterValue.format("", "x"));
  }

  @Test
  void tokens() {
    assertTrue(ParameterValue.isToken("x-my.type+json"));
    assertFalse(ParameterValue.isToken("a b"));
    assertFalse(ParameterValue.isToken("a/b"));
    assertFalse(ParameterValue.isToken("\u00e9"));
    assertEquals("\"a\\\\b\"", ParameterValue.quote("a\\b"));
  }
}
