package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailroom parse --extract DIR} (SECURITY.md M12): a sender's file name never becomes a path outside DIR, never
 * overwrites a file, never carries control characters or a device name.
 */
class ExtractAttachmentsTest {
  /** A message with one attachment per raw Content-Disposition value; attachment i holds the text "part i". */
  private static Path message(Path dir, String... dispositions) throws Exception {
    StringBuilder m = new StringBuilder("Subject: files\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
    for (int i = 0; i < dispositions.length; i++) {
      m.append("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: ").append(dispositions[i])
          .append("\r\n\r\npart ").append(i).append("\r\n");
    }
    m.append("--b--\r\n");
    Path file = dir.resolve("in.eml");
    Files.writeString(file, m, StandardCharsets.UTF_8);
    return file;
  }

  /** Runs {@code parse --extract out} and returns the names written, in part order, checking each file's content. */
  private static List<String> extract(Path dir, String... dispositions) throws Exception {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("parse", "--extract", out.toString(), message(dir, dispositions).toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    List<String> names = new ArrayList<>();
    for (String line : r.out().split("\\R")) {
      if (line.startsWith("saved ")) {
        Path saved = Path.of(line.substring("saved ".length()));
        assertEquals(out.toAbsolutePath().normalize(), saved.getParent(), "written into DIR itself: " + saved);
        assertEquals("part " + names.size(), Files.readString(saved, StandardCharsets.UTF_8));
        names.add(saved.getFileName().toString());
      }
    }
    assertEquals(dispositions.length, names.size(), r.toString());
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(dispositions.length, files.filter(Files::isRegularFile).filter(p -> p.startsWith(out)).count(),
          "nothing written anywhere else");
    }
    return names;
  }

  @Test
  @DisplayName("M12: ../../x and absolute paths lose their directories")
  void m12TraversalNamesStayInsideTheDirectory(@TempDir Path dir) throws Exception {
    assertEquals(List.of("x", "passwd", "y.txt"), extract(dir,
        "attachment; filename=\"../../x\"", "attachment; filename=\"/etc/passwd\"",
        "attachment; filename=\"..\\\\..\\\\y.txt\""));
    assertTrue(Files.notExists(dir.resolve("x")) && Files.notExists(dir.getParent().resolve("x")));
  }

  @Test
  @DisplayName("M12: C:\\x and drive-relative names become plain names")
  void m12WindowsDriveNames(@TempDir Path dir) throws Exception {
    List<String> names = extract(dir, "attachment; filename=\"C:\\\\x\"", "attachment; filename=\"D:evil.exe\"");
    assertEquals("x", names.get(0));
    assertEquals("D_evil.exe", names.get(1));
  }

  @Test
  @DisplayName("M12: device names (con, nul.txt, COM1) are prefixed")
  void m12ReservedDeviceNames(@TempDir Path dir) throws Exception {
    assertEquals(List.of("_con", "_nul.txt", "_COM1"), extract(dir,
        "attachment; filename=con", "attachment; filename=nul.txt", "attachment; filename=COM1"));
  }

  @Test
  @DisplayName("M12: NUL, CR, LF and other controls are removed from names")
  void m12ControlCharactersInNames(@TempDir Path dir) throws Exception {
    assertEquals(List.of("ab.txt", "evil.txt", "report[0m.pdf"), extract(dir,   // ESC gone, "[0m" is harmless text
        "attachment; filename*=utf-8''a%00b.txt", "attachment; filename*=utf-8''evil%0D%0A.txt",
        "attachment; filename*=utf-8''report%1B[0m.pdf"));
  }

  @Test
  @DisplayName("M12: hidden and empty names: leading dots stripped, nothing usable becomes 'attachment'")
  void m12DotsAndEmptyNames(@TempDir Path dir) throws Exception {
    assertEquals(List.of("bashrc", "attachment", "attachment (2)"), extract(dir,
        "attachment; filename=\".bashrc\"", "attachment; filename=\"..\"", "attachment"));
  }

  @Test
  @DisplayName("M12: the same name twice (in any case) is numbered, never overwritten")
  void m12DuplicateNamesAreNumbered(@TempDir Path dir) throws Exception {
    assertEquals(List.of("a.txt", "A (2).TXT", "a (3).txt"), extract(dir,
        "attachment; filename=a.txt", "attachment; filename=A.TXT", "attachment; filename=\"x/a.txt\""));
  }

  @Test
  @DisplayName("M12: an existing file or symbolic link in DIR is neither overwritten nor followed")
  void m12ExistingFilesAndLinksAreKept(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path outside = dir.resolve("outside.txt");
    Files.writeString(outside, "keep");
    Files.createSymbolicLink(out.resolve("b.txt"), outside);
    Files.writeString(out.resolve("a.txt"), "mine");
    Cli.Result r = Cli.run("parse", "--extract", out.toString(),
        message(dir, "attachment; filename=a.txt", "attachment; filename=b.txt").toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertEquals("mine", Files.readString(out.resolve("a.txt")));
    assertEquals("keep", Files.readString(outside));
    assertEquals("part 0", Files.readString(out.resolve("a (2).txt")));
    assertEquals("part 1", Files.readString(out.resolve("b (2).txt")));
  }

  @Test
  void attachmentsAreSavedDecodedAndInlineTextIsNot(@TempDir Path dir) throws Exception {
    String m = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
        + "--b\r\nContent-Type: image/png; name=dot.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "AAECAw==\r\n--b--\r\n";
    Path file = dir.resolve("in.eml");
    Files.writeString(file, m);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("parse", "--json", "--extract", out.toString(), file.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.out().startsWith("{") && !r.out().contains("saved"), "JSON alone on stdout: " + r.out());
    assertTrue(r.err().contains("saved"), r.err());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(out.resolve("dot.png")), files.toList());
    }
    assertArrayEquals(new byte[] {0, 1, 2, 3}, Files.readAllBytes(out.resolve("dot.png")));
  }
}
