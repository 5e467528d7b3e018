package dev.mailroom.mime.codec;

import static dev.mailroom.mime.codec.Streams.ascii;
import static dev.mailroom.mime.codec.Streams.decode;
import static dev.mailroom.mime.codec.Streams.decodeEveryWay;
import static dev.mailroom.mime.codec.Streams.encode;
import static dev.mailroom.mime.codec.Streams.encodeEveryWay;
import static dev.mailroom.mime.codec.Streams.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotedPrintableCodecTest {
  private static final TransferEncoding QP = TransferEncoding.QUOTED_PRINTABLE;

  private static String decoded(String encoded) {
    return string(decodeEveryWay(QP, ascii(encoded)).bytes());
  }

  /** RFC 2045 §6.7, the example after rule (5). */
  @Test
  void rfc2045SoftBreakExample() {
    String encoded = "Now's the time =\r\nfor all folk to come=\r\n to the aid of their country.";
    Streams.Decoded d = decodeEveryWay(QP, ascii(encoded));
    assertEquals("Now's the time for all folk to come to the aid of their country.", string(d.bytes()));
    assertEquals(List.of(), d.defects());
  }

  @Test
  void hexInEitherCase() {
    assertEquals("\u00e9=\u00ff", decoded("=E9=3d=fF"));
  }

  @Test
  void softBreaksAfterCrlfLfCrAndTransportPadding() {
    assertEquals("abcdef", decoded("abc=\r\ndef"));
    assertEquals("abcdef", decoded("abc=\ndef"));
    assertEquals("abcdef", decoded("abc=\rdef"));
    assertEquals("abcdef", decoded("abc= \t \r\ndef"));
    assertEquals("abcdef", decoded("abc=  \ndef"));
  }

  @Test
  void hardBreaksComeOutAsCrlf() {
    assertEquals("a\r\nb\r\nc\r\nd", decoded("a\r\nb\nc\rd"));
    assertEquals("\r\n\r\n", decoded("\r\n\n"));
  }

  /** RFC 2045 §6.7 rule (3): trailing white space is deleted, inner white space kept. */
  @Test
  void trailingWhitespaceDeleted() {
    assertEquals("a b\r\nc\t d", decoded("a b \t\r\nc\t d  "));
    assertEquals("x =20\r\n", decoded("x =3D20 \r\n").replace("=3D", "="));
    assertEquals("a  \r\n", decoded("a =20\r\n"));
  }

  /** SECURITY.md M07: '=' followed by non-hex kept literally, one defect. */
  @Test
  void m07InvalidEscapesKeptLiterally() {
    Streams.Decoded d = decodeEveryWay(QP, ascii("a=ZZb=4x=\u00e9 c"));
    assertEquals("a=ZZb=4x=\u00e9 c", string(d.bytes()));
    assertEquals(List.of(Kind.INVALID_QUOTED_PRINTABLE), d.kinds());
    assertEquals(1, d.defects().get(0).offset());
    Streams.Decoded spaced = decodeEveryWay(QP, ascii("a= b"));
    assertEquals("a= b", string(spaced.bytes()));
    assertEquals(List.of(Kind.INVALID_QUOTED_PRINTABLE), spaced.kinds());
  }

  /** SECURITY.md M07: '=' at the end of the body (RFC 2045 §6.7 note (3)) is kept with a defect. */
  @Test
  void m07EqualsAtEndOfBody() {
    for (String s : new String[] {"abc=", "abc=  ", "abc=4"}) {
      Streams.Decoded d = decodeEveryWay(QP, ascii(s));
      assertEquals(s.trim(), string(d.bytes()), s);
      assertEquals(List.of(Kind.INVALID_QUOTED_PRINTABLE), d.kinds(), s);
    }
  }

  /** SECURITY.md M07: "=\r" is a soft break; no defect. */
  @Test
  void m07EqualsBareCrIsASoftBreak() {
    Streams.Decoded d = decodeEveryWay(QP, ascii("ab=\rcd=\r\n"));
    assertEquals("abcd", string(d.bytes()));
    assertEquals(List.of(), d.defects());
  }

  /** SECURITY.md M07: a 1 MB line (and a 1 MB run of spaces) decodes in linear time. */
  @Test
  void m07OneMegabyteLine() {
    byte[] line = Streams.repeat("abc=41 \t", 128 * 1024);
    long start = System.nanoTime();
    Streams.Decoded d = decode(QP, line);
    assertEquals("abcA \t".repeat(128 * 1024).stripTrailing(), string(d.bytes()));
    byte[] spaces = Streams.concat(Streams.repeat(" ", 1 << 20), ascii("x"));
    Streams.Decoded s = decode(QP, spaces);
    assertEquals((1 << 20) + 1, s.bytes().length);
    Streams.Decoded trailing = decode(QP, Streams.concat(Streams.repeat(" ", 1 << 20), ascii("\r\n")));
    assertTrue(trailing.bytes().length <= (1 << 20) + 2);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
  }

  @Test
  void splitsEverywhereAgree() {
    decodeEveryWay(QP, ascii("=C3=A9t=C3=A9 =\r\n \t=\nx=ZZ\r\n\r\ny  \r=4\n=\r\n="));
  }

  @Test
  void encodesSafeForSmtpAndMbox() {
    String encoded = string(encodeEveryWay(QP, EncodeMode.TEXT, ascii(".\r\nFrom me\r\nFrom\nx.\r\n")));
    assertEquals("=2E\r\n=46rom me\r\n=46rom\r\nx.\r\n", encoded);
  }

  @Test
  void encodesTrailingWhitespaceAndEquals() {
    assertEquals("a b=20\r\nc=09\r\nd=3D=20",
        string(encodeEveryWay(QP, EncodeMode.TEXT, ascii("a b \r\nc\t\nd= "))));
  }

  @Test
  void encodedLinesFitIn76() {
    byte[] data = ascii("x".repeat(500) + " \u00e9".repeat(100) + "\r\n" + "=".repeat(200));
    String encoded = string(encodeEveryWay(QP, EncodeMode.TEXT, data));
    for (String line : encoded.split("\r\n")) {
      assertTrue(line.length() <= 76, line);
      assertFalse(line.endsWith(" ") || line.endsWith("\t"), line);
    }
    assertArrayEquals(data, decode(QP, ascii(encoded)).bytes());
  }

  @Test
  void binaryModeEncodesCrAndLf() {
    String encoded = string(encodeEveryWay(QP, EncodeMode.BINARY, ascii("a\r\nb\nc ")));
    assertEquals("a=0D=0Ab=0Ac=20", encoded);
  }

  @Test
  void roundTripsRandomBytesInBinaryMode() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      byte[] data = new byte[random.nextInt(600)];
      for (int i = 0; i < data.length; i++) {
        int pick = random.nextInt(10);
        data[i] = (byte) (pick < 2 ? " \t\r\n.F="
            .charAt(random.nextInt(7)) : pick < 4 ? random.nextInt(256) : 'a' + random.nextInt(26));
      }
      byte[] encoded = encode(QP, EncodeMode.BINARY, data, 1 + random.nextInt(50), -1);
      for (String line : string(encoded).split("\r\n")) {
        assertTrue(line.length() <= 76);
      }
      Streams.Decoded d = decode(QP, encoded);
      assertArrayEquals(data, d.bytes());
      assertEquals(List.of(), d.defects());
    }
  }

  @Test
  void roundTripsRandomTextInTextMode() {
    Random random = new Random(8);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(800);
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(12);
        text.append(pick == 0 ? "\r\n" : pick == 1 ? " " : pick == 2 ? "\t" : pick == 3 ? "\u00fc"
            : pick == 4 ? "." : pick == 5 ? "F" : String.valueOf((char) ('!' + random.nextInt(94))));
      }
      byte[] data = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] encoded = encode(QP, EncodeMode.TEXT, data, 1 + random.nextInt(50), -1);
      Streams.Decoded d = decode(QP, encoded);
      assertEquals(text.toString(), string(d.bytes()));
      assertEquals(List.of(), d.defects());
    }
  }

  @Test
  void textModeNormalisesBareLineBreaks() {
    byte[] encoded = encodeEveryWay(QP, EncodeMode.TEXT, ascii("a\nb\rc\r\n\n"));
    assertEquals("a\r\nb\r\nc\r\n\r\n", string(encoded));
  }

  @Test
  void countEncodedIsExact() throws IOException {
    byte[] data = ascii("h\u00e9llo w\u00f6rld \r\n".repeat(300));
    for (EncodeMode mode : EncodeMode.values()) {
      assertEquals(encode(QP, mode, data).length, QP.countEncoded(new ByteArrayInputStream(data), mode));
    }
  }
}
