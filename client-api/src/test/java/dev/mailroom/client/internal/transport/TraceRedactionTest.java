package dev.mailroom.client.internal.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.trace.ProtocolTrace;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** What a client line looks like in the trace, and the last-line injection guard. */
class TraceRedactionTest {
  private final List<String> lines = new ArrayList<>();
  private final Buffer wire = new Buffer();
  private final BufferedProtocolOutput output =
      new BufferedProtocolOutput(wire, ProtocolTrace.printing(lines::add), () -> { });

  @Test
  void publicLinesAreShownWhole() throws Exception {
    output.writeLine("A1 SELECT INBOX", Sensitivity.PUBLIC);
    assertEquals(List.of("C: A1 SELECT INBOX"), lines);
    assertEquals("A1 SELECT INBOX\r\n", wire.readUtf8());
  }

  @Test
  void secretsAreRedactedButStillSent() throws Exception {
    output.writeLine("A1 LOGIN alice s3cret", Sensitivity.revealing("A1 LOGIN ".length()));
    output.writeLine("PASS s3cret", Sensitivity.revealing(5));
    output.writeLine("dXNlcgBhbGljZQBzM2NyZXQ=", Sensitivity.SECRET);
    assertEquals(List.of("C: A1 LOGIN <redacted>", "C: PASS <redacted>", "C: <redacted>"), lines);
    assertEquals("A1 LOGIN alice s3cret\r\nPASS s3cret\r\ndXNlcgBhbGljZQBzM2NyZXQ=\r\n", wire.readUtf8());
  }

  @Test
  void controlCharactersAreEscapedInTheTrace() throws Exception {
    output.writeLine("X-Name \u001b]0;pwned\u0007 \u202e", Sensitivity.PUBLIC);
    assertEquals(List.of("C: X-Name \\x1B]0;pwned\\x07 \\u202E"), lines);
  }

  @Test
  void crLfAndNulCanNeverBeWrittenInsideALine() {
    for (String evil : new String[] {"MAIL FROM:<a@b>\r\nRCPT TO:<x@y>", "a\nb", "a\rb", "a\u0000b"}) {
      assertThrows(IllegalArgumentException.class, () -> output.writeLine(evil, Sensitivity.PUBLIC));
    }
    assertEquals(0, wire.size(), "nothing written");
    assertEquals(List.of(), lines);
  }

  @Test
  void narrowingCharactersAreEncodedNotTruncatedS02() throws Exception {
    // U+760D has CR as its low byte: a char-to-byte cast would inject a CR; UTF-8 encoding never does
    output.writeLine("RCPT TO:<\u760d@example.org>", Sensitivity.PUBLIC);
    byte[] sent = wire.readByteArray();
    assertEquals("RCPT TO:<\u760d@example.org>\r\n", new String(sent, UTF_8));
    for (int i = 0; i < sent.length - 2; i++) {
      assertEquals(false, sent[i] == '\r' || sent[i] == '\n', "no CR/LF before the end");
    }
  }

  @Test
  void payloadsAreTracedBySizeOnly() throws Exception {
    try (var out = output.dotStuffingStream()) {
      out.write("secret body\r\n".getBytes(UTF_8));
    }
    assertEquals(List.of("C: <13 bytes>", "C: ."), lines);
  }
}
