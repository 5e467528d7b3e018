package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {
  private final List<MimeDefect> defects = new ArrayList<>();

  private ContentDisposition parse(String s) {
    return ContentDisposition.parse(s, defects::add);
  }

  /** RFC 2183 §3 example. */
  @Test
  void rfc2183Example() {
    ContentDisposition cd = parse("attachment; filename=genome.jpeg;\r\n"
        + "  modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\";");
    assertTrue(cd.isAttachment());
    assertFalse(cd.isInline());
    assertEquals(Optional.of("genome.jpeg"), cd.filename());
    assertEquals(Optional.of("Wed, 12 Feb 1997 16:29:51 -0500"), cd.parameter("Modification-Date"));
    assertEquals(List.of(), defects);
  }

  @Test
  void inlineAndUnknownTypes() {
    assertTrue(parse("INLINE").isInline());
    ContentDisposition unknown = parse("x-unknown; filename=a");
    assertEquals("x-unknown", unknown.type());
    assertTrue(unknown.isAttachment());
    assertEquals(List.of(), defects);
  }

  @Test
  void missingTypeIsAttachmentWithDefect() {
    ContentDisposition cd = parse("; filename=\"a.txt\"");
    assertEquals("attachment", cd.type());
    assertEquals(Optional.of("a.txt"), cd.filename());
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), defects.stream().map(MimeDefect::kind).toList());
  }

  @Test
  void unbalancedQuotesKeepTheName() {
    ContentDisposition cd = parse("attachment; filename=\"report.pdf");
    assertEquals(Optional.of("report.pdf"), cd.filename());
    assertEquals(List.of(Kind.MALFORMED_PARAMETER), defects.stream().map(MimeDefect::kind).toList());
  }

  @Test
  void rfc2231AndEncodedWordFilenames() {
    assertEquals(Optional.of("\u00e9t\u00e9.pdf"), parse("attachment; filename*=UTF-8''%C3%A9t%C3%A9.pdf").filename());
    assertEquals(Optional.of("\u00e9t\u00e9.pdf"), parse("attachment; filename=\"=?utf-8?q?=C3=A9t=C3=A9.pdf?=\"")
        .filename());
  }

  @Test
  void size() {
    assertEquals(OptionalLong.of(1234), parse("attachment; size=1234").size());
    assertEquals(OptionalLong.empty(), parse("attachment; size=-1").size());
    assertEquals(OptionalLong.empty(), parse("attachment; size=12a").size());
    assertEquals(OptionalLong.empty(), parse("attachment; size=99999999999999999999999").size());
    assertEquals(OptionalLong.empty(), parse("attachment").size());
  }

  @Test
  void formats() {
    assertEquals("attachment; filename=\"my report.pdf\"", ContentDisposition.attachment("my report.pdf")
        .toHeaderValue());
    assertEquals("inline", ContentDisposition.INLINE.toHeaderValue());
    ContentDisposition cd = ContentDisposition.ATTACHMENT.withFilename("\u00fcber.txt").withParameter("size", "3");
    assertEquals("attachment; filename*=UTF-8''%C3%BCber.txt; size=3", cd.toHeaderValue());
    assertEquals(cd, ContentDisposition.parse(cd.toHeaderValue()));
  }

  /** SECURITY.md M12: the raw name is kept; safeFileName() is never a path. */
  @Test
  void m12SafeFileNames() {
    String[][] cases = {
        {"../../x", "x"},
        {"..\\..\\windows\\system32\\evil.dll", "evil.dll"},
        {"C:\\x", "x"},
        {"C:x", "C_x"},
        {"/etc/passwd", "passwd"},
        {"..", "attachment"},
        {"...", "attachment"},
        {"", "attachment"},
        {"   ", "attachment"},
        {".bashrc", "bashrc"},
        {"con", "_con"},
        {"CON.txt", "_CON.txt"},
        {"nul", "_nul"},
        {"com1", "_com1"},
        {"LPT9.log", "_LPT9.log"},
        {"console.txt", "console.txt"},
        {"a\0b.txt", "ab.txt"},
        {"a\r\nBcc: x.txt", "aBcc_ x.txt"},
        {"report.pdf. . ", "report.pdf"},
        {"file:stream.txt", "file_stream.txt"},
        {"a<b>c|d?e*f\"g.txt", "a_b_c_d_e_f_g.txt"},
        {"invoice\u202Efdp.exe", "invoicefdp.exe"},
        {"r\u00e9sum\u00e9 \ud83d\ude00.pdf", "r\u00e9sum\u00e9 \ud83d\ude00.pdf"},
        {"dir/", "attachment"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], ContentDisposition.safeFileName(c[0]), c[0]);
    }
    ContentDisposition cd = parse("attachment; filename=\"../../etc/passwd\"");
    assertEquals(Optional.of("../../etc/passwd"), cd.filename());
    assertEquals("passwd", cd.safeFileName());
    assertEquals("attachment", parse("attachment").safeFileName());
    assertEquals("attachment", ContentDisposition.safeFileName(null));
  }

  @Test
  void m12SafeFileNamesAreShortAndKeepTheExtension() {
    String name = ContentDisposition.safeFileName("a".repeat(5000) + ".docx");
    assertEquals(200, name.length());
    assertTrue(name.endsWith("aaa.docx"));
    String emoji = ContentDisposition.safeFileName("\ud83d\ude00".repeat(300));
    assertEquals(200, emoji.codePointCount(0, emoji.length()));
  }

  @Test
  void m12SafeFileNamesNeverContainSeparatorsOrControls() {
    java.util.Random random = new java.util.Random(12);
    String alphabet = "./\\:\0\r\n \t.aZ\u00e9\u202e<>|?*\"con";
    for (int round = 0; round < 5000; round++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String safe = ContentDisposition.safeFileName(s.toString());
      assertFalse(safe.isEmpty());
      assertFalse(safe.startsWith("."), safe);
      assertFalse(safe.equals(".."));
      for (char c : safe.toCharArray()) {
        assertTrue(c >= 0x20 && "/\\:<>|?*\"\u202e".indexOf(c) < 0, safe);
      }
    }
  }
}
