package dev.mailroom.mime.parse;

import static dev.mailroom.mime.parse.Messages.events;
import static dev.mailroom.mime.parse.Messages.splitAt;
import static dev.mailroom.mime.parse.Messages.trickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser's events do not depend on how the source splits its reads (STYLE.md §6, Netty's split tests). */
class MimeParserSplitTest {
  static Stream<Arguments> samples() {
    return Samples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void oneBytePerReadGivesTheSameEvents(String name, byte[] message) throws IOException {
    List<MimeEvent> whole = events(message);
    assertEquals(whole, events(trickle(message, 1), ParserLimits.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySplitOffsetGivesTheSameEvents(String name, byte[] message) throws IOException {
    List<MimeEvent> whole = events(message);
    for (int at = 0; at <= message.length; at++) {
      assertEquals(whole, events(splitAt(message, at), ParserLimits.defaults()), "split at " + at);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aByteArrayReadInPlaceGivesTheSameEvents(String name, byte[] message) throws IOException {
    assertEquals(events(message), Messages.drain(MimeParser.of(message.clone(), ParserLimits.defaults())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void eventsCarryEveryInputByte(String name, byte[] message) throws IOException {
    byte[] expected = message == Samples.MBOX ? afterFirstLine(message) : message;
    assertArrayEquals(expected, Messages.reassemble(events(message)));
  }

  /** A delimiter that straddles the 64 KiB window boundary, at every position around it. */
  @ParameterizedTest
  @ValueSource(ints = {-12, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3})
  void delimiterAcrossTheWindowEdgeIsFound(int shift) throws IOException {
    String head = "Content-Type: multipart/mixed; boundary=edge\r\n\r\n--edge\r\n\r\n";
    int fill = 64 * 1024 - head.length() + shift;
    StringBuilder body = new StringBuilder();
    while (body.length() < fill) {
      body.append(body.length() % 60 == 59 ? '\n' : 'x');
    }
    byte[] message = (head + body + "\r\n--edge\r\n\r\nsecond\r\n--edge--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    List<MimeEvent> whole = events(message);
    assertEquals(List.of(body.toString(), "second"), Messages.leafBodies(whole));
    for (int size : new int[] {1, 7, 4096, 65535}) {
      assertEquals(whole, events(trickle(message, size), ParserLimits.defaults()), "reads of " + size);
    }
    assertArrayEquals(message, Messages.reassemble(whole));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 1000, 70000})
  void largeBodiesAreChunkedIdenticallyWhateverTheReadSize(int readSize) throws IOException {
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    big.writeBytes("Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 5000; i++) {
      big.writeBytes(("line " + i + " -- not a --z delimiter\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    big.writeBytes("--z--\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] message = big.toByteArray();
    List<MimeEvent> whole = events(new ByteArrayInputStream(message), ParserLimits.defaults());
    assertEquals(whole, events(trickle(message, readSize), ParserLimits.defaults()));
    for (MimeEvent e : whole) {
      if (e instanceof MimeEvent.BodyChunk c) {
        assertEquals(true, c.length() <= 64 * 1024, "chunk bounded by the window");
      }
    }
    assertArrayEquals(message, Messages.reassemble(whole));
  }

  private static byte[] afterFirstLine(byte[] message) {
    int i = 0;
    while (message[i] != '\n') {
      i++;
    }
    return java.util.Arrays.copyOfRange(message, i + 1, message.length);
  }
}
