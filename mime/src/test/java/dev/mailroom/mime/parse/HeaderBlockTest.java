package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static dev.mailroom.mime.parse.Messages.defectKinds;
import static dev.mailroom.mime.parse.Messages.events;
import static dev.mailroom.mime.parse.Messages.only;
import static dev.mailroom.mime.parse.Messages.raw;
import static dev.mailroom.mime.parse.Messages.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header blocks: RFC 5322 §2.2 fields, folding, the blank line, and what happens to lines that are not fields. */
class HeaderBlockTest {
  @Test
  void foldedFieldIsOneEventWithItsRawBytes() throws IOException {
    List<MimeEvent> events = events(Samples.PLAIN);
    List<MimeEvent.HeaderField> fields = only(events, MimeEvent.HeaderField.class);
    assertEquals(2, fields.size());
    assertEquals("Subject: hello\r\n folded\r\n", text(fields.get(1).header().raw()));
    assertEquals("hello folded", fields.get(1).header().value(), "RFC 5322 §2.2.3 unfolding");
    assertEquals(List.of(), defectKinds(events));
  }

  @Test
  void whiteSpaceBeforeTheColonIsObsoleteButAccepted() throws IOException {
    List<MimeEvent.HeaderField> fields = only(events(raw("Subject \t: obs\r\nX:y\r\n\r\n")), MimeEvent.HeaderField.class);
    assertEquals("Subject", fields.get(0).header().name(), "RFC 5322 §4.5.8 obs-optional");
    assertEquals("obs", fields.get(0).header().value());
    assertEquals("X", fields.get(1).header().name());
  }

  @Test
  void aLineThatIsNotAFieldStartsTheBody() throws IOException {
    byte[] message = crlf("Subject: x\nthis is not a field\nTo: y@example.org\n\nbody\n");
    List<MimeEvent> events = events(message);
    assertEquals(1, only(events, MimeEvent.HeaderField.class).size());
    assertEquals(List.of(Kind.MALFORMED_HEADER), defectKinds(events));
    MimeEvent.HeadersEnd end = only(events, MimeEvent.HeadersEnd.class).get(0);
    assertArrayEquals(new byte[0], end.separator(), "no blank line ended this block");
    assertEquals(List.of("this is not a field\r\nTo: y@example.org\r\n\r\nbody\r\n"), Messages.leafBodies(events));
    assertArrayEquals(message, Messages.reassemble(events));
  }

  @Test
  void aContinuationWithoutAFieldStartsTheBody() throws IOException {
    List<MimeEvent> events = events(Samples.MALFORMED_HEADERS);
    assertEquals(0, only(events, MimeEvent.HeaderField.class).size());
    assertEquals(List.of(Kind.MALFORMED_HEADER), defectKinds(events));
    assertEquals(List.of(text(Samples.MALFORMED_HEADERS)), Messages.leafBodies(events));
  }

  @Test
  void colonAtLineStartIsNotAField() throws IOException {
    List<MimeEvent> events = events(raw(": no name\r\n\r\n"));
    assertEquals(List.of(Kind.MALFORMED_HEADER), defectKinds(events));
    assertEquals(0, only(events, MimeEvent.HeaderField.class).size());
  }

  @Test
  void mboxFromLineAtTheStartIsSkipped() throws IOException {
    List<MimeEvent> events = events(Samples.MBOX);
    assertEquals(List.of(Kind.MBOX_FROM_LINE), defectKinds(events));
    assertEquals("Subject", only(events, MimeEvent.HeaderField.class).get(0).header().name());
    MimeMessage message = MimeMessage.parse(Samples.MBOX);
    assertEquals("Subject: mbox\r\n\r\nbody\r\n", text(message.toByteArray()), "RFC 4155: the envelope is not the message");
  }

  @Test
  void fromFieldIsNotAnMboxLine() throws IOException {
    List<MimeEvent> events = events(crlf("From: a@example.org\n\nx"));
    assertEquals(List.of(), defectKinds(events));
    assertEquals("From", only(events, MimeEvent.HeaderField.class).get(0).header().name());
  }

  @Test
  void fromLineLaterInTheHeadersStartsTheBody() throws IOException {
    List<MimeEvent> events = events(crlf("Subject: x\nFrom alice Mon Jan  1 2024\n\nbody"));
    assertEquals(List.of(Kind.MALFORMED_HEADER), defectKinds(events));
  }

  @Test
  void aPartWithHeadersAndNoBodyNeedsNoBlankLine() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=b
        
        --b
        Content-Type: text/plain
        --b
        --b--
        """);
    List<MimeEvent> events = events(message);
    assertEquals(List.of(), defectKinds(events), "RFC 2046 §5.1.1: body-part := MIME-part-headers [CRLF *OCTET]");
    assertEquals(List.of("", ""), Messages.leafBodies(events));
    assertEquals("--b\r\n", text(only(events, MimeEvent.Delimiter.class).get(1).raw()));
    assertArrayEquals(message, Messages.reassemble(events));
  }

  @Test
  void headersOnlyMessageIsComplete() throws IOException {
    List<MimeEvent> events = events(Samples.NO_BODY);
    assertEquals(List.of(), defectKinds(events), "RFC 5322 §3.5: the body is optional");
    MimePart part = (MimePart) MimeMessage.parse(Samples.NO_BODY).root();
    assertEquals(0, part.body().rawSize().getAsLong());
  }

  @Test
  void inputEndingInsideAFieldIsTruncated() throws IOException {
    List<MimeEvent> events = events(raw("Subject: cut"));
    assertEquals(List.of(Kind.TRUNCATED), defectKinds(events));
    assertEquals("Subject: cut", text(only(events, MimeEvent.HeaderField.class).get(0).header().raw()));
  }

  @Test
  void emptyInputIsOneEmptyEntity() throws IOException {
    List<MimeEvent> events = events(Samples.EMPTY);
    assertEquals(List.of(Kind.TRUNCATED), defectKinds(events));
    MimeMessage message = MimeMessage.parse(Samples.EMPTY);
    assertEquals(0, message.toByteArray().length);
    assertEquals("text/plain", message.root().contentType().mimeType());
  }

  @Test
  void whiteSpaceOnlyContinuationLinesBelongToTheField() throws IOException {
    List<MimeEvent.HeaderField> fields = only(events(raw("A: 1\r\n \r\n\t\r\nB: 2\r\n\r\n")), MimeEvent.HeaderField.class);
    assertEquals("A: 1\r\n \r\n\t\r\n", text(fields.get(0).header().raw()));
    assertEquals("B", fields.get(1).header().name());
  }
}
