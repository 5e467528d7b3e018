package dev.mailroom.pop3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailroom.testkit.MockPop3Maildrop;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.lab.MailLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB message (the corpus generator's {@code gen.py --big-mb 50}) is retrieved and parsed by a client in a forked
 * JVM with {@code -Xmx32m}: retrieval streams, nothing holds the message (SECURITY.md R11 for POP3).
 */
class LargeMessageStreamingTest {
  @TempDir Path dir;

  private static Path generator() {
    try {
      Path lab = MailLab.seedScript();
      Path gen = lab.getParent().getParent().resolve("corpus/gen.py");
      return Files.isRegularFile(gen) ? gen : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  @Test
  void fiftyMegabyteMessageIsRetrievedAndParsedUnderXmx32m() throws Exception {
    Path gen = generator();
    assumeTrue(gen != null, "shared/corpus/gen.py not found");
    Path eml = dir.resolve("big.eml");
    Process generate = new ProcessBuilder("python3", gen.toString(), "--big-mb", "50", "--out", eml.toString())
        .redirectErrorStream(true).start();
    generate.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertEquals(0, generate.waitFor());
    byte[] message = Files.readAllBytes(eml);
    assertTrue(message.length > 50_000_000, "a 50 MB message: " + message.length);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message));

    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "bob-pw").add("big-1", message);
    message = null;
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-Xmx32m", "-Djava.io.tmpdir=" + dir, "-cp",
          System.getProperty("java.class.path"), SmallHeapRetrieve.class.getName(), server.host(),
          Integer.toString(server.port())).redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), UTF_8);
      assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child finished");
      assertEquals(0, child.exitValue(), output);
      List<String> words = List.of(output.lines().filter(l -> l.startsWith("sha256 ")).findFirst().orElseThrow()
          .split(" "));
      assertEquals(sha, words.get(1), "RETR streamed every byte: " + output);
      assertTrue(Long.parseLong(words.get(5)) > 35_000_000, "the attachment decoded in full: " + output);
      assertTrue(Long.parseLong(words.get(7)) <= 40L * 1024 * 1024, "the child really ran with -Xmx32m: " + output);
    }
  }
}
