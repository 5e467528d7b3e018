package dev.mailroom.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MockReply} is an immutable value with checked modifiers. */
class MockReplyTest {
  @Test
  void factoriesAppendCrlfOnlyWhereAsked() {
    assertArrayEquals("250 ok\r\n".getBytes(UTF_8), MockReply.of("250 ok").bytes());
    assertArrayEquals("a\r\nb\r\n".getBytes(UTF_8), MockReply.lines("a", "b").bytes());
    assertArrayEquals("bare\n".getBytes(UTF_8), MockReply.raw("bare\n".getBytes(UTF_8)).bytes());
    assertEquals(0, MockReply.none().bytes().length);
    assertEquals(Optional.of(SocketEffect.STALL), MockReply.stall().replyStartEffect());
    assertArrayEquals("\u00e9\r\n".getBytes(UTF_8), MockReply.of("\u00e9").bytes());
  }

  @Test
  void crOrLfInALineIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MockReply.of("250 a\r\n250 b"));
    assertThrows(IllegalArgumentException.class, () -> MockReply.lines("ok", "bad\n"));
  }

  @Test
  void modifiersReturnCopies() {
    byte[] bytes = {'x'};
    MockReply base = MockReply.raw(bytes);
    bytes[0] = 'y';
    assertArrayEquals(new byte[] {'x'}, base.bytes());
    base.bytes()[0] = 'z';
    assertArrayEquals(new byte[] {'x'}, base.bytes());

    MockReply changed = base.withDelay(Duration.ofMillis(5)).onReplyStart(SocketEffect.RESET)
        .onReplyEnd(SocketEffect.CLOSE).thenStartTls().thenReadExactly(7);
    assertEquals(Duration.ZERO, base.delay());
    assertTrue(base.replyStartEffect().isEmpty());
    assertFalse(base.startsTls());
    assertEquals(NextRead.LINE, base.nextRead());
    assertEquals(Duration.ofMillis(5), changed.delay());
    assertEquals(Optional.of(SocketEffect.RESET), changed.replyStartEffect());
    assertEquals(Optional.of(SocketEffect.CLOSE), changed.replyEndEffect());
    assertTrue(changed.startsTls());
    assertEquals(new NextRead.Exactly(7), changed.nextRead());
    assertEquals(NextRead.DOT_TERMINATED, base.thenReadDotTerminated().nextRead());
    assertEquals(NextRead.NOTHING, base.thenReadNothing().nextRead());
    assertEquals(NextRead.LINE, changed.thenReadLine().nextRead());
  }

  @Test
  void effectsAreOnlyAcceptedWhereTheyMeanSomething() {
    MockReply reply = MockReply.of("x");
    assertThrows(IllegalArgumentException.class, () -> reply.onReplyEnd(new SocketEffect.CloseMidReply(1)));
    assertThrows(IllegalArgumentException.class, () -> reply.onReplyEnd(new SocketEffect.ResetMidReply(1)));
    assertThrows(IllegalArgumentException.class,
        () -> reply.onReplyEnd(new SocketEffect.Throttle(1, Duration.ofMillis(1))));
    assertThrows(IllegalArgumentException.class,
        () -> reply.onReplyStart(new SocketEffect.InjectAfterGoAhead(new byte[] {1}, Duration.ZERO)));
    assertThrows(IllegalArgumentException.class, () -> reply.withDelay(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> new SocketEffect.Throttle(0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new SocketEffect.CloseMidReply(-1));
    assertThrows(IllegalArgumentException.class, () -> new SocketEffect.OversizedLine(0));
    assertThrows(IllegalArgumentException.class, () -> NextRead.exactly(-1));
    assertTrue(reply.onReplyEnd(new SocketEffect.InjectAfterGoAhead(new byte[] {1}, Duration.ZERO)).startsTls(),
        "injection after a go-ahead implies the handshake");
  }

  @Test
  void byteArrayEffectsCompareByContentAndCopy() {
    byte[] bytes = {1, 2};
    SocketEffect.Garbage garbage = new SocketEffect.Garbage(bytes);
    bytes[0] = 9;
    assertEquals(new SocketEffect.Garbage(new byte[] {1, 2}), garbage);
    assertEquals(new SocketEffect.Garbage(new byte[] {1, 2}).hashCode(), garbage.hashCode());
    assertEquals(new SocketEffect.InjectAfterGoAhead(new byte[] {3}, Duration.ZERO),
        new SocketEffect.InjectAfterGoAhead(new byte[] {3}, Duration.ZERO));
    assertTrue(garbage.toString().contains("\\x01"), garbage.toString());
  }
}
