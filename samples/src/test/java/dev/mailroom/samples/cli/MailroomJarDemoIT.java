package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code java -jar mailroom.jar demo} as a user runs it: exit 0, every step printed, well under 60 s. */
class MailroomJarDemoIT {
  @Test
  void theDemoRunsByItselfInAFewSeconds() throws Exception {
    long start = System.nanoTime();
    Cli.Result r = JarProcess.run("demo"); // JarProcess fails the test if it takes 60 s
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    DemoCommandTest.assertDemoOutput(r.out());
    assertEquals("", r.err(), "nothing on standard error");
    assertTrue(millis < 30_000, "the demo took " + millis + " ms");
    System.out.println("mailroom demo as a process: " + millis + " ms");
  }
}
