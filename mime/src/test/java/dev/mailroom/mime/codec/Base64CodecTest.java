package dev.mailroom.mime.codec;

import static dev.mailroom.mime.codec.Streams.ascii;
import static dev.mailroom.mime.codec.Streams.decode;
import static dev.mailroom.mime.codec.Streams.decodeEveryWay;
import static dev.mailroom.mime.codec.Streams.encode;
import static dev.mailroom.mime.codec.Streams.encodeEveryWay;
import static dev.mailroom.mime.codec.Streams.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64CodecTest {
  private static final TransferEncoding B64 = TransferEncoding.BASE64;

  /** RFC 4648 §10 test vectors, both ways. */
  @Test
  void rfc4648TestVectors() {
    String[][] vectors = {
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"}};
    for (String[] v : vectors) {
      Streams.Decoded d = decodeEveryWay(B64, ascii(v[1]));
      assertEquals(v[0], string(d.bytes()), v[1]);
      assertEquals(List.of(), d.defects(), v[1]);
      assertEquals(v[1], string(encodeEveryWay(B64, EncodeMode.BINARY, ascii(v[0]))), v[0]);
    }
  }

  @Test
  void decodesFoldedLinesWithCrlfAndBareLf() {
    byte[] data = new byte[200];
    new Random(1).nextBytes(data);
    String mime = Base64.getMimeEncoder().encodeToString(data);
    Streams.Decoded d = decodeEveryWay(B64, ascii(mime));
    assertArrayEquals(data, d.bytes());
    assertEquals(List.of(), d.defects());
    assertArrayEquals(data, decodeEveryWay(B64, ascii(mime.replace("\r\n", "\n"))).bytes());
  }

  @Test
  void encodesLinesOf76WithCrlfAndNoTrailingBreak() {
    byte[] data = new byte[57 * 3 + 10];
    new Random(2).nextBytes(data);
    String encoded = string(encodeEveryWay(B64, EncodeMode.BINARY, data));
    String[] lines = encoded.split("\r\n", -1);
    assertEquals(4, lines.length);
    for (int i = 0; i < 3; i++) {
      assertEquals(76, lines[i].length());
    }
    assertEquals(16, lines[3].length());
    assertEquals(Base64.getMimeEncoder().encodeToString(data), encoded);
  }

  @Test
  void encodedSizeIsExactForEverySmallSize() {
    Random random = new Random(3);
    for (int n = 0; n <= 400; n++) {
      byte[] data = new byte[n];
      random.nextBytes(data);
      assertEquals(encode(B64, EncodeMode.BINARY, data).length, TransferEncoding.encodedSize(B64, n), "n=" + n);
    }
    assertEquals(0, TransferEncoding.encodedSize(B64, 0));
    assertEquals(76, TransferEncoding.encodedSize(B64, 57));
    assertEquals(82, TransferEncoding.encodedSize(B64, 58));
    assertEquals(1000, TransferEncoding.encodedSize(TransferEncoding.BINARY, 1000));
    assertThrows(IllegalArgumentException.class, () -> TransferEncoding.encodedSize(TransferEncoding.QUOTED_PRINTABLE, 1));
    assertThrows(IllegalArgumentException.class, () -> TransferEncoding.encodedSize(B64, -1));
  }

  @Test
  void countEncodedMatchesTheBytesWritten() throws IOException {
    byte[] data = new byte[10_000];
    new Random(4).nextBytes(data);
    for (EncodeMode mode : EncodeMode.values()) {
      long counted = B64.countEncoded(new ByteArrayInputStream(data), mode);
      assertEquals(encode(B64, mode, data).length, counted, mode.name());
    }
  }

  @Test
  void roundTripsRandomDataOfManySizes() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      byte[] data = new byte[random.nextInt(5000)];
      random.nextBytes(data);
      byte[] encoded = encode(B64, EncodeMode.BINARY, data, 1 + random.nextInt(100), -1);
      Streams.Decoded d = decode(B64, encoded);
      assertArrayEquals(data, d.bytes());
      assertTrue(d.defects().isEmpty());
    }
    byte[] big = new byte[3_000_001];
    random.nextBytes(big);
    assertArrayEquals(big, decode(B64, encode(B64, EncodeMode.BINARY, big)).bytes());
  }

  @Test
  void textModeEncodesCanonicalCrlf() {
    byte[] encoded = encodeEveryWay(B64, EncodeMode.TEXT, ascii("a\nb\rc\r\nd"));
    assertEquals("a\r\nb\r\nc\r\nd", string(decode(B64, encoded).bytes()));
  }

  /** SECURITY.md M06: invalid characters are skipped with one defect. */
  @Test
  void m06InvalidCharactersSkippedWithOneDefect() {
    Streams.Decoded d = decodeEveryWay(B64, ascii("Zm9v!!*Ym\u00e9Fy"));
    assertEquals("foobar", string(d.bytes()));
    assertEquals(List.of(Kind.INVALID_BASE64), d.kinds());
    assertEquals(4, d.defects().get(0).offset());
  }

  /** SECURITY.md M06: missing padding is tolerated, with a defect. */
  @Test
  void m06MissingPaddingTolerated() {
    Streams.Decoded two = decodeEveryWay(B64, ascii("Zm9vYg"));
    assertEquals("foob", string(two.bytes()));
    assertEquals(List.of(Kind.INVALID_BASE64), two.kinds());
    Streams.Decoded three = decodeEveryWay(B64, ascii("Zm9vYmE\r\n"));
    assertEquals("fooba", string(three.bytes()));
    Streams.Decoded one = decodeEveryWay(B64, ascii("Zm9vY"));
    assertEquals("foo", string(one.bytes()));
    assertEquals(List.of(Kind.INVALID_BASE64), one.kinds());
  }

  /** SECURITY.md M06: '=' in the middle ends the data; what follows is reported and ignored. */
  @Test
  void m06EqualsMidStreamEndsTheData() {
    Streams.Decoded d = decodeEveryWay(B64, ascii("Zm8=Zm9v"));
    assertEquals("fo", string(d.bytes()));
    assertEquals(List.of(Kind.INVALID_BASE64), d.kinds());
    Streams.Decoded padded = decodeEveryWay(B64, ascii("Zg==\r\n\r\n"));
    assertEquals("f", string(padded.bytes()));
    assertEquals(List.of(), padded.defects());
    Streams.Decoded stray = decodeEveryWay(B64, ascii("Zm9v=Zm9v"));
    assertEquals("foo", string(stray.bytes()));
    assertEquals(List.of(Kind.INVALID_BASE64), stray.kinds());
  }

  /** SECURITY.md M06: white space between every byte is skipped silently. */
  @Test
  void m06WhitespaceBetweenEveryByte() {
    Streams.Decoded d = decodeEveryWay(B64, ascii("Z m\t9\r\nv Y\nm F y"));
    assertEquals("foobar", string(d.bytes()));
    assertEquals(List.of(), d.defects());
  }

  /** SECURITY.md M06: linear time and one defect on megabytes of garbage. */
  @Test
  void m06GarbageIsLinearAndReportedOnce() {
    byte[] garbage = new byte[8 * 1024 * 1024];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i % 3 == 0 ? '!' : i % 3 == 1 ? ' ' : '\u00ff');
    }
    long start = System.nanoTime();
    Streams.Decoded d = decode(B64, garbage);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, d.bytes().length);
    assertEquals(List.of(Kind.INVALID_BASE64), d.kinds());
    assertTrue(millis < 5_000, "took " + millis + " ms");
  }

  @Test
  void encoderCloseFinishesButDoesNotCloseTheSink() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream sink = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    OutputStream enc = B64.encode(sink);
    enc.write(ascii("f"));
    enc.close();
    enc.close();
    assertEquals("Zg==", sink.toString(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(!closed[0]);
    assertThrows(IOException.class, () -> enc.write(1));
  }

  @Test
  void closingTheDecoderClosesTheSource() throws IOException {
    boolean[] closed = {false};
    InputStream raw = new ByteArrayInputStream(ascii("Zg==")) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    List<MimeDefect> defects = new ArrayList<>();
    try (InputStream in = B64.decode(raw, defects::add)) {
      assertEquals('f', in.read());
      assertEquals(-1, in.read());
    }
    assertTrue(closed[0]);
  }
}
