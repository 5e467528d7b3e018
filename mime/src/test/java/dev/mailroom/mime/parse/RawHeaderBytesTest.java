package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.defectKinds;
import static dev.mailroom.mime.parse.Messages.events;
import static dev.mailroom.mime.parse.Messages.only;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SECURITY.md M09: raw 8-bit and NUL bytes in headers are kept; decoded views use U+FFFD; NUL never truncates. */
class RawHeaderBytesTest {
  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void m09UnencodedUtf8IsValidPerRfc6532() throws IOException {
    byte[] message = concat("Subject: Grüße 日本\r\n\r\nbody".getBytes(StandardCharsets.UTF_8));
    List<MimeEvent> events = events(message);
    assertEquals(List.of(), defectKinds(events));
    assertEquals("Grüße 日本", only(events, MimeEvent.HeaderField.class).get(0).header().value());
  }

  @Test
  void m09Latin1BytesAreKeptAndDecodedWithReplacement() throws IOException {
    byte[] message = concat("Subject: Gr".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFC},
        "\u00DF\r\n".getBytes(StandardCharsets.ISO_8859_1), "To: x\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
    List<MimeEvent> events = events(message);
    assertEquals(List.of(Kind.INVALID_HEADER_BYTES), defectKinds(events), "reported once per entity");
    Header subject = only(events, MimeEvent.HeaderField.class).get(0).header();
    assertEquals("Gr\uFFFD\uFFFD", subject.value());
    assertArrayEquals(concat("Subject: Gr".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFC, (byte) 0xDF},
        "\r\n".getBytes(StandardCharsets.US_ASCII)), subject.raw());
    assertArrayEquals(message, MimeMessage.parse(message).toByteArray());
  }

  @Test
  void m09NulNeverTruncates() throws IOException {
    byte[] message = concat("Subject: before".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
        "after\r\nX-Next: still here\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
    List<MimeEvent> events = events(message);
    List<MimeEvent.HeaderField> fields = only(events, MimeEvent.HeaderField.class);
    assertEquals(2, fields.size());
    assertEquals("before\u0000after", fields.get(0).header().value());
    assertEquals("still here", fields.get(1).header().value());
    assertTrue(defectKinds(events).contains(Kind.INVALID_HEADER_BYTES));
    assertArrayEquals(message, MimeMessage.parse(message).toByteArray());
  }

  @Test
  void m09EightBitInAFieldNameIsNotAField() throws IOException {
    byte[] message = concat(new byte[] {'X', (byte) 0xE9}, ": v\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
    List<MimeEvent> events = events(message);
    assertEquals(0, only(events, MimeEvent.HeaderField.class).size(), "RFC 5322 §2.2: names are printable ASCII");
    assertEquals(List.of(Kind.MALFORMED_HEADER), defectKinds(events));
    assertArrayEquals(message, Messages.reassemble(events));
  }

  @Test
  void m09EightBitBytesInPartHeadersToo() throws IOException {
    byte[] message = concat("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Description: "
        .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, 0, (byte) 0x80},
        "\r\n\r\nx\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    MimeMessage parsed = MimeMessage.parse(message);
    assertEquals(List.of(Kind.INVALID_HEADER_BYTES), Messages.allDefects(parsed));
    assertArrayEquals(message, parsed.toByteArray());
  }
}
