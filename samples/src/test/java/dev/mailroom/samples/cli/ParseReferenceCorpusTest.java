package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailroom parse --json} agrees with an independent reference, Python's {@code email} package
 * ({@code src/test/python/parse_reference.py}), on the whole {@code shared/corpus/gen.py} corpus (seed 1, 200
 * messages): tree shape, content types, file names, subjects, decoded sizes and SHA-256 of every leaf. The script
 * compares the trees and names every mismatch by file and JSON path; parsing mailroom's output with Python's
 * {@code json} module also checks it is valid RFC 8259 JSON.
 */
class ParseReferenceCorpusTest {
  private static final Path CORPUS = Path.of("target/corpus").toAbsolutePath();
  private static final Path JSON = Path.of("target/corpus-json").toAbsolutePath();
  private static List<Path> messages;

  @BeforeAll
  static void generateCorpusAndParseIt() throws Exception {
    Path gen = Cli.shared("corpus/gen.py");
    Cli.Result generated = Cli.exec(Path.of("").toAbsolutePath(), "python3", gen.toString(), "--seed", "1", "--n",
        "200", "--out", CORPUS.toString());
    assertEquals(0, generated.code(), generated.toString());
    try (Stream<Path> files = Files.list(CORPUS)) {
      messages = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
    assertEquals(200, messages.size());
    Files.createDirectories(JSON);
    for (Path message : messages) {
      Cli.Result parsed = Cli.run("parse", "--json", message.toString());
      assertEquals(ExitCodes.OK, parsed.code(), message + ": " + parsed);
      Files.writeString(JSON.resolve(message.getFileName() + ".json"), parsed.out(), StandardCharsets.UTF_8);
    }
  }

  /** Runs the reference's comparison of {@code jsonDir} with the corpus; returns its output. */
  private static Cli.Result compare(Path jsonDir) throws IOException, InterruptedException {
    return compare(jsonDir, messages);
  }

  private static Cli.Result compare(Path jsonDir, List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", Cli.referenceScript().toString(), "--compare",
        jsonDir.toString()));
    files.forEach(m -> command.add(m.toString()));
    return Cli.exec(Path.of("").toAbsolutePath(), command.toArray(String[]::new));
  }

  @Test
  void everyMessageOfTheCorpusMatchesPythonsEmailPackage() throws Exception {
    Cli.Result r = compare(JSON);
    assertEquals(0, r.code(), "mismatches (file, JSON path, python vs mailroom):\n" + r.out());
    assertTrue(r.out().contains("compared 200 files, 0 mismatches"), r.out());
  }

  /**
   * Hand-written messages the generator does not make: RFC 2231 continuations and charsets, an encoded word in a
   * quoted filename, multipart/digest defaults, quoted-printable with trailing white space (where the script
   * corrects Python, RFC 2045 §6.7), an unclosed multipart, nested forwards, a broken Content-Type.
   */
  @Test
  void handWrittenEdgeCasesMatchToo() throws Exception {
    List<Path> edgeCases;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/dev/mailroom/samples/cli/reference"))) {
      edgeCases = files.filter(p -> p.toString().endsWith(".eml")).map(Path::toAbsolutePath).sorted().toList();
    }
    assertEquals(7, edgeCases.size());
    Path json = Files.createDirectories(Path.of("target/reference-json").toAbsolutePath());
    for (Path message : edgeCases) {
      Cli.Result parsed = Cli.run("parse", "--json", message.toString());
      assertEquals(ExitCodes.OK, parsed.code(), message + ": " + parsed);
      Files.writeString(json.resolve(message.getFileName() + ".json"), parsed.out(), StandardCharsets.UTF_8);
    }
    Cli.Result r = compare(json, edgeCases);
    assertEquals(0, r.code(), "mismatches (file, JSON path, python vs mailroom):\n" + r.out());
    assertTrue(r.out().contains("compared 7 files, 0 mismatches"), r.out());
  }

  @Test
  void theComparisonNamesTheFileAndPathOfADifference() throws Exception {
    Path tampered = Files.createDirectories(Path.of("target/corpus-json-tampered").toAbsolutePath());
    for (Path message : messages) {
      String name = message.getFileName() + ".json";
      Files.copy(JSON.resolve(name), tampered.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Path second = tampered.resolve(messages.get(1).getFileName() + ".json");
    String json = Files.readString(second, StandardCharsets.UTF_8);
    Files.writeString(second, json.replaceFirst("\"size\":(\\d)", "\"size\":9$1"), StandardCharsets.UTF_8);
    Cli.Result r = compare(tampered);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("MISMATCH " + messages.get(1).getFileName() + " $.body."), r.out());
    assertTrue(r.out().contains(".size: python="), r.out());
    assertTrue(r.out().contains("compared 200 files, 1 mismatches"), r.out());
  }
}
