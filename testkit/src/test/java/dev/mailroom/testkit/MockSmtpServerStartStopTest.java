package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.testkit.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The STYLE.md §6 shape: a {@code @StartStop} field, enqueue, exercise, take. */
class MockSmtpServerStartStopTest {
  @StartStop final MockSmtpServer smtp = new MockSmtpServer();

  @Test
  void startedByTheExtension() throws Exception {
    smtp.enqueue(MockReply.of(220, "mx.test ESMTP"));
    smtp.enqueue(MockReply.multiline(250, "mx.test", "PIPELINING", "SIZE 1000000"));
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(354, "go"));
    smtp.enqueue(MockReply.of(250, "2.0.0 queued").onReplyEnd(SocketEffect.CLOSE));
    try (TestClient client = TestClient.connect(smtp)) {
      assertEquals("220 mx.test ESMTP", client.readLine());
      client.write("EHLO client.test\r\n");
      assertEquals("250-mx.test", client.readLine());
      assertEquals("250-PIPELINING", client.readLine());
      assertEquals("250 SIZE 1000000", client.readLine());
      client.write("MAIL FROM:<a@client.test>\r\nRCPT TO:<b@mx.test>\r\nDATA\r\n");
      assertEquals("250 2.1.0 ok", client.readLine());
      assertEquals("250 2.1.5 ok", client.readLine());
      assertEquals("354 go", client.readLine());
      client.write("x\r\n.\r\n");
      assertEquals("250 2.0.0 queued", client.readLine());
    }
    assertEquals("EHLO client.test", smtp.takeCommand().line());
    assertEquals("x\r\n", smtp.takeMessage().text());
  }
}
