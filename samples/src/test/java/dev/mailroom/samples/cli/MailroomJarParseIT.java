package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar mailroom.jar parse} and {@code help} as real processes: output, files and exit codes. */
class MailroomJarParseIT {
  @Test
  void parseJsonOfAFewCorpusMessagesMatchesPythonsEmailPackage(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Cli.Result gen = Cli.exec(dir, "python3", Cli.shared("corpus/gen.py").toString(), "--seed", "7", "--n", "8",
        "--out", corpus.toString());
    assertEquals(0, gen.code(), gen.toString());
    Path json = Files.createDirectories(dir.resolve("json"));
    List<String> compare = new ArrayList<>(List.of("python3", Cli.referenceScript().toString(), "--compare",
        json.toString()));
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path message : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
        Cli.Result r = JarProcess.run("parse", "--json", message.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Files.writeString(json.resolve(message.getFileName() + ".json"), r.out(), StandardCharsets.UTF_8);
        compare.add(message.toString());
      }
    }
    Cli.Result r = Cli.exec(dir, compare.toArray(String[]::new));
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("compared 8 files, 0 mismatches"), r.out());
  }

  @Test
  void parseShowsTheTreeAndExtractsUnderASafeName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("m.eml"), ParseCommandTest.MIXED.replace("filename*=utf-8''%C3%9C",
        "filename*=utf-8''..%2F..%2F%C3%9C"), StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    Cli.Result r = JarProcess.run("parse", "--extract", out.toString(), file.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.out().contains("  application/octet-stream \"../../Übersicht.bin\" 10 bytes attachment"), r.out());
    assertTrue(r.out().contains("saved " + out.resolve("Übersicht.bin")), r.out());
    assertEquals(10, Files.size(out.resolve("Übersicht.bin")));
  }

  @Test
  void outputIsUtf8EvenInTheCLocale(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("m.eml"), ParseCommandTest.MIXED, StandardCharsets.UTF_8);
    Cli.Result r = JarProcess.run(Map.of("LC_ALL", "C", "LANG", "C"), new byte[0], "parse", "--json",
        file.toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.out().contains("\"filename\":\"Übersicht.bin\""), r.out());
    assertTrue(r.out().contains("\"subject\":\"Grüße from Alice\""), r.out());
  }

  @Test
  void aMissingFileExitsFourAndHelpListsTheExitCodes(@TempDir Path dir) throws Exception {
    Cli.Result missing = JarProcess.run("parse", dir.resolve("none.eml").toString());
    assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
    assertTrue(missing.err().contains("none.eml"), missing.err());
    Cli.Result help = JarProcess.run("help", "send");
    assertEquals(ExitCodes.OK, help.code(), help.toString());
    assertTrue(help.out().contains("--password-env") && help.out().contains("Exit codes:"), help.out());
    assertTrue(help.out().contains("3   send: outcome unknown"), help.out());
  }
}
