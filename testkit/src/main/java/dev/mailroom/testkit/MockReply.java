package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted server reply: raw bytes plus what happens around them. Immutable; every modifier returns a copy.
 *
 * <p>Replies are raw lines. The testkit does not know reply codes, tags or {@code +OK}: what you write is what the
 * client reads. {@link #of(String)} and {@link #lines(String...)} append CRLF; {@link #raw(byte[])} sends exact bytes,
 * for instance a bare LF. The SMTP shorthands {@link #of(int, String)} and {@link #multiline(int, String...)} only
 * format lines ({@code 250-a}, {@code 250 b}); they give the reply no meaning either.
 *
 * <pre>{@code
 * server.enqueue(MockReply.of("220 mx.test ESMTP"));                             // greeting
 * server.enqueue(MockReply.lines("250-mx.test", "250 STARTTLS"));
 * server.enqueue(MockReply.of("220 go ahead").thenStartTls());                   // STARTTLS
 * server.enqueue(MockReply.of("354 send data").thenReadDotTerminated());         // DATA
 * server.enqueue(MockReply.of("250 queued").withDelay(Duration.ofMillis(50)).onReplyEnd(SocketEffect.CLOSE));
 * server.enqueue(MockReply.raw("250 bare\n".getBytes(StandardCharsets.US_ASCII)));
 * }</pre>
 *
 * <p>Order when the server applies a reply: wait {@link #delay()}, apply the {@linkplain #replyStartEffect() start
 * effect}, write the bytes, apply the {@linkplain #replyEndEffect() end effect}, do the TLS handshake if
 * {@link #startsTls()}, then read what {@link #nextRead()} says.
 */
public final class MockReply {
  private static final byte[] NO_BYTES = {};

  private final byte[] bytes;
  private final Duration delay;
  private final SocketEffect replyStart;
  private final SocketEffect replyEnd;
  private final boolean startTls;
  private final NextRead nextRead;
  private final boolean compress;

  private MockReply(byte[] bytes, Duration delay, SocketEffect replyStart, SocketEffect replyEnd, boolean startTls,
      NextRead nextRead) {
    this(bytes, delay, replyStart, replyEnd, startTls, nextRead, false);
  }

  private MockReply(byte[] bytes, Duration delay, SocketEffect replyStart, SocketEffect replyEnd, boolean startTls,
      NextRead nextRead, boolean compress) {
    this.bytes = bytes;
    this.delay = delay;
    this.replyStart = replyStart;
    this.replyEnd = replyEnd;
    this.startTls = startTls;
    this.nextRead = nextRead;
    this.compress = compress;
  }

  /**
   * A reply of one line; CRLF is appended and the text is encoded as UTF-8.
   *
   * @param rawLineWithoutCrlf the line, for instance {@code "220 mx.test ESMTP"}; must not contain CR or LF
   * @return the reply
   * @throws IllegalArgumentException if the line contains CR or LF (use {@link #raw(byte[])} for that)
   */
  public static MockReply of(String rawLineWithoutCrlf) {
    return lines(rawLineWithoutCrlf);
  }

  /**
   * A reply of several lines, each followed by CRLF, written with a single write.
   *
   * @param rawLinesWithoutCrlf the lines, for instance {@code "250-mx.test", "250 SIZE 1000"}; none may contain CR or LF
   * @return the reply
   * @throws IllegalArgumentException if a line contains CR or LF
   */
  public static MockReply lines(String... rawLinesWithoutCrlf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : rawLinesWithoutCrlf) {
      if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("CR or LF in " + Bytes.escape(line) + "; use MockReply.raw(byte[])");
      }
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.write('\r');
      out.write('\n');
    }
    return raw(out.toByteArray());
  }

  /**
   * An SMTP reply of one line, {@code <code> <text>} plus CRLF (just {@code <code>} when the text is empty).
   *
   * <pre>{@code
   * MockReply.of(250, "2.1.0 ok")   // writes "250 2.1.0 ok\r\n"
   * }</pre>
   *
   * @param code the reply code, 100 to 599
   * @param text the text after the code; must not contain CR or LF
   * @return the reply
   * @throws IllegalArgumentException if the code is out of range or the text contains CR or LF
   */
  public static MockReply of(int code, String text) {
    return multiline(code, text);
  }

  /**
   * An SMTP reply of one or more lines: every line but the last is {@code <code>-<line>}, the last is
   * {@code <code> <line>} (RFC 5321 §4.2), each followed by CRLF, all written at once.
   *
   * <pre>{@code
   * MockReply.multiline(250, "mx.test", "PIPELINING", "SIZE 1000000")
   * // writes "250-mx.test\r\n250-PIPELINING\r\n250 SIZE 1000000\r\n"
   * }</pre>
   *
   * @param code the reply code, 100 to 599
   * @param lines the texts, at least one; none may contain CR or LF
   * @return the reply
   * @throws IllegalArgumentException if the code is out of range, no line is given or a line contains CR or LF
   */
  public static MockReply multiline(int code, String... lines) {
    if (code < 100 || code > 599) throw new IllegalArgumentException("reply code out of range: " + code);
    if (lines.length == 0) throw new IllegalArgumentException("no lines");
    String[] raw = new String[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String text = Objects.requireNonNull(lines[i], "line");
      boolean last = i == lines.length - 1;
      raw[i] = last && text.isEmpty() ? Integer.toString(code) : code + (last ? " " : "-") + text;
    }
    return lines(raw);
  }

  /**
   * A reply of exactly these bytes, nothing appended.
   *
   * @param bytes the bytes; copied
   * @return the reply
   */
  public static MockReply raw(byte[] bytes) {
    return new MockReply(bytes.clone(), Duration.ZERO, null, null, false, NextRead.LINE);
  }

  /**
   * A reply that writes nothing; the server goes straight to the next read. Useful for transcripts where the client
   * sends several lines in a row, and for the reply to an SMTP {@code BDAT} command line, which comes after its chunk.
   *
   * @return the empty reply
   */
  public static MockReply none() {
    return raw(NO_BYTES);
  }

  /**
   * A reply that writes nothing and stalls ({@link SocketEffect#STALL}); as a greeting it is the silent server.
   *
   * @return the stalling reply
   */
  public static MockReply stall() {
    return none().onReplyStart(SocketEffect.STALL);
  }

  /**
   * A copy that waits before doing anything.
   *
   * @param delay the wait, not negative
   * @return the copy
   */
  public MockReply withDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) throw new IllegalArgumentException("negative delay: " + delay);
    return new MockReply(bytes, delay, replyStart, replyEnd, startTls, nextRead, compress);
  }

  /**
   * A copy with this effect applied before the bytes are written (replaces an earlier start effect).
   *
   * @param effect the effect; not {@link SocketEffect.InjectAfterGoAhead}
   * @return the copy
   */
  public MockReply onReplyStart(SocketEffect effect) {
    Objects.requireNonNull(effect, "effect");
    if (effect instanceof SocketEffect.InjectAfterGoAhead) {
      throw new IllegalArgumentException(effect + " follows the go-ahead: use onReplyEnd");
    }
    return new MockReply(bytes, delay, effect, replyEnd, startTls, nextRead, compress);
  }

  /**
   * A copy with this effect applied after the bytes are written (replaces an earlier end effect).
   * {@link SocketEffect.InjectAfterGoAhead} also turns on {@link #thenStartTls()}.
   *
   * @param effect the effect; not one that shapes the reply ({@code CloseMidReply}, {@code ResetMidReply},
   *     {@code Throttle})
   * @return the copy
   */
  public MockReply onReplyEnd(SocketEffect effect) {
    Objects.requireNonNull(effect, "effect");
    if (effect instanceof SocketEffect.CloseMidReply || effect instanceof SocketEffect.ResetMidReply
        || effect instanceof SocketEffect.Throttle) {
      throw new IllegalArgumentException(effect + " shapes how the reply is written: use onReplyStart");
    }
    boolean tls = startTls || effect instanceof SocketEffect.InjectAfterGoAhead;
    return new MockReply(bytes, delay, replyStart, effect, tls, nextRead, compress);
  }

  /**
   * A copy after which the server does a TLS handshake, as the server side, on the same socket, using the context given
   * to {@link MockMailServer#offerStartTls}. This is how a STARTTLS or STLS go-ahead is scripted. Every byte the client
   * sends between the go-ahead and its ClientHello is recorded ({@link RecordedHandshake#bytesBeforeHandshake()}).
   *
   * @return the copy
   */
  public MockReply thenStartTls() {
    return new MockReply(bytes, delay, replyStart, replyEnd, true, nextRead, compress);
  }

  /**
   * A copy after which the server reads one command line (the default).
   *
   * @return the copy
   */
  public MockReply thenReadLine() {
    return thenRead(NextRead.LINE);
  }

  /**
   * A copy after which the server reads a dot-terminated payload (SMTP DATA) and records it un-stuffed.
   *
   * @return the copy
   */
  public MockReply thenReadDotTerminated() {
    return thenRead(NextRead.DOT_TERMINATED);
  }

  /**
   * A copy after which the server reads exactly this many bytes (IMAP literal, SMTP BDAT chunk).
   *
   * @param byteCount how many bytes, at least 0
   * @return the copy
   */
  public MockReply thenReadExactly(long byteCount) {
    return thenRead(NextRead.exactly(byteCount));
  }

  /**
   * A copy after which the server reads nothing and writes the next reply at once ({@link Dispatcher#unprompted}).
   *
   * @return the copy
   */
  public MockReply thenReadNothing() {
    return thenRead(NextRead.NOTHING);
  }

  /**
   * A copy with this read instruction.
   *
   * @param next what to read after this reply
   * @return the copy
   */
  public MockReply thenRead(NextRead next) {
    Objects.requireNonNull(next, "next");
    return new MockReply(bytes, delay, replyStart, replyEnd, startTls, next, compress);
  }

  /** Returns a copy of the bytes this reply writes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the bytes decoded as UTF-8, for messages. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Returns the wait before the reply; zero by default. */
  public Duration delay() {
    return delay;
  }

  /** Returns the effect applied before the bytes, if any. */
  public Optional<SocketEffect> replyStartEffect() {
    return Optional.ofNullable(replyStart);
  }

  /** Returns the effect applied after the bytes, if any. */
  public Optional<SocketEffect> replyEndEffect() {
    return Optional.ofNullable(replyEnd);
  }

  /**
   * A copy after which both directions of the connection are raw DEFLATE (RFC 1951), as after an IMAP
   * {@code COMPRESS DEFLATE} OK (RFC 4978): the server inflates what it reads and deflates what it writes, each
   * reply ending in a sync flush.
   *
   * @return the copy
   */
  public MockReply thenCompress() {
    return new MockReply(bytes, delay, replyStart, replyEnd, startTls, nextRead, true);
  }

  /** Returns whether the server switches to DEFLATE after this reply. */
  public boolean startsCompression() {
    return compress;
  }

  /** Returns whether the server starts TLS after this reply. */
  public boolean startsTls() {
    return startTls;
  }

  /** Returns what the server reads after this reply. */
  public NextRead nextRead() {
    return nextRead;
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("MockReply[").append(Bytes.escape(bytes));
    if (!delay.isZero()) s.append(", delay=").append(delay);
    if (replyStart != null) s.append(", start=").append(replyStart);
    if (replyEnd != null) s.append(", end=").append(replyEnd);
    if (startTls) s.append(", startTls");
    if (!(nextRead instanceof NextRead.Line)) s.append(", then=").append(nextRead);
    return s.append(']').toString();
  }
}
