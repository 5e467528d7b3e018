package dev.mailroom.mime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder: structure, encodings, header safety (M01), wire invariants and exact sizes. */
class MessageBuilderTest {
  private static final OffsetDateTime DATE = OffsetDateTime.of(2026, 11, 23, 10, 15, 0, 0, ZoneOffset.ofHours(1));

  private static MessageBuilder base() {
    return MimeMessage.builder().from("Alice Martin <alice@example.org>").to("bob@example.org").date(DATE)
        .messageId("<fixed.1@example.org>");
  }

  private static String wire(MimeMessage m) throws IOException {
    return new String(m.toByteArray(), ISO_8859_1);
  }

  /** Every line ends in CRLF, none is longer than 998 characters, no bare CR or LF. */
  private static void assertWireInvariants(byte[] bytes) {
    int line = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at " + i);
        line = 0;
      } else if (b == '\r') {
        assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', "bare CR at " + i);
      } else {
        line++;
        assertTrue(line <= 998, "line longer than 998 at " + i);
      }
    }
  }

  @Test
  void plainAsciiTextIsOneSevenBitPart() throws IOException {
    MimeMessage m = base().subject("Hello").text("Hi Bob,\nsee you.\n").build();
    String w = wire(m);
    assertTrue(w.startsWith("Date: Mon, 23 Nov 2026 10:15:00 +0100\r\nFrom: Alice Martin <alice@example.org>\r\n"), w);
    assertTrue(w.contains("\r\nSubject: Hello\r\nMessage-ID: <fixed.1@example.org>\r\nMIME-Version: 1.0\r\n"), w);
    assertTrue(w.contains("Content-Type: text/plain; charset=us-ascii\r\n\r\nHi Bob,\r\nsee you.\r\n"), w);
    assertFalse(w.contains("Content-Transfer-Encoding"), "7bit is the default");
    assertInstanceOf(MimePart.class, m.root());
    assertWireInvariants(m.toByteArray());
  }

  @Test
  void textAndHtmlMakeAnAlternative() throws IOException {
    MimeMessage m = base().text("plain").html("<p>html</p>").build();
    Multipart alternative = assertInstanceOf(Multipart.class, m.root());
    assertEquals("multipart/alternative", alternative.contentType().mimeType());
    assertEquals(List.of("text/plain", "text/html"),
        alternative.parts().stream().map(p -> p.contentType().mimeType()).toList());
    assertWireInvariants(m.toByteArray());
  }

  @Test
  void inlinePartsAndAttachmentsNest() throws IOException {
    MimeMessage m = base().text("t").html("<img src=\"cid:logo@x\">")
        .inline(Attachment.of(new byte[] {1, 2, 3}, "image/png").inline("logo@x"))
        .attach(Attachment.of("a,b\n".getBytes(UTF_8), "text/csv").withFileName("data.csv"))
        .build();
    Multipart mixed = assertInstanceOf(Multipart.class, m.root());
    assertEquals("multipart/mixed", mixed.contentType().mimeType());
    Multipart related = assertInstanceOf(Multipart.class, mixed.parts().get(0));
    assertEquals("multipart/related", related.contentType().mimeType());
    assertEquals("multipart/alternative", related.contentType().parameter("type").orElseThrow());
    MimePart logo = assertInstanceOf(MimePart.class, related.parts().get(1));
    assertEquals("<logo@x>", logo.headers().value("Content-ID").orElseThrow());
    MimePart csv = assertInstanceOf(MimePart.class, mixed.parts().get(1));
    assertTrue(csv.headers().value("Content-Disposition").orElseThrow().contains("filename=data.csv"),
        csv.headers().toString());
    assertWireInvariants(m.toByteArray());
  }

  @Test
  void nonAsciiHeadersAreEncodedOnlyWhenNeeded() throws IOException {
    String w = wire(base().subject("Grüße aus Zürich").to("Zoë Löwe <zoe@example.org>").text("x").build());
    assertTrue(w.contains("Subject: =?"), w);
    assertFalse(w.contains("Grüße"), "no raw UTF-8 without utf8Headers");
    assertTrue(w.contains("<zoe@example.org>"), w);
    String utf8 = new String(base().subject("Grüße").utf8Headers(true).text("x").build().toByteArray(), UTF_8);
    assertTrue(utf8.contains("Subject: Grüße\r\n"), utf8);
  }

  @Test
  void headerInjectionIsRefusedM01() {
    assertThrows(IllegalArgumentException.class, () -> base().subject("hi\r\nBcc: victim@example.org"));
    assertThrows(IllegalArgumentException.class, () -> base().subject("hi\nBcc: victim@example.org"));
    assertThrows(IllegalArgumentException.class, () -> base().header("X-Note", "a\r\nBcc: x@y"));
    assertThrows(IllegalArgumentException.class, () -> base().header("X-Bad Name", "v"));
    assertThrows(IllegalArgumentException.class, () -> base().header("Content-Type", "text/html"));
    assertThrows(IllegalArgumentException.class, () -> base().to("x@y\r\nBcc: v@w"));
    assertThrows(IllegalArgumentException.class,
        () -> Attachment.of(new byte[0], "text/plain").withFileName("a\r\nContent-Type: text/html"));
    assertThrows(IllegalArgumentException.class, () -> Attachment.of(new byte[0], "text/plain").inline("a b"));
    assertThrows(IllegalArgumentException.class, () -> Attachment.of(new byte[0], "text/plain\r\nX: y"));
    assertThrows(IllegalArgumentException.class, () -> base().messageId("<a\r\n@b>"));
  }

  @Test
  void encodedWordLookalikesInTheSubjectCannotSmuggleLineBreaksM10() throws IOException {
    String w = wire(base().subject("=?us-ascii?Q?a=0D=0ABcc:_x?=").text("x").build());
    // the caller's text is itself encoded, so a reader decodes it back to the same harmless text
    assertFalse(w.contains("\r\nBcc:"), w);
    assertTrue(w.toLowerCase(java.util.Locale.ROOT).contains("subject: =?utf-8?"), w);
  }

  @Test
  void transferEncodingFollowsTheContent() throws IOException {
    assertTrue(wire(base().text("Grüße, " + "mostly ascii text that is long enough to be quoted-printable. ".repeat(3)).build())
        .contains("Content-Transfer-Encoding: quoted-printable"));
    assertTrue(wire(base().text("日本語のテキスト".repeat(20)).build()).contains("Content-Transfer-Encoding: base64"));
    assertTrue(wire(base().allow8bit(true).text("Grüße").build()).contains("Content-Transfer-Encoding: 8bit"));
    String longLine = "x".repeat(5000);
    String w = wire(base().text(longLine).build()); // S08: never a 5,000-octet line on the wire
    assertTrue(w.contains("Content-Transfer-Encoding: quoted-printable"), "long ASCII lines become QP");
    assertWireInvariants(w.getBytes(ISO_8859_1));
  }

  @Test
  void bodyTextContainingOurBoundaryMarkerIsEncoded() throws IOException {
    String w = wire(base().text("--=_mr_AAAAAAAAAAAAAAAAAAAAAAAA--\r\nfake").html("<p>x</p>").build());
    assertTrue(w.contains("=3D_mr_"), "the marker is QP-escaped so no delimiter can appear: " + w);
  }

  @Test
  void sizeIsExactBeforeWriting(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.bin");
    byte[] data = new byte[300_001];
    new Random(1).nextBytes(data);
    Files.write(file, data);
    MimeMessage m = base().text("Grüße, with a QP body that must be counted exactly. ".repeat(30))
        .attach(Attachment.of(file))
        .attach(Attachment.of(() -> new ByteArrayInputStream(data), data.length, "application/octet-stream"))
        .build();
    long declared = m.byteSize().orElseThrow();
    assertEquals(m.toByteArray().length, declared);
    assertWireInvariants(m.toByteArray());
  }

  @Test
  void unknownStreamSizeMeansUnknownMessageSize() {
    MimeMessage m = base().attach(Attachment.of(() -> new ByteArrayInputStream(new byte[10]), -1,
        "application/octet-stream")).build();
    assertTrue(m.byteSize().isEmpty());
  }

  @Test
  void aStreamThatLiesAboutItsSizeFailsTheWrite() {
    MimeMessage m = base().attach(Attachment.of(() -> new ByteArrayInputStream(new byte[10]), 11,
        "application/octet-stream")).build();
    assertThrows(IOException.class, m::toByteArray);
  }

  @Test
  void bccIsKeptForTheEnvelopeButNeverWritten() throws IOException {
    MimeMessage m = base().bcc("secret@example.org").text("x").build();
    assertEquals("secret@example.org", m.bcc().get(0).address());
    assertFalse(wire(m).contains("secret@example.org"));
  }

  @Test
  void theBuilderIsImmutable() throws IOException {
    MessageBuilder template = base().subject("Template");
    MimeMessage one = template.text("one").build();
    MimeMessage two = template.text("two").build();
    assertTrue(wire(one).contains("\r\n\r\none"));
    assertTrue(wire(two).contains("\r\n\r\ntwo"));
  }

  @Test
  void encapsulatedMessagesAreAttachedParsedNeverAsEncodedBytes() {
    // RFC 2046 §5.2.1: message/rfc822 must not be base64-encoded, so raw bytes of that type are refused
    assertThrows(IllegalArgumentException.class, () -> Attachment.of(new byte[0], "message/rfc822"));
    assertThrows(IllegalArgumentException.class, () -> Attachment.of(new byte[0], "multipart/mixed; boundary=x"));
  }

  @Test
  void aMessageNeedsAFromAddress() {
    assertThrows(IllegalStateException.class, () -> MimeMessage.builder().to("b@x").text("x").build());
  }

  @Test
  void attachedMessagesAreMessageRfc822AndNeverReencoded() throws IOException {
    MimeMessage inner = base().subject("inner").text("Grüße").allow8bit(true).build();
    MimeMessage outer = base().subject("fwd").text("see below").attach(inner).build();
    Multipart mixed = assertInstanceOf(Multipart.class, outer.root());
    MessagePart forwarded = assertInstanceOf(MessagePart.class, mixed.parts().get(1));
    assertEquals("message/rfc822", forwarded.contentType().mimeType());
    assertEquals("8bit", forwarded.headers().value("Content-Transfer-Encoding").orElseThrow());
    assertTrue(new String(outer.toByteArray(), UTF_8).contains("Grüße"));
  }
}
