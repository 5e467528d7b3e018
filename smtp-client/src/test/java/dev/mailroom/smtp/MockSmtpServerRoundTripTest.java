package dev.mailroom.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Timeouts;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.MockSmtpServer;
import dev.mailroom.testkit.RecordedMessage;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whole sessions against the SMTP-aware {@code MockSmtpServer}: what the server receives is the message. */
@ExtendWith(StartStopExtension.class)
class MockSmtpServerRoundTripTest {
  @StartStop final MockSmtpServer smtp = new MockSmtpServer();

  private SmtpClient.Builder client() {
    return SmtpClient.builder().endpoint(Endpoint.plain("localhost", smtp.port()))
        .timeouts(Timeouts.defaults().newBuilder().all(Smtp.QUICK).build()).smtpTimeouts(SmtpTimeouts.all(Smtp.QUICK))
        .clientName("client.test");
  }

  private static MimeMessage message(String text) {
    return MimeMessage.builder().from("alice@client.test").to("bob@mx.test").subject("round trip").text(text)
        .build();
  }

  private static byte[] canonical(MimeMessage message) throws Exception {
    byte[] bytes = message.toByteArray();
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    return s.endsWith("\r\n") ? bytes : (s + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void dataAndBdatBothDeliverTheExactMessageOnOneConnection() throws Exception {
    MimeMessage first = message(".leading dot\r\n.\r\nand more");
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      big.append("line ").append(i).append(" of a message larger than one chunk\r\n");
    }
    MimeMessage second = message(big.toString());
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "PIPELINING", "CHUNKING", "SIZE 10000000", "ENHANCEDSTATUSCODES");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"), MockReply.of(354, "go"),
        MockReply.of(250, "2.0.0 queued as D1"));
    SmtpClient dataClient = client().build();
    try (SmtpSession session = dataClient.connect()) {
      assertEquals("D1", session.send(Envelope.of("alice@client.test", "bob@mx.test"), first).queueId()
          .orElseThrow());
      smtp.enqueue(MockReply.of(221, "bye"));
    }
    RecordedMessage viaData = smtp.takeMessage();
    assertArrayEquals(canonical(first), viaData.bytes());

    int chunks = (int) ((second.byteSize().getAsLong() + 1023) / 1024);
    smtp.enqueueGreeting("mx.test ESMTP");
    smtp.enqueueEhlo("mx.test", "PIPELINING", "CHUNKING", "SIZE 10000000", "ENHANCEDSTATUSCODES");
    smtp.enqueue(MockReply.of(250, "2.1.0 ok"), MockReply.of(250, "2.1.5 ok"));
    for (int i = 0; i < chunks - 1; i++) {
      smtp.enqueue(MockReply.of(250, "2.0.0 chunk ok"));
    }
    smtp.enqueue(MockReply.of(250, "2.0.0 queued as B2"), MockReply.of(221, "bye"));
    try (SmtpSession session = client().preferChunking(true).chunkSize(1024).build().connect()) {
      assertEquals("B2", session.send(Envelope.of("alice@client.test", "bob@mx.test"), second).queueId()
          .orElseThrow());
    }
    RecordedMessage viaBdat = smtp.takeMessage();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    second.writeTo(expected);
    assertArrayEquals(expected.toByteArray(), viaBdat.bytes(), "BDAT chunks join to the exact bytes");
  }
}
