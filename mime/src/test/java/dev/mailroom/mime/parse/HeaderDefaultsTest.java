package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MessagePart;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SECURITY.md M16: broken or missing Content-Type falls back to RFC 2045 §5.2 {@code text/plain; charset=us-ascii}. */
class HeaderDefaultsTest {
  private static MimeEvent.HeadersEnd firstEnd(byte[] message) throws IOException {
    return Messages.only(Messages.events(message), MimeEvent.HeadersEnd.class).get(0);
  }

  @Test
  void m16MissingContentTypeIsTextPlainUsAscii() throws IOException {
    MimeEvent.HeadersEnd end = firstEnd(crlf("Subject: x\n\nbody"));
    assertEquals("text/plain", end.contentType().mimeType());
    assertEquals("us-ascii", end.contentType().parameter("charset").orElseThrow());
  }

  @Test
  void m16DuplicateContentTypeUsesTheFirstWithADefect() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=b
        Content-Type: text/html
        
        --b
        
        x
        --b--
        """);
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof Multipart);
    assertEquals(List.of(Kind.DUPLICATE_HEADER), Messages.allDefects(parsed));
  }

  @Test
  void m16DuplicateTransferEncodingUsesTheFirstWithADefect() throws IOException {
    byte[] message = crlf("Content-Transfer-Encoding: base64\nContent-Transfer-Encoding: 7bit\n\naGk=\n");
    MimeMessage parsed = MimeMessage.parse(message);
    assertEquals("hi", Messages.decoded((MimePart) parsed.root()));
    assertEquals(List.of(Kind.DUPLICATE_HEADER), Messages.allDefects(parsed));
  }

  @Test
  void m16TypeWithoutSubtypeFallsBackWithADefect() throws IOException {
    byte[] message = crlf("Content-Type: multipart\n\n--b\n\nx\n--b--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof MimePart);
    assertEquals("text/plain", parsed.root().contentType().mimeType());
    assertEquals(List.of(Kind.MALFORMED_CONTENT_TYPE), Messages.allDefects(parsed));
  }

  @Test
  void m16UnbalancedQuotesInParametersAreADefect() throws IOException {
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=\"b\n\n--b\n\nx\n--b--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    List<Kind> defects = Messages.allDefects(parsed);
    assertTrue(defects.contains(Kind.MALFORMED_PARAMETER) || defects.contains(Kind.MALFORMED_CONTENT_TYPE),
        defects.toString());
  }

  @Test
  void m16DigestPartsDefaultToMessageRfc822() throws IOException {
    MimeMessage parsed = MimeMessage.parse(Samples.DIGEST);
    Multipart digest = (Multipart) parsed.root();
    assertTrue(digest.parts().get(0) instanceof MessagePart);
    assertEquals("message/rfc822", digest.parts().get(0).contentType().mimeType(), "RFC 2046 §5.1.5");
    assertEquals("text/plain", digest.parts().get(1).contentType().mimeType());
  }
}
