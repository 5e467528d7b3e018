package dev.mailroom.testkit.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lab helper itself: a message sent with a raw SMTP exchange is found by Message-ID and read back exactly. */
@Tag("interop")
class MailLabInteropTest {
  private static String reply(InputStream in) throws Exception {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    String last;
    do {
      line.reset();
      int c;
      while ((c = in.read()) != '\n') {
        if (c == -1) {
          throw new AssertionError("closed");
        }
        line.write(c);
      }
      last = line.toString(StandardCharsets.US_ASCII).trim();
    } while (last.length() > 3 && last.charAt(3) == '-');
    return last;
  }

  @Test
  void sentMessageIsReadBackByMessageId() throws Exception {
    MailLab lab = MailLab.require();
    String id = "<lab-helper." + System.nanoTime() + "@example.test>";
    String message = "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nFrom: alice@example.test\r\nTo: bob@example.test\r\nSubject: lab helper\r\nMessage-ID: " + id
        + "\r\n\r\nhello\r\n";
    try (Socket s = new Socket(lab.host(), MailLab.SMTP)) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      assertTrue(reply(in).startsWith("220"));
      for (String command : new String[] {"EHLO test", "MAIL FROM:<alice@example.test>", "RCPT TO:<bob@example.test>",
          "DATA"}) {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in);
      }
      out.write((message + ".\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertTrue(reply(in).startsWith("250"));
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] delivered = lab.takeDelivered(MailLab.BOB, id, Duration.ofSeconds(20));
    String text = new String(delivered, StandardCharsets.US_ASCII);
    assertTrue(text.endsWith(message), "Postfix only prepends trace fields: " + text);
  }
}
