package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentTypeTest {
  private final List<MimeDefect> defects = new ArrayList<>();

  private ContentType parse(String s) {
    return ContentType.parse(s, defects::add);
  }

  private List<Kind> kinds() {
    return defects.stream().map(MimeDefect::kind).toList();
  }

  @Test
  void parsesTypeSubtypeAndParameters() {
    ContentType ct = parse("Multipart/Mixed; boundary=\"----=_Part_1\"; Charset=UTF-8");
    assertEquals("multipart", ct.type());
    assertEquals("mixed", ct.subtype());
    assertEquals("multipart/mixed", ct.mimeType());
    assertEquals(Optional.of("----=_Part_1"), ct.boundary());
    assertEquals(Optional.of(StandardCharsets.UTF_8), ct.charset());
    assertEquals(Optional.of("UTF-8"), ct.parameter("CHARSET"));
    assertTrue(ct.isMultipart());
    assertFalse(ct.isMessage());
    assertTrue(ct.is("MULTIPART", "mixed"));
    assertTrue(ct.is("multipart", "*"));
    assertFalse(ct.is("multipart", "alternative"));
    assertEquals(List.of(), defects);
  }

  @Test
  void whitespaceAndCommentsAroundTheSlash() {
    ContentType ct = parse(" text / html (HTML) ; charset = \"us-ascii\" ");
    assertEquals("text/html", ct.mimeType());
    assertEquals(Optional.of("us-ascii"), ct.parameter("charset"));
    assertTrue(ct.isText());
  }

  @Test
  void messageTypes() {
    assertTrue(parse("message/rfc822").isMessage());
  }

  /** SECURITY.md M16: a type without subtype gives the RFC 2045 §5.2 default. */
  @Test
  void m16TypeWithoutSubtypeIsDefault() {
    assertSame(ContentType.DEFAULT, parse("multipart; boundary=x"));
    assertEquals(List.of(Kind.MALFORMED_CONTENT_TYPE), kinds());
  }

  /** SECURITY.md M16: "text" alone is read as text/plain, with a defect. */
  @Test
  void m16TextAloneIsTextPlain() {
    ContentType ct = parse("text; charset=utf-8");
    assertEquals("text/plain", ct.mimeType());
    assertEquals(Optional.of(StandardCharsets.UTF_8), ct.charset());
    assertEquals(List.of(Kind.MALFORMED_CONTENT_TYPE), kinds());
  }

  /** SECURITY.md M16: unbalanced quotes give the default, with a defect. */
  @Test
  void m16UnbalancedQuotesGiveTheDefault() {
    assertSame(ContentType.DEFAULT, parse("multipart/mixed; boundary=\"abc"));
    assertTrue(kinds().contains(Kind.MALFORMED_CONTENT_TYPE));
  }

  /** SECURITY.md M16: a duplicate Content-Type header: the first is used, with a defect. */
  @Test
  void m16DuplicateContentTypeHeader() {
    Headers headers = Headers.of(List.of(Header.ofWireValue("Content-Type", "text/html; charset=utf-8"),
        Header.ofWireValue("Content-Type", "text/plain")));
    assertEquals("text/html", headers.contentType(defects::add).mimeType());
    assertEquals(List.of(Kind.DUPLICATE_HEADER), kinds());
    assertSame(ContentType.DEFAULT, Headers.empty().contentType());
  }

  @Test
  void partCharsetDefaultsAndFallback() {
    MimeBody body = new MimeBody() {
      @Override
      public java.io.InputStream openRaw() {
        return new java.io.ByteArrayInputStream(new byte[0]);
      }

      @Override
      public java.util.OptionalLong rawSize() {
        return java.util.OptionalLong.of(0);
      }
    };
    java.util.function.Function<String, MimePart> part = ct -> new MimePart(
        ct == null ? Headers.empty() : Headers.of(List.of(Header.ofWireValue("Content-Type", ct))), body, List.of());
    assertEquals(StandardCharsets.US_ASCII, part.apply(null).charset());
    assertEquals(StandardCharsets.US_ASCII, part.apply("text/plain").charset());
    assertEquals(StandardCharsets.ISO_8859_1, part.apply("text/plain; charset=latin1").charset());
    assertEquals(StandardCharsets.UTF_8, part.apply("text/plain; charset=x-klingon").charset());
  }

  /** SECURITY.md M16: duplicate parameters keep the first. */
  @Test
  void m16DuplicateParameters() {
    ContentType ct = parse("multipart/mixed; boundary=a; boundary=b");
    assertEquals(Optional.of("a"), ct.boundary());
    assertEquals(List.of(Kind.DUPLICATE_PARAMETER), kinds());
  }

  @Test
  void hopelessValuesGiveTheDefault() {
    for (String s : new String[] {"", "   ", "/plain", "text/", "text/plain/x", "te xt/plain", "\u00e9/x", "(c)",
        "\"text/plain\"", ";charset=utf-8"}) {
      defects.clear();
      assertSame(ContentType.DEFAULT, parse(s), s);
      assertEquals(List.of(Kind.MALFORMED_CONTENT_TYPE), kinds(), s);
    }
    assertSame(ContentType.DEFAULT, ContentType.parse(null, d -> { }));
  }

  @Test
  void charsetEmptyWhenMissingOrUnknown() {
    assertEquals(Optional.empty(), parse("text/plain").charset());
    assertEquals(Optional.empty(), parse("text/plain; charset=x-klingon").charset());
    assertEquals(Optional.of(StandardCharsets.US_ASCII), ContentType.DEFAULT.charset());
  }

  @Test
  void emptyBoundaryIsNoBoundary() {
    assertEquals(Optional.empty(), parse("multipart/mixed; boundary=\"\"").boundary());
  }

  @Test
  void buildsAndFormats() {
    ContentType ct = ContentType.of("text", "plain").withCharset(StandardCharsets.UTF_8)
        .withParameter("format", "flowed").withParameter("name", "r\u00e9sum\u00e9.txt");
    assertEquals("text/plain; charset=utf-8; format=flowed; name*=UTF-8''r%C3%A9sum%C3%A9.txt", ct.toHeaderValue());
    assertEquals(ct, ContentType.parse(ct.toHeaderValue()));
    assertEquals("text/plain; format=flowed; name*=UTF-8''r%C3%A9sum%C3%A9.txt",
        ct.withoutParameter("CHARSET").toHeaderValue());
    assertEquals(List.of("multipart/mixed", "boundary=\"=_x\""),
        ContentType.of("multipart", "mixed").withParameter("boundary", "=_x").toHeaderValueParts());
  }

  @Test
  void equalityIgnoresParameterOrderAndCase() {
    assertEquals(new ContentType("TEXT", "Plain", Map.of("Charset", "x")), parse("text/plain; charset=x"));
  }

  @Test
  void refusesInvalidConstruction() {
    assertThrows(IllegalArgumentException.class, () -> ContentType.of("text", "pl ain"));
    assertThrows(IllegalArgumentException.class, () -> ContentType.of("", "plain"));
    assertThrows(IllegalArgumentException.class, () -> ContentType.of("text", "plain").withParameter("a b", "x"));
    assertThrows(IllegalArgumentException.class, () -> ContentType.of("text", "plain").withParameter("a*", "x"));
  }

  /** SECURITY.md M01: a parameter value with CR/LF is formatted without raw line breaks. */
  @Test
  void m01NoLineBreaksInFormattedValues() {
    String value = ContentType.of("text", "plain").withParameter("name", "x\r\nBcc: y").toHeaderValue();
    assertFalse(value.contains("\r") || value.contains("\n"), value);
  }
}
