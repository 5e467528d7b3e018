package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB message ({@code gen.py --big-mb 50}) parsed and fully decoded in a JVM with a 16 MiB heap: the streaming
 * parser, the file-range tree and the spooling tree all hold bounded memory, and all three give the manifest's
 * leaf count and decoded byte total.
 */
class BigMessageTest {
  @Test
  void fiftyMegabytesDecodeInSixteenMegabytesOfHeap(@TempDir Path spool) throws Exception {
    Path big = Path.of("target", "big.eml");
    Path manifest = Path.of("target", "big.eml.manifest");
    if (!Files.isRegularFile(manifest) || !Files.isRegularFile(big)) {
      CorpusGenerator.generate("--big-mb", "50", "--out", big.toString());
    } else {
      CorpusGenerator.requirePython();
    }
    String[] row = Files.readString(manifest, StandardCharsets.UTF_8).trim().split("\t");
    assertEquals(Files.size(big), Long.parseLong(row[1]));
    String expected = "leaves=" + row[2] + " decoded=" + row[3];
    String out = CorpusGenerator.fork("16m", BigMessageMain.class, big.toString(), spool.toString());
    List<String> lines = out.lines().toList();
    assertEquals(3, lines.size(), out);
    for (String mode : List.of("stream", "file", "spool")) {
      String line = lines.stream().filter(l -> l.startsWith(mode + " ")).findFirst().orElseThrow();
      assertTrue(line.startsWith(mode + " " + expected + " "), "expected " + expected + ", got " + line);
    }
    System.out.println("50 MB message: " + out.replace('\n', ';'));
  }
}
