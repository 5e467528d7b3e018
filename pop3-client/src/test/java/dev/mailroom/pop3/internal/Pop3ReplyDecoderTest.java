package dev.mailroom.pop3.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.ProtocolInput;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3Reply;
import dev.mailroom.pop3.ResponseCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Status lines (RFC 1939 §3, RFC 2449 §8), read whole and split at every byte. */
class Pop3ReplyDecoderTest {
  private static final Limits LIMITS = Pop3Client.DEFAULT_LIMITS;

  /** An input that hands out one byte per read, so every split point is exercised. */
  static ProtocolInput oneByteAtATime(byte[] bytes) {
    InputStream in = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(1, len));
      }
    };
    return ProtocolInput.of(in, LIMITS);
  }

  private static List<Pop3Reply> readAll(ProtocolInput input, int count) throws Exception {
    List<Pop3Reply> replies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      replies.add(Pop3ReplyDecoder.read(input, LIMITS.maxLineBytes()));
    }
    return replies;
  }

  @Test
  void okErrCodesAndTextWholeAndSplitAtEveryByte() throws Exception {
    byte[] wire = ("+OK\r\n+OK 2 320\r\n-ERR [IN-USE] locked\r\n-ERR [sys/temp] later\r\n-ERR\r\n"
        + "+OK [not a code\r\n").getBytes(UTF_8);
    List<Pop3Reply> whole = readAll(ProtocolInput.of(wire, LIMITS), 6);
    assertEquals(whole, readAll(oneByteAtATime(wire), 6));
    for (int split = 1; split < wire.length; split++) {
      byte[] first = java.util.Arrays.copyOfRange(wire, 0, split);
      byte[] rest = java.util.Arrays.copyOfRange(wire, split, wire.length);
      ProtocolInput two = ProtocolInput.of(new java.io.SequenceInputStream(new ByteArrayInputStream(first),
          new ByteArrayInputStream(rest)), LIMITS);
      assertEquals(whole, readAll(two, 6), "split at " + split);
    }
    assertEquals(new Pop3Reply(true, null, ""), whole.get(0));
    assertEquals("2 320", whole.get(1).text());
    assertEquals(ResponseCode.IN_USE, whole.get(2).code());
    assertEquals("locked", whole.get(2).text());
    assertTrue(whole.get(3).hasCode(ResponseCode.SYS_TEMP));
    assertFalse(whole.get(4).ok());
    assertNull(whole.get(5).code());
    assertEquals("[not a code", whole.get(5).text());
  }

  @Test
  void hierarchicalCodeMatchesItsParent() throws Exception {
    Pop3Reply reply = Pop3ReplyDecoder.decode("-ERR [SYS/TEMP/DISK] full".getBytes(UTF_8));
    assertTrue(reply.hasCode(ResponseCode.SYS_TEMP));
    assertFalse(reply.hasCode(ResponseCode.SYS_PERM));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 120", "+OKAY", "-ERROR x", "OK", "+ok", "", " +OK", "* OK"})
  void anythingButAStatusLineIsAProtocolErrorP09(String line) {
    assertThrows(MailProtocolException.class, () -> Pop3ReplyDecoder.decode(line.getBytes(UTF_8)));
  }

  @Test
  void controlCharactersInTheTextAreEscapedP12() throws Exception {
    Pop3Reply reply = Pop3ReplyDecoder.decode("-ERR \u001b[31mred\u0007".getBytes(UTF_8));
    assertEquals("\\x1B[31mred\\x07", reply.text());
  }

  @Test
  void bareLfAndOverlongStatusLinesAreProtocolErrorsP04P10() {
    assertThrows(MailProtocolException.class,
        () -> Pop3ReplyDecoder.read(ProtocolInput.of("+OK\n".getBytes(UTF_8), LIMITS), 2048));
    byte[] huge = ("+OK " + "x".repeat(1024 * 1024) + "\r\n").getBytes(UTF_8);
    assertThrows(MailProtocolException.class,
        () -> Pop3ReplyDecoder.read(ProtocolInput.of(huge, LIMITS), 2048));
  }

  @Test
  void multiLineListingUnstuffsAndIsBounded() throws Exception {
    byte[] wire = "1 a\r\n..2 b\r\n.\r\n+OK\r\n".getBytes(UTF_8);
    List<byte[]> lines = MultiLineReader.readLines(oneByteAtATime(wire), 100, 1000, 10);
    assertEquals(List.of("1 a", ".2 b"), lines.stream().map(b -> new String(b, UTF_8)).toList());
    byte[] endless = "X\r\n".repeat(100).getBytes(UTF_8);
    assertThrows(MailProtocolException.class,
        () -> MultiLineReader.readLines(ProtocolInput.of(endless, LIMITS), 100, 10_000, 50));
    assertThrows(MailProtocolException.class,
        () -> MultiLineReader.readLines(ProtocolInput.of(endless, LIMITS), 100, 30, 1000));
  }
}
