package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SECURITY.md R11: the hostile MIME battery with 100 MB inputs in a JVM limited to 64 MiB of heap. */
class MemoryBoundTest {
  @Test
  void r11HostileBatteryRunsInSixtyFourMegabytes(@TempDir Path spool) throws Exception {
    String out = CorpusGenerator.fork("64m", HostileBatteryMain.class, spool.toString());
    for (String name : HostileBatteryMain.cases()) {
      assertTrue(out.contains("ok " + name), "case " + name + " did not pass:\n" + out);
    }
  }
}
