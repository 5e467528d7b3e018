package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static dev.mailroom.mime.parse.Messages.events;
import static dev.mailroom.mime.parse.Messages.only;
import static dev.mailroom.mime.parse.Messages.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.codec.TransferEncoding;
import dev.mailroom.mime.parse.MimeEvent.BodyKind;
import dev.mailroom.mime.parse.MimeEvent.Section;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event stream: order, raw framing bytes, offsets, and taking a body as a stream. */
class MimeParserEventsTest {
  @Test
  void multipartEventsInOrderWithRawFraming() throws IOException {
    List<MimeEvent> events = events(Samples.MIXED);
    List<String> shape = new ArrayList<>();
    for (MimeEvent e : events) {
      shape.add(e.getClass().getSimpleName() + (e instanceof MimeEvent.BodyChunk c ? ":" + c.section() : ""));
    }
    assertEquals(List.of("EntityStart", "HeaderField", "HeadersEnd", "BodyChunk:PREAMBLE",
        "Delimiter", "EntityStart", "HeaderField", "HeadersEnd", "BodyChunk:BODY", "EntityEnd",
        "Delimiter", "EntityStart", "HeaderField", "HeaderField", "HeadersEnd", "BodyChunk:BODY", "EntityEnd",
        "CloseDelimiter", "BodyChunk:EPILOGUE", "EntityEnd", "End"), shape);
    List<MimeEvent.Delimiter> delimiters = only(events, MimeEvent.Delimiter.class);
    assertEquals("\r\n--b1\r\n", text(delimiters.get(0).raw()));
    assertEquals("\r\n--b1\t \r\n", text(delimiters.get(1).raw()), "transport padding kept (RFC 2046 §5.1.1)");
    assertEquals("\r\n--b1--\r\n", text(only(events, MimeEvent.CloseDelimiter.class).get(0).raw()));
    List<MimeEvent.BodyChunk> chunks = only(events, MimeEvent.BodyChunk.class);
    assertEquals("preamble", text(chunks.get(0).toByteArray()));
    assertEquals("part one", text(chunks.get(1).toByteArray()), "the CRLF before a delimiter is not body");
    assertEquals("aGVsbG8gd29ybGQ=", text(chunks.get(2).toByteArray()));
    assertEquals("epilogue\r\n", text(chunks.get(3).toByteArray()));
    assertEquals(List.of(), Messages.defectKinds(events));
  }

  @Test
  void headersEndCarriesTypeEncodingKindAndSeparator() throws IOException {
    List<MimeEvent.HeadersEnd> ends = only(events(Samples.MIXED), MimeEvent.HeadersEnd.class);
    assertEquals("multipart/mixed", ends.get(0).contentType().mimeType());
    assertEquals(BodyKind.MULTIPART, ends.get(0).bodyKind());
    assertEquals("\r\n", text(ends.get(0).separator()));
    assertEquals(TransferEncoding.SEVEN_BIT, ends.get(1).transferEncoding());
    assertEquals("text/plain", ends.get(1).contentType().mimeType());
    assertEquals(TransferEncoding.BASE64, ends.get(2).transferEncoding());
    assertEquals(BodyKind.LEAF, ends.get(2).bodyKind());
  }

  @Test
  void offsetsPointAtTheInput() throws IOException {
    byte[] message = Samples.MIXED;
    String s = text(message);
    List<MimeEvent> events = events(message);
    MimeEvent.Delimiter first = only(events, MimeEvent.Delimiter.class).get(0);
    assertEquals(s.indexOf("\r\n--b1\r\n"), first.offset());
    MimeEvent.HeadersEnd end = only(events, MimeEvent.HeadersEnd.class).get(1);
    assertEquals(s.indexOf("part one"), end.offset());
    List<MimeEvent.EntityStart> starts = only(events, MimeEvent.EntityStart.class);
    assertEquals(List.of(0, 1, 1), starts.stream().map(MimeEvent.EntityStart::depth).toList());
    assertEquals(s.indexOf("Content-Type: text/plain"), starts.get(1).offset());
    assertEquals(message.length, events.get(events.size() - 1).offset());
    for (MimeEvent.HeaderField f : only(events, MimeEvent.HeaderField.class)) {
      assertEquals(f.header().name(), s.substring((int) f.offset(), (int) f.offset() + f.header().name().length()));
    }
  }

  @Test
  void nestedMultipartAndEncapsulatedMessage() throws IOException {
    List<MimeEvent> events = events(Samples.NESTED);
    List<String> kinds = only(events, MimeEvent.HeadersEnd.class).stream()
        .map(h -> h.contentType().mimeType() + "/" + h.bodyKind()).toList();
    assertEquals(List.of("multipart/mixed/MULTIPART", "multipart/alternative/MULTIPART", "text/plain/LEAF",
        "text/html/LEAF", "message/rfc822/MESSAGE", "multipart/mixed/MULTIPART", "text/plain/LEAF"), kinds);
    assertEquals(List.of("plain", "<p>caf=C3=A9</p>", "deep body"), Messages.leafBodies(events));
    List<Integer> depths = only(events, MimeEvent.EntityStart.class).stream().map(MimeEvent.EntityStart::depth)
        .toList();
    assertEquals(List.of(0, 1, 2, 2, 1, 2, 3), depths);
    assertEquals(List.of(), Messages.defectKinds(events));
    // after "--inner--\r\n" comes a blank line: its CRLF is the outer delimiter's, so the epilogue is empty
    assertEquals(List.of(), only(events, MimeEvent.BodyChunk.class).stream()
        .filter(c -> c.section() == Section.EPILOGUE).toList());
    assertEquals(List.of("\r\n--inner--\r\n", "\r\n--deep--\r\n", "--outer--\r\n"),
        only(events, MimeEvent.CloseDelimiter.class).stream().map(d -> text(d.raw())).toList());
    assertArrayEquals(Samples.NESTED, Messages.reassemble(events));
  }

