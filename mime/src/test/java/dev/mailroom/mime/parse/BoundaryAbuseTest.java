package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static dev.mailroom.mime.parse.Messages.defectKinds;
import static dev.mailroom.mime.parse.Messages.events;
import static dev.mailroom.mime.parse.Messages.leafBodies;
import static dev.mailroom.mime.parse.Messages.only;
import static dev.mailroom.mime.parse.Messages.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimeParseException;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SECURITY.md M04: boundary abuse, read per RFC 2046 §5.1.1, with the part count bounded. */
class BoundaryAbuseTest {
  @Test
  void m04MissingBoundaryKeepsTheMultipartOpaque() throws IOException {
    byte[] message = crlf("Content-Type: multipart/mixed\n\n--x\n\nbody\n--x--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof MimePart);
    assertEquals(List.of(Kind.MISSING_BOUNDARY), Messages.allDefects(parsed));
    assertArrayEquals(message, parsed.toByteArray());
  }

  @Test
  void m04EmptyBoundaryKeepsTheMultipartOpaque() throws IOException {
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n\nbody\n----\n");
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof MimePart);
    assertTrue(Messages.allDefects(parsed).contains(Kind.MISSING_BOUNDARY));
    assertArrayEquals(message, parsed.toByteArray());
  }

  @Test
  void m04BoundaryLongerThan70IsAcceptedWithADefect() throws IOException {
    String b = "x".repeat(100);
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=" + b + "\n\n--" + b + "\n\none\n--" + b + "--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    Multipart multipart = (Multipart) parsed.root();
    assertEquals(1, multipart.parts().size());
    assertEquals(b, multipart.boundary());
    assertEquals(List.of(Kind.INVALID_BOUNDARY), Messages.allDefects(parsed));
  }

  @Test
  void m04BoundaryLongerThanALineIsUnusable() throws IOException {
    String b = "y".repeat(1000);
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=" + b + "\n\n--" + b + "\n\none\n--" + b + "--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof MimePart);
    assertEquals(List.of(Kind.MISSING_BOUNDARY), Messages.allDefects(parsed));
  }

  @Test
  void m04ShortBoundaryDoesNotMatchALongerOne() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=b
        
        --b
        
        one
        --bb
        --b-
        --b--x
        still one
        --b
        Content-Type: multipart/mixed; boundary=bb
        
        --bb
        
        inner
        --b
        
        outer again
        --b--
        """);
    List<MimeEvent> events = events(message);
    assertEquals(List.of("one\r\n--bb\r\n--b-\r\n--b--x\r\nstill one", "inner", "outer again"), leafBodies(events));
    assertEquals(List.of(Kind.MISSING_CLOSE_DELIMITER), defectKinds(events), "--b ends the inner --bb multipart");
    assertArrayEquals(message, Messages.reassemble(events));
  }

  @Test
  void m04ChildReusingTheParentBoundary() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=same
        
        --same
        Content-Type: multipart/mixed; boundary=same
        
        --same
        
        a
        --same
        
        b
        --same--
        --same
        
        c
        --same--
        """);
    MimeMessage parsed = MimeMessage.parse(message);
    Multipart outer = (Multipart) parsed.root();
    assertEquals(2, outer.parts().size(), "the immediate boundary is checked first");
    assertEquals(2, ((Multipart) outer.parts().get(0)).parts().size());
    assertEquals(List.of("a", "b", "c"), Messages.leaves(parsed).stream().map(p -> {
      try {
        return Messages.decoded(p);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }).toList());
    assertArrayEquals(message, parsed.toByteArray());
  }

  @Test
  void m04BoundaryInsideBase64ContentIsIrrelevant() throws IOException {
    String hidden = "\r\n--b\r\n\r\n--b--\r\n";
    String b64 = Base64.getMimeEncoder().encodeToString(hidden.getBytes(StandardCharsets.US_ASCII));
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n\n"
        + b64 + "\n--b--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    Multipart multipart = (Multipart) parsed.root();
    assertEquals(1, multipart.parts().size());
    assertEquals(hidden, Messages.decoded((MimePart) multipart.parts().get(0)));
    assertEquals(List.of(), Messages.allDefects(parsed));
  }

  @Test
  void m04NoCloseDelimiterKeepsThePartsSeen() throws IOException {
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n");
    MimeMessage parsed = MimeMessage.parse(message);
    Multipart multipart = (Multipart) parsed.root();
    assertEquals(2, multipart.parts().size());
    assertTrue(!multipart.closed());
    assertEquals(List.of(Kind.MISSING_CLOSE_DELIMITER), Messages.allDefects(parsed));
    assertEquals("two\r\n", Messages.decoded((MimePart) multipart.parts().get(1)));
    assertArrayEquals(message, parsed.toByteArray());
  }

  @Test
  void m04ParentDelimiterEndsAnUnclosedChild() throws IOException {
    MimeMessage parsed = MimeMessage.parse(Samples.MISSING_CLOSE);
    Multipart outer = (Multipart) parsed.root();
    assertEquals(2, outer.parts().size());
    Multipart inner = (Multipart) outer.parts().get(0);
    assertEquals(List.of(Kind.MISSING_CLOSE_DELIMITER), inner.defects().stream().map(d -> d.kind()).toList());
    assertEquals("inner, never closed", Messages.decoded((MimePart) inner.parts().get(0)));
    assertArrayEquals(Samples.MISSING_CLOSE, parsed.toByteArray());
  }

  @Test
  void m04TrailingWhiteSpaceAfterTheBoundaryIsTransportPadding() throws IOException {
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b \t \n\none\n--b--\t\nepilogue");
    List<MimeEvent> events = events(message);
    assertEquals(List.of("one"), leafBodies(events));
    assertEquals("--b \t \r\n", text(only(events, MimeEvent.Delimiter.class).get(0).raw()));
    assertEquals("\r\n--b--\t\r\n", text(only(events, MimeEvent.CloseDelimiter.class).get(0).raw()));
    assertEquals(List.of(), defectKinds(events));
  }

  @Test
  void m04AMillionEmptyPartsHitThePartLimit() {
    InputStream parts = repeat("Content-Type: multipart/mixed; boundary=b\r\n\r\n", "--b\r\n", 1_000_000, "--b--\r\n");
    MimeParseException e = assertThrows(MimeParseException.class, () -> MimeMessage.parse(parts));
    assertTrue(e.getMessage().contains("10000"), e.getMessage());
    assertTrue(e.offset() > 10_000L * 5 && e.offset() < 10_002L * 5 + 100, "offset " + e.offset());
  }

  @Test
  void m04AMillionEmptyPartsStreamInBoundedMemoryWhenAllowed() throws IOException {
    ParserLimits limits = ParserLimits.defaults().withMaxParts(2_000_000);
    MimeParser parser = MimeParser.of(repeat("Content-Type: multipart/mixed; boundary=b\r\n\r\n", "--b\r\n", 1_000_000,
        "--b--\r\n"), limits);
    long starts = 0;
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.EntityStart) {
        starts++;
      }
    }
    assertEquals(1_000_001, starts);
  }

  /** {@code head}, then {@code unit} n times, then {@code tail}, generated as it is read. */
  static InputStream repeat(String head, String unit, long n, String tail) {
    return new RepeatingInputStream(head, unit, n, tail);
  }
}
