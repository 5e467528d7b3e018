package dev.mailroom.mime.codec;

import static dev.mailroom.mime.codec.Streams.ascii;
import static dev.mailroom.mime.codec.Streams.encodeEveryWay;
import static dev.mailroom.mime.codec.Streams.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferEncodingTest {
  @Test
  void parseIsCaseInsensitiveAndTrims() {
    assertEquals(Optional.of(TransferEncoding.BASE64), TransferEncoding.parse(" Base64 "));
    assertEquals(Optional.of(TransferEncoding.QUOTED_PRINTABLE), TransferEncoding.parse("Quoted-Printable\t"));
    assertEquals(Optional.of(TransferEncoding.SEVEN_BIT), TransferEncoding.parse("7BIT (plain)"));
    assertEquals(Optional.of(TransferEncoding.EIGHT_BIT), TransferEncoding.parse("\"8bit\""));
    assertEquals(Optional.of(TransferEncoding.BINARY), TransferEncoding.parse("binary"));
  }

  @Test
  void unknownMechanismsAreEmpty() {
    for (String s : new String[] {"x-uuencode", "uuencode", "x-token", "", "  ", "base 64", "base64x", "7-bit"}) {
      assertEquals(Optional.empty(), TransferEncoding.parse(s), s);
    }
    assertEquals(Optional.empty(), TransferEncoding.parse(null));
  }

  @Test
  void tokens() {
    assertEquals("quoted-printable", TransferEncoding.QUOTED_PRINTABLE.token());
    assertEquals("7bit", TransferEncoding.SEVEN_BIT.token());
    assertTrue(TransferEncoding.BINARY.isIdentity());
  }

  @Test
  void identityDecodingPassesTheStreamThrough() {
    InputStream raw = new ByteArrayInputStream(new byte[] {0, (byte) 0xff, '\n'});
    for (TransferEncoding te : new TransferEncoding[] {
        TransferEncoding.SEVEN_BIT, TransferEncoding.EIGHT_BIT, TransferEncoding.BINARY}) {
      assertSame(raw, te.decode(raw, d -> { }));
    }
  }

  /** SECURITY.md M13: 7bit and 8bit bodies are written with CRLF only, whatever the input used. */
  @Test
  void sevenAndEightBitNormaliseLineBreaks() {
    for (TransferEncoding te : new TransferEncoding[] {TransferEncoding.SEVEN_BIT, TransferEncoding.EIGHT_BIT}) {
      for (EncodeMode mode : EncodeMode.values()) {
        assertEquals("a\r\nb\r\nc\r\n\r\n\r\nd\r\n\r\n\u00e9",
            string(encodeEveryWay(te, mode, ascii("a\nb\rc\r\n\r\rd\r\r\n\u00e9"))));
      }
    }
  }

  @Test
  void binaryPassesBytesThrough() {
    byte[] data = new byte[20_000];
    new java.util.Random(9).nextBytes(data);
    org.junit.jupiter.api.Assertions.assertArrayEquals(data,
        Streams.encode(TransferEncoding.BINARY, EncodeMode.BINARY, data, 7000, -1));
    assertEquals("a\nb\r", string(encodeEveryWay(TransferEncoding.BINARY, EncodeMode.TEXT, ascii("a\nb\r"))));
  }

  @Test
  void countEncodedForSevenBitCountsTheCrlfs() throws IOException {
    assertEquals(9, TransferEncoding.SEVEN_BIT.countEncoded(new ByteArrayInputStream(ascii("a\nb\nc\r\n")),
        EncodeMode.TEXT));
  }
}