  @Test
  void digestPartsDefaultToMessageRfc822() throws IOException {
    List<MimeEvent.HeadersEnd> ends = only(events(Samples.DIGEST), MimeEvent.HeadersEnd.class);
    assertEquals("message/rfc822", ends.get(1).contentType().mimeType(), "RFC 2046 §5.1.5");
    assertEquals(BodyKind.MESSAGE, ends.get(1).bodyKind());
    assertEquals("text/plain", ends.get(2).contentType().mimeType(), "the message's own default");
    assertEquals("text/plain", ends.get(3).contentType().mimeType(), "explicit type wins");
  }

  @Test
  void rawBodyStreamsTheLeafAndTheParserContinues() throws IOException {
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(Samples.MIXED), ParserLimits.defaults());
    List<String> bodies = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.BodyChunk c) {
        sections.add(c.section());
      }
      if (e instanceof MimeEvent.HeadersEnd h && h.bodyKind() == BodyKind.LEAF) {
        try (InputStream in = parser.rawBody()) {
          bodies.add(text(in.readAllBytes()));
        }
      }
    }
    assertEquals(List.of("part one", "aGVsbG8gd29ybGQ="), bodies);
    assertEquals(List.of(Section.PREAMBLE, Section.EPILOGUE), sections,
        "no body chunk events for bodies taken as streams");
  }

  @Test
  void decodedBodyUndoesTheTransferEncoding() throws IOException {
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(Samples.MIXED), ParserLimits.defaults());
    List<String> decoded = new ArrayList<>();
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.HeadersEnd h && h.bodyKind() == BodyKind.LEAF) {
        decoded.add(text(parser.decodedBody().readAllBytes()));
      }
    }
    assertEquals(List.of("part one", "hello world"), decoded);
  }

  @Test
  void decodingDefectsBecomeEventsOfTheLeaf() throws IOException {
    byte[] message = crlf("Content-Transfer-Encoding: base64\n\naGVs*bG8=\n");
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(message), ParserLimits.defaults());
    List<MimeEvent> rest = new ArrayList<>();
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.HeadersEnd) {
        assertEquals("hello", text(parser.decodedBody().readAllBytes()));
      } else {
        rest.add(e);
      }
    }
    assertEquals(List.of(MimeDefect.Kind.INVALID_BASE64), Messages.defectKinds(rest));
    assertTrue(rest.indexOf(only(rest, MimeEvent.Defect.class).get(0))
        < rest.indexOf(only(rest, MimeEvent.EntityEnd.class).get(0)), "reported before the leaf ends");
  }

  @Test
  void anUnreadBodyStreamIsSkippedAndThenFails() throws IOException {
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(Samples.MIXED), ParserLimits.defaults());
    InputStream taken = null;
    List<MimeEvent> events = new ArrayList<>();
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      events.add(Messages.snapshot(e));
      if (taken == null && e instanceof MimeEvent.HeadersEnd h && h.bodyKind() == BodyKind.LEAF) {
        taken = parser.rawBody();
        assertEquals('p', taken.read());
      }
    }
    InputStream stale = taken;
    assertThrows(IOException.class, () -> stale.read(new byte[4]));
    assertEquals(List.of("aGVsbG8gd29ybGQ="), Messages.leafBodies(events).subList(1, 2));
    assertEquals("", Messages.leafBodies(events).get(0), "the rest of the first body was skipped, not reported");
  }

  @Test
  void rawBodyOnlyInsideALeafBody() throws IOException {
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(Samples.MIXED), ParserLimits.defaults());
    assertThrows(IllegalStateException.class, parser::rawBody, "before any event");
    MimeEvent e = parser.next();
    assertThrows(IllegalStateException.class, parser::rawBody, "after " + e);
    parser.next();
    MimeEvent end = parser.next();
    assertTrue(end instanceof MimeEvent.HeadersEnd h && h.bodyKind() == BodyKind.MULTIPART);
    assertThrows(IllegalStateException.class, parser::rawBody, "a multipart body is not a leaf body");
  }

  @Test
  void nextReturnsNullAfterEnd() throws IOException {
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(Samples.PLAIN), ParserLimits.defaults());
    MimeEvent last = null;
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      last = e;
    }
    assertTrue(last instanceof MimeEvent.End);
    assertNull(parser.next());
    assertEquals(Samples.PLAIN.length, parser.position());
  }

  @Test
  void bodyChunksAreReadOnlyViews() throws IOException {
    MimeParser parser = MimeParser.of(Samples.PLAIN.clone(), ParserLimits.defaults());
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.BodyChunk c) {
        assertTrue(c.bytes().isReadOnly());
        assertArrayEquals(crlf("line one\nline two\n"), c.toByteArray());
      }
    }
  }
}
