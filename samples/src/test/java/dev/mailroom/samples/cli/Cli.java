package dev.mailroom.samples.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in this JVM, or finds what the process tests need: the jar and {@code ../shared}. */
final class Cli {
  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() { }

  static Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  static Result run(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MailroomCli.run(stdin, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@code shared/<relative>} in the working directory or an ancestor, or its sibling {@code ../shared}. */
  static Path shared(String relative) throws IOException {
    String configured = System.getProperty("mailroom.shared.dir");
    if (configured != null && Files.exists(Path.of(configured, relative))) {
      return Path.of(configured, relative).normalize();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path candidate : new Path[] {d.resolve("shared/" + relative), d.resolve("../shared/" + relative)}) {
        if (Files.exists(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IOException("cannot find shared/" + relative + " above " + Path.of("").toAbsolutePath());
  }

  /** The Python reference for {@code parse --json} (samples/src/test/python). */
  static Path referenceScript() {
    return Path.of("src/test/python/parse_reference.py").toAbsolutePath();
  }

  /** Runs a command to completion and returns its output (stdout and stderr together). */
  static Result exec(Path workDir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return new Result(p.waitFor(), output, "");
  }
}
