package dev.mailroom.mime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.codec.EncodedWord.Context;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EncodedWordTest {
  private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=");

  private final List<MimeDefect> defects = new ArrayList<>();

  private String decode(String s) {
    return EncodedWord.decodeText(s, defects::add);
  }

  private List<Kind> kinds() {
    return defects.stream().map(MimeDefect::kind).toList();
  }

  /** RFC 2047 §8, the header examples. */
  @Test
  void rfc2047Section8Headers() {
    assertEquals("Keith Moore", decode("=?US-ASCII?Q?Keith_Moore?="));
    assertEquals("Keld J\u00f8rn Simonsen", decode("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?="));
    assertEquals("Andr\u00e9 Pirard", decode("=?ISO-8859-1?Q?Andr=E9?= Pirard"));
    assertEquals("If you can read this you understand the example.",
        decode("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?="));
    assertEquals("Olle J\u00e4rnefors", decode("=?ISO-8859-1?Q?Olle_J=E4rnefors?="));
    assertEquals("Patrik F\u00e4ltstr\u00f6m", decode("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?="));
    String hebrew = new String(Base64.getDecoder().decode("7eXs+SDv4SDp7Oj08A=="), Charset.forName("ISO-8859-8"));
    assertEquals("(" + hebrew + ")", decode("(=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)"));
    assertEquals("Time for ISO 10646?", decode("Time for ISO 10646?"));
    assertEquals(List.of(), defects);
  }

  /** RFC 2047 §8, the table of encoded and displayed forms. */
  @Test
  void rfc2047Section8Table() {
    String[][] table = {
        {"(=?ISO-8859-1?Q?a?=)", "(a)"},
        {"(=?ISO-8859-1?Q?a?= b)", "(a b)"},
        {"(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"},
        {"(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"},
        {"(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"},
        {"(=?ISO-8859-1?Q?a_b?=)", "(a b)"},
        {"(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"},
    };
    for (String[] row : table) {
      assertEquals(row[1], decode(row[0]), row[0]);
    }
    assertEquals(List.of(), defects);
  }

  @Test
  void multibyteCharacterSplitAcrossWords() {
    assertEquals("\u00e9", decode("=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9?="));
    byte[] emoji = "\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
    String first = Base64.getEncoder().encodeToString(new byte[] {emoji[0]});
    String rest = Base64.getEncoder().encodeToString(new byte[] {emoji[1], emoji[2], emoji[3]});
    assertEquals("x\ud83d\ude00", decode("x=?utf-8?B?" + first + "?=\r\n =?UTF-8?b?" + rest + "?="));
    assertEquals(List.of(), defects);
  }

  @Test
  void differentCharsetsAreDecodedSeparately() {
    assertEquals("\u00e9\ufffd", decode("=?iso-8859-1?Q?=E9?= =?utf-8?Q?=A9?="));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
  }

  @Test
  void whitespaceBetweenWordAndTextIsKept() {
    assertEquals("a b c", decode("=?utf-8?q?a?= b =?utf-8?q?c?="));
    assertEquals("a  b", decode("a  =?utf-8?q?b?="));
  }

  @Test
  void lenientQAndB() {
    assertEquals("a b=c\u00e9", decode("=?utf-8?q?a_b=3dc=c3=a9?="));
    assertEquals(List.of(), defects);
    assertEquals("\u00e9", decode("=?utf-8?B?w6k?="));
    assertEquals("a=zb", decode("=?utf-8?Q?a=zb?="));
    assertEquals(List.of(Kind.INVALID_ENCODED_WORD), kinds());
  }

  @Test
  void languageSuffixIgnored() {
    assertEquals("Hello", decode("=?US-ASCII*EN?Q?Hello?="));
  }

  @Test
  void gluedToTextIsStillDecoded() {
    assertEquals("foobarbaz", decode("foo=?utf-8?q?bar?=baz"));
  }

  @Test
  void unknownCharsetOrEncodingLeftAsWritten() {
    assertEquals("x =?x-klingon?Q?a?= y", decode("x =?x-klingon?Q?a?= y"));
    assertEquals(List.of(Kind.INVALID_ENCODED_WORD), kinds());
    defects.clear();
    assertEquals("=?utf-8?X?abc?= \u00e9", decode("=?utf-8?X?abc?= =?utf-8?Q?=C3=A9?="));
    assertEquals(List.of(Kind.INVALID_ENCODED_WORD), kinds());
  }

  @Test
  void notEncodedWordsStayAsTheyAre() {
    for (String s : new String[] {"=?", "=?utf-8?", "=?utf-8?q?abc", "=??q?a?=", "what =? is this ?=",
        "=?utf-8?q?a b?=", "=?utf-8?qq?a?=", "=?utf-8?q?a?b?=", "a=?=?=?b", "=?utf.8?q?a?="}) {
      assertEquals(s, decode(s), s);
    }
    assertEquals(List.of(), defects);
  }

  /** SECURITY.md M10: 10^5 encoded words decode in linear time. */
  @Test
  void m10HundredThousandWords() {
    String words = "=?utf-8?q?a?= ".repeat(100_000);
    long start = System.nanoTime();
    assertEquals("a".repeat(99_999) + "a ", decode(words));
    String hostile = "=?a?q?".repeat(200_000) + "=?".repeat(500_000) + "=?a?q?" + "x".repeat(1 << 20);
    assertEquals(hostile, decode(hostile));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5_000, millis + " ms");
  }

  /** SECURITY.md M10: a decoded CR/LF is kept as a value but never written out raw. */
  @Test
  void m10DecodedLineBreaksAreNeverWrittenRaw() {
    String decoded = decode("=?us-ascii?Q?a=0D=0ABcc:_x?=");
    assertEquals("a\r\nBcc: x", decoded);
    assertTrue(EncodedWord.containsLineBreak(decoded));
    assertTrue(EncodedWord.containsControl(decoded));
    assertThrows(IllegalArgumentException.class, () -> Header.ofWireValue("Subject", decoded));
    for (Context context : Context.values()) {
      String encoded = EncodedWord.encode(decoded, StandardCharsets.UTF_8, context);
      assertFalse(EncodedWord.containsControl(encoded), encoded);
      assertEquals(decoded, EncodedWord.decodeText(encoded));
      Header.ofWireValue("Subject", encoded);
    }
    assertFalse(EncodedWord.containsLineBreak("plain\ttext"));
    assertFalse(EncodedWord.containsControl("plain\ttext \u00e9"));
    assertTrue(EncodedWord.containsControl("nul\0"));
  }

  @Test
  void decodePhraseCollapsesWhitespace() {
    assertEquals("Andr\u00e9 Pirard", EncodedWord.decodePhrase("  =?ISO-8859-1?Q?Andr=E9?=\r\n\t Pirard ", d -> { }));
  }

  @Test
  void encodeLeavesPlainAsciiAlone() {
    assertEquals("Hello, world: (all) \"of\" it?", EncodedWord.encode("Hello, world: (all) \"of\" it?"));
    assertEquals("", EncodedWord.encode(""));
  }

  @Test
  void encodeOnlyWhatNeedsIt() {
    // B is shorter here (17 bytes: 24 characters against 29 for Q)
    String encoded = EncodedWord.encode("Re: Gr\u00fc\u00dfe aus K\u00f6ln");
    assertEquals("Re: =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=", encoded);
    assertEquals("Re: Gr\u00fc\u00dfe aus K\u00f6ln", EncodedWord.decodeText(encoded));
    String trailing = EncodedWord.encode("\u00e9t\u00e9 2021 report");
    assertEquals("=?UTF-8?B?w6l0w6k=?= 2021 report", trailing);
    // Q is shorter when the span is mostly ASCII
    assertEquals("=?UTF-8?Q?=C3=A9_aaaaaaaaaaaaaaaaaaaa_=C3=A9?= end",
        EncodedWord.encode("\u00e9 " + "a".repeat(20) + " \u00e9 end"));
  }

  @Test
  void encodeProtectsEqualsQuestionMark() {
    String encoded = EncodedWord.encode("price =?utf-8?q?x?= today");
    assertFalse(encoded.contains("=?utf-8?q?x?="));
    assertEquals("price =?utf-8?q?x?= today", EncodedWord.decodeText(encoded));
  }

  @Test
  void encodeLongTextInWordsOf75WithoutSplittingCharacters() {
    String text = "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 \ud83d\ude00 ".repeat(30);
    String encoded = EncodedWord.encode(text);
    assertTrue(encoded.contains("?B?"), "B is shorter for CJK");
    assertWordsValid(encoded, StandardCharsets.UTF_8);
    assertEquals(text, EncodedWord.decodeText(encoded));
    String latin = "\u00e9" + " some words".repeat(30) + " \u00e9";
    String q = EncodedWord.encode(latin);
    assertTrue(q.contains("?Q?"), "Q is shorter for mostly ASCII");
    assertWordsValid(q, StandardCharsets.UTF_8);
    assertEquals(latin, EncodedWord.decodeText(q));
  }

  @Test
  void encodeInEveryContextUsesItsCharacters() {
    String name = "M\u00fcller, Hans (\"Hansi\") <x@y> =_?";
    String phrase = EncodedWord.encode(name, StandardCharsets.UTF_8, Context.PHRASE);
    Matcher m = WORD.matcher(phrase);
    while (m.find()) {
      if (m.group(2).equalsIgnoreCase("Q")) {
        assertTrue(m.group(3).matches("[A-Za-z0-9!*+\\-/=_]*"), m.group(3));
      }
    }
    assertEquals(name, EncodedWord.decodePhrase(phrase, d -> { }));
    String comment = EncodedWord.encode(name, StandardCharsets.UTF_8, Context.COMMENT);
    m = WORD.matcher(comment);
    while (m.find()) {
      assertFalse(m.group(3).matches(".*[()\"\\\\].*"), m.group(3));
    }
    assertEquals(name, EncodedWord.decodeText(comment));
  }

  @Test
  void encodeWithOtherCharsets() {
    String latin = "caf\u00e9 cr\u00e8me";
    String encoded = EncodedWord.encode(latin, StandardCharsets.ISO_8859_1, Context.TEXT);
    assertEquals("=?ISO-8859-1?Q?caf=E9_cr=E8me?=", encoded);
    Charset jis = Charset.forName("ISO-2022-JP");
    String japanese = "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3067\u3059\u3002".repeat(8);
    String iso = EncodedWord.encode(japanese, jis, Context.TEXT);
    assertWordsValid(iso, jis);
    assertEquals(japanese, EncodedWord.decodeText(iso));
  }

  /** Each word is at most 75 characters and decodes on its own to whole characters (RFC 2047 §2, §5 (3)). */
  private static void assertWordsValid(String encoded, Charset charset) {
    Matcher m = WORD.matcher(encoded);
    int count = 0;
    while (m.find()) {
      count++;
      assertTrue(m.group().length() <= 75, m.group());
      List<MimeDefect> own = new ArrayList<>();
      String alone = EncodedWord.decodeText(m.group(), own::add);
      assertEquals(List.of(), own, m.group());
      assertFalse(alone.contains("\ufffd"), m.group());
    }
    assertTrue(count > 1);
  }
}
