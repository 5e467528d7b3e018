package dev.mailroom.client.internal.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailProtocolException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Un-stuffing and the strict terminator (SECURITY.md P03, P04), under every segmentation. */
class DotTerminatedInputStreamTest {

  private static String body(InputStream wire) throws Exception {
    try (InputStream in = ProtocolInput.of(wire, Limits.defaults()).readDotTerminated(Long.MAX_VALUE)) {
      return new String(in.readAllBytes(), US_ASCII);
    }
  }

  private static void assertBody(String wire, String expected) throws Exception {
    for (InputStream in : Chunked.everySegmentation(wire.getBytes(US_ASCII))) {
      assertEquals(expected, body(in), () -> "wire: " + wire.replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  @Test
  void unstuffsLeadingDotsP03() throws Exception {
    assertBody("..\r\n...\r\n.x\r\nplain\r\n.\r\n", ".\r\n..\r\nx\r\nplain\r\n");
  }

  @Test
  void emptyBody() throws Exception {
    assertBody(".\r\n", "");
  }

  @Test
  void bareLfAndCrFormsAreContentNotTerminatorsP04() throws Exception {
    assertBody("a\n.\nb\r\n.\r\n", "a\n.\nb\r\n");
    assertBody("a\r.\rb\r\n.\r\n", "a\r.\rb\r\n");
    assertBody("a\n.\r\nb\r\n.\r\n", "a\n.\r\nb\r\n"); // "\n." is not at a CRLF line start
    assertBody("a\r\n. \r\n.\r\n", "a\r\n \r\n");      // ". " is a stuffed line, not the terminator
    assertBody("a\r\n.\rx\r\n.\r\n", "a\r\n\rx\r\n");
  }

  @Test
  void dotLineDirectlyAfterCrlfSplitAcrossReadsTerminates() throws Exception {
    // the CR of the CRLF is the last byte of one chunk and the LF the first of the next
    assertBody("line\r\n.\r\nTRAILER", "line\r\n");
  }

  @Test
  void endOfStreamWithoutTerminatorIsAProtocolErrorP04() {
    for (String wire : new String[] {"a\r\n", "a\r\n.\n", "a\r\n.\r", "a\r\n.", ""}) {
      for (InputStream in : Chunked.everySegmentation(wire.getBytes(US_ASCII))) {
        assertThrows(MailProtocolException.class, () -> body(in), wire);
      }
    }
  }

  @Test
  void longLinesStreamInConstantMemory() throws Exception {
    String line = "x".repeat(300_000);
    assertEquals(line + "\r\n", body(new java.io.ByteArrayInputStream((line + "\r\n.\r\n").getBytes(US_ASCII))));
  }

  @Test
  void responseLongerThanTheBoundIsAProtocolErrorP10() {
    ProtocolInput input = ProtocolInput.of(("x\r\n".repeat(1000) + ".\r\n").getBytes(US_ASCII), Limits.defaults());
    assertThrows(MailProtocolException.class, () -> input.readDotTerminated(100).readAllBytes());
  }

  @Test
  void closingEarlyReadsOnToTheTerminator() throws Exception {
    ProtocolInput input = ProtocolInput.of("a\r\nb\r\n..c\r\n.\r\n+OK next\r\n".getBytes(US_ASCII), Limits.defaults());
    try (InputStream in = input.readDotTerminated(Long.MAX_VALUE)) {
      assertEquals('a', in.read());
    }
    assertEquals("+OK next", new String(input.readLine(), US_ASCII));
  }
}
