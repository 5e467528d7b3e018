package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts {@code mailroom fetch} as a process and kills it (SIGKILL) while it is storing messages. */
final class KillMidRun {
  private KillMidRun() { }

  /**
   * Runs {@code args} and kills the process as soon as {@code maildir/new} holds at least {@code killAt} files;
   * fails if the fetch finished (or died) before that, since then nothing was tested.
   *
   * @return how many messages were in {@code new/} right after the kill
   */
  static long fetchAndKill(Map<String, String> env, Path logDir, Path maildir, int killAt, List<String> args)
      throws Exception {
    Process p = JarProcess.start(env, logDir, args.toArray(String[]::new));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      while (TestMail.count(maildir.resolve("new")) < killAt) {
        assertTrue(p.isAlive(), "the fetch ended before it could be killed: exit " + (p.isAlive() ? "" : p.exitValue())
            + "\n" + Files.readString(logDir.resolve("out.txt")) + Files.readString(logDir.resolve("err.txt")));
        assertTrue(System.nanoTime() < deadline, "no progress within 60 s: "
            + Files.readString(logDir.resolve("err.txt"), StandardCharsets.UTF_8));
        Thread.sleep(2);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no QUIT or LOGOUT
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return TestMail.count(maildir.resolve("new"));
  }
}
