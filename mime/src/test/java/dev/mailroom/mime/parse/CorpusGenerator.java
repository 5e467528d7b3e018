package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code shared/corpus/gen.py} (Python 3 stdlib) and forked JVMs for the corpus and memory tests. */
final class CorpusGenerator {
  private CorpusGenerator() { }

  /** The shared directory, from the {@code mailroom.shared.dir} system property the parent pom sets for surefire. */
  static Path sharedDir() {
    String dir = System.getProperty("mailroom.shared.dir");
    assertTrue(dir != null && !dir.isBlank(), "system property mailroom.shared.dir is not set (parent pom, surefire)");
    Path path = Path.of(dir).normalize();
    assertTrue(Files.isRegularFile(path.resolve("corpus/gen.py")), "no corpus/gen.py under " + path);
    return path;
  }

  /** Skips the test when python3 is missing, unless {@code CI=true}, where it fails instead. */
  static void requirePython() {
    boolean present;
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        fail("python3 is required to generate the corpus (CI=true)");
      }
      assumeTrue(false, "python3 not found: the corpus cannot be generated, test skipped (it fails when CI=true)");
    }
  }

  /** Runs gen.py with {@code args}; fails the test with its output if it fails. */
  static void generate(String... args) throws IOException, InterruptedException {
    requirePython();
    List<String> command = new ArrayList<>(List.of("python3", sharedDir().resolve("corpus/gen.py").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "gen.py timed out");
    assertEquals(0, p.exitValue(), "gen.py failed: " + output);
  }

  /** Runs {@code mainClass} in a new JVM with {@code heap} ({@code -Xmx}) and the test class path; returns stdout. */
  static String fork(String heap, Class<?> mainClass, String... args) throws IOException, InterruptedException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", classPath, mainClass.getName()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("mailroom-fork-", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "forked JVM timed out");
      String stderr = Files.readString(err);
      assertEquals(0, p.exitValue(), "forked JVM failed:\n" + out + "\n" + stderr);
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  static File target() {
    return new File("target");
  }
}
