package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimeParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SECURITY.md M05: header bombs end in a {@link ParserLimits} error, in time linear in the input. */
class HeaderBombTest {
  private static final Duration LINEAR = Duration.ofSeconds(20);

  @Test
  void m05HundredThousandHeadersHitTheFieldCount() {
    var input = BoundaryAbuseTest.repeat("", "X-Bomb: 1\r\n", 100_000, "\r\nbody");
    MimeParseException e = assertTimeoutPreemptively(LINEAR,
        () -> assertThrows(MimeParseException.class, () -> MimeMessage.parse(input)));
    assertTrue(e.getMessage().contains("1000 header fields"), e.getMessage());
    assertEquals(1000L * 11, e.offset(), "offset of the first field over the limit");
  }

  @Test
  void m05TenMegabyteFoldedHeaderHitsTheFieldSize() {
    var input = BoundaryAbuseTest.repeat("Subject: x", "\r\n " + "y".repeat(97), 100_000, "\r\n\r\nbody");
    MimeParseException e = assertTimeoutPreemptively(LINEAR,
        () -> assertThrows(MimeParseException.class, () -> MimeMessage.parse(input)));
    assertTrue(e.getMessage().contains("65536"), e.getMessage());
    assertEquals(0, e.offset(), "offset of the field");
  }

  @Test
  void m05MillionContinuationLinesHitTheFieldSize() {
    var input = BoundaryAbuseTest.repeat("Subject: x", "\r\n z", 1_000_000, "\r\n\r\nbody");
    assertTimeoutPreemptively(LINEAR, () -> assertThrows(MimeParseException.class, () -> MimeMessage.parse(input)));
  }

  @Test
  void m05MillionContinuationLinesAreLinearWhenTheLimitAllowsThem() throws IOException {
    ParserLimits roomy = ParserLimits.defaults().withMaxFieldBytes(64 << 20).withMaxHeaderBytes(64 << 20);
    long events = assertTimeoutPreemptively(LINEAR, () -> {
      MimeParser parser = MimeParser.of(BoundaryAbuseTest.repeat("Subject: x", "\r\n z", 1_000_000, "\r\n\r\nbody"),
          roomy);
      List<MimeEvent> all = Messages.drain(parser);
      MimeEvent.HeaderField field = Messages.only(all, MimeEvent.HeaderField.class).get(0);
      assertEquals(10 + 4 * 1_000_000 + 2, field.header().rawLength());
      return (long) all.size();
    });
    assertTrue(events < 10);
  }

  @Test
  void m05HeaderBlockBytesAreBounded() {
    var input = BoundaryAbuseTest.repeat("", "X-Fill: " + "f".repeat(1000) + "\r\n", 300, "\r\nbody");
    MimeParseException e = assertThrows(MimeParseException.class, () -> MimeMessage.parse(input));
    assertTrue(e.getMessage().contains("262144"), e.getMessage());
  }

  @Test
  void m05LimitsApplyPerEntity() throws IOException {
    StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
    for (int part = 0; part < 3; part++) {
      sb.append("--b\r\n");
      sb.append("X-H: v\r\n".repeat(900)).append("\r\nbody\r\n");
    }
    sb.append("--b--\r\n");
    MimeMessage message = MimeMessage.parse(new ByteArrayInputStream(sb.toString().getBytes()));
    assertEquals(3, Messages.leaves(message).size(), "2,700 fields in all, 900 per entity");
  }

  @Test
  void m05LimitsAreConfigurable() {
    ParseOptions tight = ParseOptions.defaults().withLimits(ParserLimits.defaults().withMaxHeaderCount(2));
    assertThrows(MimeParseException.class,
        () -> MimeMessage.parse(new ByteArrayInputStream("A: 1\r\nB: 2\r\nC: 3\r\n\r\n".getBytes()), tight));
  }
}
