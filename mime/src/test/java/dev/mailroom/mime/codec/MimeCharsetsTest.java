package dev.mailroom.mime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MimeCharsetsTest {
  private final List<MimeDefect> defects = new ArrayList<>();

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private String decode(byte[] b, String charset) {
    return MimeCharsets.decode(b, 0, b.length, charset, defects::add);
  }

  private List<Kind> kinds() {
    return defects.stream().map(MimeDefect::kind).toList();
  }

  @Test
  void lookupAliasesAndLabels() {
    assertEquals(Optional.of(StandardCharsets.UTF_8), MimeCharsets.lookup("UTF8"));
    assertEquals(Optional.of(StandardCharsets.UTF_8), MimeCharsets.lookup(" \"utf-8\" "));
    assertEquals(Optional.of(StandardCharsets.UTF_8), MimeCharsets.lookup("utf-8*en"));
    assertEquals(Optional.of(StandardCharsets.ISO_8859_1), MimeCharsets.lookup("latin1"));
    assertEquals(Optional.of(StandardCharsets.US_ASCII), MimeCharsets.lookup("us-ascii"));
    assertEquals(Optional.of(Charset.forName("GBK")), MimeCharsets.lookup("gb2312"));
    assertEquals(Optional.of(Charset.forName("x-windows-949")), MimeCharsets.lookup("ks_c_5601-1987"));
    assertEquals(Optional.of(Charset.forName("windows-1252")), MimeCharsets.lookup("Windows-1252"));
    for (String unknown : new String[] {"x-unknown", "unknown-8bit", "", "  ", "utf-7", "\u00e9", "a b", "x".repeat(100)}) {
      assertEquals(Optional.empty(), MimeCharsets.lookup(unknown), unknown);
    }
    assertEquals(Optional.empty(), MimeCharsets.lookup(null));
  }

  /** SECURITY.md M08: invalid UTF-8 (overlong, surrogates, truncated) gives U+FFFD and one defect. */
  @Test
  void m08InvalidUtf8() {
    assertEquals("a\ufffd\ufffdb", decode(bytes('a', 0xC0, 0xAF, 'b'), "utf-8"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
    assertEquals(1, defects.get(0).offset());
    defects.clear();
    String surrogate = decode(bytes('x', 0xED, 0xA0, 0x80, 'y'), "utf-8");
    assertTrue(surrogate.startsWith("x\ufffd") && surrogate.endsWith("y"), surrogate);
    assertTrue(surrogate.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
    defects.clear();
    assertEquals("\u20ac\ufffd", decode(bytes(0xE2, 0x82, 0xAC, 0xE2, 0x82), "utf-8"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
  }

  /** SECURITY.md M08: an unknown charset decodes as UTF-8 with a defect. */
  @Test
  void m08UnknownCharsetFallsBackToUtf8() {
    assertEquals("gr\u00fc\u00df", decode("gr\u00fc\u00df".getBytes(StandardCharsets.UTF_8), "x-klingon"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
  }

  /** SECURITY.md M08: utf-7 is not in the JDK: flagged, and its ASCII stays readable. */
  @Test
  void m08Utf7IsFlagged() {
    assertEquals("Hi Mom -+Jjo--!", decode("Hi Mom -+Jjo--!".getBytes(StandardCharsets.US_ASCII), "utf-7"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
  }

  /** SECURITY.md M08: a dangling ISO-2022-JP escape gives U+FFFD and a defect, not an exception. */
  @Test
  void m08DanglingIso2022JpEscape() {
    assertEquals("abc\ufffd", decode(bytes('a', 'b', 'c', 0x1B, '$'), "iso-2022-jp"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
    defects.clear();
    assertEquals("a\u3053", decode(bytes('a', 0x1B, '$', 'B', '$', '3'), "ISO-2022-JP"));
    assertEquals(List.of(), defects);
  }

  @Test
  void decodesLargeInputsAcrossBufferBoundaries() {
    String text = "\u00e9\u65e5\ud83d\ude00x".repeat(10_000);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(text, decode(utf8, "utf-8"));
    byte[] broken = utf8.clone();
    broken[broken.length / 2] = (byte) 0xFF;
    String decoded = decode(broken, "utf-8");
    assertTrue(decoded.contains("\ufffd"));
    assertEquals(List.of(Kind.INVALID_CHARSET), kinds());
  }

  /** SECURITY.md M09: raw UTF-8 and NUL in header bytes. */
  @Test
  void m09RawHeaderBytes() {
    byte[] utf8 = "Gr\u00fc\u00dfe \u65e5\u672c".getBytes(StandardCharsets.UTF_8);
    assertEquals("Gr\u00fc\u00dfe \u65e5\u672c", MimeCharsets.decodeHeader(utf8, 0, utf8.length, defects::add));
    assertEquals(List.of(), defects);
    byte[] latin1 = "caf\u00e9\0 bar".getBytes(StandardCharsets.ISO_8859_1);
    String decoded = MimeCharsets.decodeHeader(latin1, 0, latin1.length, defects::add);
    assertEquals("caf\ufffd\0 bar", decoded);
    assertEquals(List.of(Kind.INVALID_HEADER_BYTES), kinds());
  }

  @Test
  void asciiFastPathAndOffsets() {
    byte[] b = "xxhello\0world".getBytes(StandardCharsets.US_ASCII);
    assertEquals("hello\0world", MimeCharsets.decode(b, 2, b.length - 2, StandardCharsets.UTF_8, defects::add));
    byte[] utf16 = "h\u00e9".getBytes(StandardCharsets.UTF_16BE);
    assertEquals("h\u00e9", MimeCharsets.decode(utf16, 0, utf16.length, StandardCharsets.UTF_16BE, defects::add));
    assertEquals(List.of(), defects);
  }
}
