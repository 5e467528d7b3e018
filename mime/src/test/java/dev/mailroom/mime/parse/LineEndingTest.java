package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.defectKinds;
import static dev.mailroom.mime.parse.Messages.events;
import static dev.mailroom.mime.parse.Messages.leafBodies;
import static dev.mailroom.mime.parse.Messages.only;
import static dev.mailroom.mime.parse.Messages.raw;
import static dev.mailroom.mime.parse.Messages.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeMessage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SECURITY.md M13: bare LF, bare CR, mixed and CRCRLF line endings are parsed, with a defect, and kept raw. */
class LineEndingTest {
  private static final String SHAPE =
      "Content-Type: multipart/mixed; boundary=x|A: b| folded||--x|A: c||body one|--x|||body two||--x--|epi|";

  private static byte[] shape(String lineEnding) {
    return raw(SHAPE.replace("|", lineEnding));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\n", "\r"})
  void m13SameStructureWhateverTheLineEnding(String ending) throws IOException {
    List<MimeEvent> events = events(shape(ending));
    assertEquals(List.of("body one", ending + "body two" + ending), leafBodies(events));
    assertEquals("b folded", only(events, MimeEvent.HeaderField.class).get(1).header().value());
    assertEquals(ending + "--x" + ending, text(only(events, MimeEvent.Delimiter.class).get(1).raw()));
    assertEquals(ending.equals("\r\n") ? List.of() : List.of(Kind.BARE_LINE_ENDING, Kind.BARE_LINE_ENDING,
        Kind.BARE_LINE_ENDING), defectKinds(events), "once per entity");
    assertArrayEquals(shape(ending), MimeMessage.parse(shape(ending)).toByteArray());
  }

  @Test
  void m13MixedLineEndings() throws IOException {
    byte[] message = raw("Content-Type: multipart/mixed; boundary=x\r\n\n--x\rA: 1\n\r\nbody\r--x--\r\n");
    List<MimeEvent> events = events(message);
    assertEquals(List.of("body"), leafBodies(events));
    assertEquals("\r--x--\r\n", text(only(events, MimeEvent.CloseDelimiter.class).get(0).raw()));
    assertArrayEquals(message, Messages.reassemble(events));
  }

  @Test
  void m13CrCrLfEndsALineAndThenABlankLine() throws IOException {
    List<MimeEvent> events = events(Samples.CRCRLF);
    List<MimeEvent.HeaderField> fields = only(events, MimeEvent.HeaderField.class);
    assertEquals(1, fields.size(), "CR, then CRLF: a blank line, as Python's email reads it");
    assertEquals("Subject: x\r", text(fields.get(0).header().raw()));
    assertEquals(List.of(Kind.BARE_LINE_ENDING), defectKinds(events));
    assertEquals(List.of("Content-Type: text/plain\r\n\r\nbody\r\r\n"), leafBodies(events));
    assertArrayEquals(Samples.CRCRLF, MimeMessage.parse(Samples.CRCRLF).toByteArray());
  }

  @Test
  void m13CrCrLfBeforeADelimiterLeavesTheStrayCrInTheBody() throws IOException {
    byte[] message = raw("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nbody\r\r\n--x--\r\n");
    assertEquals(List.of("body\r"), leafBodies(events(message)));
  }
}
