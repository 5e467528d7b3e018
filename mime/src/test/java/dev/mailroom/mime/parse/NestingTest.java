package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MessagePart;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeEntity;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.Multipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SECURITY.md M03: deep nesting stops at {@link ParserLimits#maxDepth()}, the rest kept opaque, no stack overflow. */
class NestingTest {
  static byte[] deepMultipart(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 80);
    for (int i = 0; i < depth; i++) {
      out.writeBytes(("Content-Type: multipart/mixed; boundary=b" + i + "\r\n\r\n--b" + i + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("\r\ninnermost\r\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = depth - 1; i >= 0; i--) {
      out.writeBytes(("--b" + i + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  static byte[] deepMessage(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 32);
    for (int i = 0; i < depth; i++) {
      out.writeBytes("Content-Type: message/rfc822\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("Subject: innermost\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void m03MultipartHundredThousandDeepStopsAtTheDepthLimit() throws IOException {
    byte[] input = deepMultipart(100_000);
    MimeMessage message = MimeMessage.parse(input);
    MimeEntity e = message.root();
    int depth = 0;
    while (e instanceof Multipart m) {
      e = m.parts().get(0);
      depth++;
    }
    assertEquals(ParserLimits.defaults().maxDepth(), depth);
    MimePart opaque = (MimePart) e;
    assertEquals("multipart/mixed", opaque.contentType().mimeType());
    assertTrue(opaque.defects().stream().anyMatch(d -> d.kind() == Kind.DEPTH_LIMIT));
    assertArrayEquals(input, message.toByteArray(), "the opaque rest is kept byte for byte");
  }

  @Test
  void m03MessageRfc822TenThousandDeepStopsAtTheDepthLimit() throws IOException {
    byte[] input = deepMessage(10_000);
    MimeMessage message = MimeMessage.parse(input);
    MimeEntity e = message.root();
    int depth = 0;
    while (e instanceof MessagePart m) {
      e = m.message().root();
      depth++;
    }
    assertEquals(ParserLimits.defaults().maxDepth(), depth);
    assertTrue(e.defects().stream().anyMatch(d -> d.kind() == Kind.DEPTH_LIMIT));
    assertEquals("message/rfc822", e.contentType().mimeType());
    assertArrayEquals(input, message.toByteArray());
  }

  @Test
  void m03TheParserItselfNeverRecursesEvenWithoutADepthLimit() throws IOException {
    ParserLimits unlimited = ParserLimits.defaults().withMaxDepth(Integer.MAX_VALUE).withMaxParts(Integer.MAX_VALUE);
    int maxDepth = 0;
    long leaves = 0;
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(deepMultipart(100_000)), unlimited);
    for (MimeEvent ev = parser.next(); ev != null; ev = parser.next()) {
      if (ev instanceof MimeEvent.EntityStart s) {
        maxDepth = Math.max(maxDepth, s.depth());
      } else if (ev instanceof MimeEvent.HeadersEnd h && h.bodyKind() == MimeEvent.BodyKind.LEAF) {
        leaves++;
      } else if (ev instanceof MimeEvent.Defect d) {
        throw new AssertionError("unexpected defect " + d);
      }
    }
    assertEquals(100_000, maxDepth);
    assertEquals(1, leaves);
    parser = MimeParser.of(new ByteArrayInputStream(deepMessage(10_000)), unlimited);
    maxDepth = 0;
    for (MimeEvent ev = parser.next(); ev != null; ev = parser.next()) {
      if (ev instanceof MimeEvent.EntityStart s) {
        maxDepth = Math.max(maxDepth, s.depth());
      }
    }
    assertEquals(10_000, maxDepth);
  }

  @Test
  void m03DepthLimitIsConfigurable() throws IOException {
    ParserLimits limits = ParserLimits.defaults().withMaxDepth(2);
    int maxDepth = 0;
    int depthDefects = 0;
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(deepMultipart(10)), limits);
    for (MimeEvent ev = parser.next(); ev != null; ev = parser.next()) {
      if (ev instanceof MimeEvent.EntityStart s) {
        maxDepth = Math.max(maxDepth, s.depth());
      } else if (ev instanceof MimeEvent.Defect d && d.defect().kind() == Kind.DEPTH_LIMIT) {
        depthDefects++;
      }
    }
    assertEquals(2, maxDepth);
    assertEquals(1, depthDefects);
  }

  @Test
  void m03DepthZeroKeepsEvenTheTopLevelMultipartOpaque() throws IOException {
    MimeMessage message = MimeMessage.parse(new ByteArrayInputStream(Samples.MIXED),
        ParseOptions.defaults().withLimits(ParserLimits.defaults().withMaxDepth(0)));
    assertTrue(message.root() instanceof MimePart);
    assertArrayEquals(Samples.MIXED, message.toByteArray());
  }
}
