package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mailroom demo} in-process: every step runs and says what it did. */
class DemoCommandTest {
  static final List<String> STEPS = List.of(
      "1. Start an in-memory mail server",
      "2. Send three messages from alice to bob with SmtpClient",
      "3. List bob's INBOX over IMAP with ImapClient",
      "4. Fetch them over POP3 into a Maildir",
      "5. Wait for a message that is not there yet",
      "6. Parse the fetched message with the attachment");

  /** What a successful demo printed: every step in order, each with its evidence. */
  static void assertDemoOutput(String out) {
    int at = -1;
    for (String step : STEPS) {
      int next = out.indexOf(step);
      assertTrue(next > at, "step '" + step + "' in order in:\n" + out);
      at = next;
    }
    for (String evidence : List.of("accepted \"Quarterly report\": queued as ", "INBOX: 3 messages",
        "stored 3, already seen 0, deleted 0, errors 0", "stored 0, already seen 3, deleted 0, errors 0",
        "\"found\":true", "\"subject\":\"Build #42 passed\"", "text/csv \"report.csv\" 30 bytes attachment",
        "Done in ")) {
      assertTrue(out.contains(evidence), "'" + evidence + "' in:\n" + out);
    }
  }

  @Test
  void runsEveryStep() {
    Cli.Result r = Cli.run("demo");
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertDemoOutput(r.out());
    assertEquals("", r.err());
  }
}
