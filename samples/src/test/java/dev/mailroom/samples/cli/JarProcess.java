package dev.mailroom.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts {@code samples/target/mailroom.jar} as a real process ({@code java -jar}), as a user would. */
final class JarProcess {
  private JarProcess() { }

  /** The shaded jar the build made (failsafe passes its path as {@code mailroom.jar}). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("mailroom.jar", "target/mailroom.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": run 'mvn -pl samples -am verify' (package makes it)");
    }
    return jar;
  }

  /** Runs {@code mailroom args...} with extra environment variables and standard input; waits at most 60 s. */
  static Cli.Result run(Map<String, String> env, byte[] stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Process p = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
    try (var in = p.getOutputStream()) {
      in.write(stdin);
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("mailroom " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Cli.Result(p.exitValue(), out.get(), err.get());
  }

  /**
   * Starts {@code mailroom args...} without waiting, its standard output and error going to {@code out.txt} and
   * {@code err.txt} in {@code logDir}: for tests that kill it midway.
   */
  static Process start(Map<String, String> env, Path logDir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null"))).redirectOutput(logDir.resolve("out.txt").toFile())
        .redirectError(logDir.resolve("err.txt").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  static Cli.Result run(String... args) throws Exception {
    return run(Map.of(), new byte[0], args);
  }

  private static String text(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
