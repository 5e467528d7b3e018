package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.crlf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import dev.mailroom.mime.codec.TransferEncoding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SECURITY.md M15: Content-Length and Lines never frame; encodings not allowed on composites make them opaque. */
class FramingLiesTest {
  @Test
  void m15ContentLengthAndLinesAreIgnored() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=b
        Content-Length: 3
        Lines: 1
        
        --b
        Content-Length: 2
        Lines: 0
        
        much longer than two bytes
        over lines
        --b
        Content-Length: 99999
        
        short
        --b--
        """);
    MimeMessage parsed = MimeMessage.parse(message);
    List<MimePart> leaves = Messages.leaves(parsed);
    assertEquals("much longer than two bytes\r\nover lines", Messages.decoded(leaves.get(0)));
    assertEquals("short", Messages.decoded(leaves.get(1)));
    assertEquals(List.of(), Messages.allDefects(parsed));
    assertArrayEquals(message, parsed.toByteArray());
  }

  @Test
  void m15Base64OnAMultipartIsOpaque() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=b
        Content-Transfer-Encoding: base64
        
        --b
        
        part
        --b--
        """);
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof MimePart, "RFC 2045 §6.4: no encoding other than 7bit, 8bit, binary");
    assertEquals(List.of(Kind.INVALID_TRANSFER_ENCODING), Messages.allDefects(parsed));
    assertArrayEquals(message, parsed.toByteArray());
  }

  @Test
  void m15QuotedPrintableOnMessageRfc822IsOpaque() throws IOException {
    byte[] message = crlf("""
        Content-Type: multipart/mixed; boundary=b
        
        --b
        Content-Type: message/rfc822
        Content-Transfer-Encoding: quoted-printable
        
        Subject: hidden=20inside
        
        x
        --b--
        """);
    MimeMessage parsed = MimeMessage.parse(message);
    MimePart part = (MimePart) ((Multipart) parsed.root()).parts().get(0);
    assertEquals("message/rfc822", part.contentType().mimeType());
    assertEquals(List.of(Kind.INVALID_TRANSFER_ENCODING), part.defects().stream().map(d -> d.kind()).toList());
  }

  @Test
  void m15EncodedMessageGlobalIsALeafWithoutDefect() throws IOException {
    byte[] message = crlf("Content-Type: message/global\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeA0KDQp5\n");
    MimeMessage parsed = MimeMessage.parse(message);
    MimePart part = (MimePart) parsed.root();
    assertEquals(List.of(), part.defects(), "RFC 6532 §3.7 allows any encoding on message/global");
    assertEquals("Subject: x\r\n\r\ny", Messages.decoded(part));
    MimeMessage inner = MimeMessage.parse(part.openDecoded());
    assertEquals("x", inner.headers().value("Subject").orElseThrow());
  }

  @Test
  void m15UnknownEncodingIsReadAsBinaryWithADefect() throws IOException {
    byte[] message = crlf("Content-Transfer-Encoding: x-uuencode\n\nbegin 644 f\n`\nend\n");
    MimeMessage parsed = MimeMessage.parse(message);
    MimePart part = (MimePart) parsed.root();
    assertEquals(List.of(Kind.INVALID_TRANSFER_ENCODING), part.defects().stream().map(d -> d.kind()).toList());
    assertEquals("begin 644 f\r\n`\r\nend\r\n", Messages.decoded(part));
    List<MimeEvent.HeadersEnd> ends = Messages.only(Messages.events(message), MimeEvent.HeadersEnd.class);
    assertEquals(TransferEncoding.BINARY, ends.get(0).transferEncoding());
  }

  @Test
  void m15UnknownEncodingOnAMultipartIsOpaqueWithOneDefect() throws IOException {
    byte[] message = crlf("Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: x-gzip\n\n--b\n\nx\n--b--\n");
    MimeMessage parsed = MimeMessage.parse(message);
    assertTrue(parsed.root() instanceof MimePart);
    assertEquals(List.of(Kind.INVALID_TRANSFER_ENCODING), Messages.allDefects(parsed));
  }

  @Test
  void m15IdentityEncodingsOnAMultipartAreFine() throws IOException {
    for (String cte : new String[] {"7bit", "8BIT", "binary"}) {
      byte[] message = crlf("Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: " + cte
          + "\n\n--b\n\nx\n--b--\n");
      MimeMessage parsed = MimeMessage.parse(message);
      assertTrue(parsed.root() instanceof Multipart, cte);
      assertEquals(List.of(), Messages.allDefects(parsed), cte);
    }
  }
}
