package dev.mailroom.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** What every library builds in the build benchmark: a realistic message with non-ASCII text and an attachment. */
record BuildInput(String from, String to, String subject, long dateMillis, String messageId, String text,
    String html, byte[] attachment, String attachmentName) {

  static BuildInput standard() {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder text = new StringBuilder();
    String[] words = {"meeting", "Grüße", "report", "schön", "budget", "réunion", "draft", "naïve", "agenda", "Zürich"};
    for (int line = 0; line < 400; line++) {
      for (int w = 0; w < 10; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      text.append("\r\n");
    }
    byte[] attachment = new byte[200_000];
    random.nextBytes(attachment);
    String body = text.toString();
    String html = "<html><body><p>" + body.replace("\r\n", "</p>\r\n<p>") + "</p></body></html>";
    return new BuildInput("alice@example.test", "bob@example.test, carol@example.test",
        "Quarterly report – Grüße aus Zürich", 1_700_000_000_000L, "<bench.1@example.test>", body, html,
        attachment, "report.bin");
  }

  long approximateBytes() {
    return text.getBytes(StandardCharsets.UTF_8).length + html.getBytes(StandardCharsets.UTF_8).length
        + attachment.length;
  }
}
