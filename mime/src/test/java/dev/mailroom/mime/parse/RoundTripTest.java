package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeEntity;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimeParseException;
import dev.mailroom.mime.Multipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md M14: a parsed message that is not modified writes back byte for byte, for every input, broken ones
 * included; and a multipart rebuilt from parsed parts left unchanged writes the same bytes.
 */
class RoundTripTest {
  private static final byte[][] NOISE = {
      "\r\n".getBytes(), "\n".getBytes(), "\r".getBytes(), "--".getBytes(), "--b1".getBytes(), "--outer--".getBytes(),
      ":".getBytes(), " ".getBytes(), "\t".getBytes(), {0}, {(byte) 0xFF}, "Content-Type: multipart/mixed; boundary=b1\r\n"
      .getBytes(), "Content-Type: message/rfc822\r\n\r\n".getBytes(), "=".getBytes(), "From ".getBytes()};

  /** What writeTo must give: the input, without an mbox From line when the parser reported skipping one. */
  static byte[] expectedBytes(byte[] input, MimeMessage message) {
    if (message.root().defects().stream().anyMatch(d -> d.kind() == Kind.MBOX_FROM_LINE)) {
      int i = 0;
      while (i < input.length && input[i] != '\n' && input[i] != '\r') {
        i++;
      }
      if (i < input.length) {
        i += input[i] == '\r' && i + 1 < input.length && input[i + 1] == '\n' ? 2 : 1;
      }
      return Arrays.copyOfRange(input, i, input.length);
    }
    return input;
  }

  /** Parses through every path (byte array, stream, spooling) and checks each writes back the input. */
  static void assertRoundTrip(byte[] input, String what) throws IOException {
    MimeMessage fromArray;
    try {
      fromArray = MimeMessage.parse(input);
    } catch (MimeParseException e) {
      return;
    }
    byte[] expected = expectedBytes(input, fromArray);
    assertArrayEquals(expected, fromArray.toByteArray(), what + " (byte array)");
    assertEquals(expected.length, fromArray.byteSize().getAsLong(), what + " (byteSize)");
    MimeMessage fromStream = MimeMessage.parse(new ByteArrayInputStream(input),
        ParseOptions.defaults().withSpoolThreshold(16));
    assertArrayEquals(expected, fromStream.toByteArray(), what + " (stream, spooled)");
    assertArrayEquals(expected, Messages.reassemble(Messages.events(Messages.trickle(input, 3),
        ParserLimits.defaults())), what + " (events)");
  }

  @Test
  void m14EverySampleWritesBackIdentically() throws IOException {
    for (Map.Entry<String, byte[]> e : Samples.all().entrySet()) {
      assertRoundTrip(e.getValue(), e.getKey());
    }
  }

  @Test
  void m14EveryTruncationWritesBackIdentically() throws IOException {
    for (Map.Entry<String, byte[]> e : Samples.all().entrySet()) {
      byte[] sample = e.getValue();
      for (int cut = 0; cut < sample.length; cut++) {
        assertRoundTrip(Arrays.copyOf(sample, cut), e.getKey() + " cut at " + cut);
      }
    }
  }

  @Test
  void m14RandomlyBrokenInputsWriteBackIdentically() throws IOException {
    Random random = new Random(14);
    List<byte[]> samples = new ArrayList<>(Samples.all().values());
    for (int round = 0; round < 3000; round++) {
      byte[] input = samples.get(random.nextInt(samples.size()));
      int edits = 1 + random.nextInt(6);
      for (int k = 0; k < edits; k++) {
        input = mutate(input, random);
      }
      assertRoundTrip(input, "round " + round + ": " + Messages.text(input));
    }
  }

  @Test
  void m14UnchangedPartsRebuiltIntoAMultipartWriteTheSameBytes() throws IOException {
    MimeMessage parsed = MimeMessage.parse(Samples.NESTED);
    Multipart root = (Multipart) parsed.root();
    List<MimeEntity> parts = new ArrayList<>(root.parts());
    List<byte[]> delimiters = new ArrayList<>();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    root.headers().writeTo(expected);
    expected.writeBytes(root.preamble());
    for (MimeEntity part : parts) {
      byte[] delimiter = ("\r\n--" + root.boundary() + "\r\n").getBytes();
      delimiters.add(delimiter);
      expected.writeBytes(delimiter);
      part.writeTo(expected);
    }
    byte[] close = ("\r\n--" + root.boundary() + "--\r\n").getBytes();
    expected.writeBytes(close);
    Multipart rebuilt = new Multipart(root.headers(), root.boundary(), root.preamble(), parts, delimiters, close,
        new byte[0], List.of());
    MimeMessage message = new MimeMessage(rebuilt);
    assertArrayEquals(expected.toByteArray(), message.toByteArray());
    MimeMessage reparsed = MimeMessage.parse(message.toByteArray());
    assertEquals(Messages.leaves(parsed).size(), Messages.leaves(reparsed).size());
    for (int i = 0; i < parts.size(); i++) {
      ByteArrayOutputStream a = new ByteArrayOutputStream();
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      parts.get(i).writeTo(a);
      ((Multipart) reparsed.root()).parts().get(i).writeTo(b);
      assertArrayEquals(a.toByteArray(), b.toByteArray(), "part " + i);
    }
    assertTrue(Messages.allDefects(reparsed).isEmpty());
  }

  private static byte[] mutate(byte[] input, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = input.length == 0 ? 0 : random.nextInt(input.length + 1);
    switch (random.nextInt(4)) {
      case 0 -> {
        out.write(input, 0, at);
        out.writeBytes(NOISE[random.nextInt(NOISE.length)]);
        out.write(input, at, input.length - at);
      }
      case 1 -> {
        int end = Math.min(input.length, at + random.nextInt(8));
        out.write(input, 0, at);
        out.write(input, end, input.length - end);
      }
      case 2 -> {
        out.writeBytes(input);
        if (input.length > 0) {
          byte[] b = out.toByteArray();
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          return b;
        }
      }
      default -> {
        int end = Math.min(input.length, at + random.nextInt(40));
        out.write(input, 0, end);
        out.write(input, at, input.length - at);
      }
    }
    return out.toByteArray();
  }
}
