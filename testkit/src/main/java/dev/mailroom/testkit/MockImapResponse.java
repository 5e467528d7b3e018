package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A scripted IMAP answer to one command for {@link MockImapServer}: raw lines (untagged data, continuations, the
 * tagged completion) in which {@code $tag} stands for the tag the client actually used, so tests need not predict
 * tags. Written as raw text, never through the client's codec.
 *
 * <pre>{@code
 * imap.enqueue(MockImapResponse.of("* 3 EXISTS", "$tag OK [READ-WRITE] SELECT done"));
 * imap.enqueue(MockImapResponse.ok("done").deferred());      // completes after the next command (out of order)
 * imap.enqueue(MockImapResponse.of("$tag BAD no literal").refusingLiteral());   // instead of "+ go" (I05)
 * }</pre>
 */
public final class MockImapResponse {
  /** The placeholder replaced by the command's tag. */
  public static final String TAG = "$tag";

  private final byte[] template;
  private final boolean deferred;
  private final boolean refusingLiteral;
  private final SocketEffect start;
  private final SocketEffect end;
  private final boolean startTls;
  private final boolean compress;

  private MockImapResponse(byte[] template, boolean deferred, boolean refusingLiteral, SocketEffect start,
      SocketEffect end, boolean startTls, boolean compress) {
    this.template = template;
    this.deferred = deferred;
    this.refusingLiteral = refusingLiteral;
    this.start = start;
    this.end = end;
    this.startTls = startTls;
    this.compress = compress;
  }

  /** Lines (without CRLF) sent in order; {@code $tag} becomes the command's tag. */
  public static MockImapResponse of(String... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("CR or LF in a line; use MockImapResponse.raw(byte[])");
      }
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.write('\r');
      out.write('\n');
    }
    return raw(out.toByteArray());
  }

  /** Exact bytes (literals, bare CR, garbage); {@code $tag} is still replaced. */
  public static MockImapResponse raw(byte[] bytes) {
    return new MockImapResponse(bytes.clone(), false, false, null, null, false, false);
  }

  /** Untagged lines followed by {@code $tag OK text}. */
  public static MockImapResponse ok(String text, String... untagged) {
    String[] lines = new String[untagged.length + 1];
    System.arraycopy(untagged, 0, lines, 0, untagged.length);
    lines[untagged.length] = TAG + " OK " + text;
    return of(lines);
  }

  /** {@code $tag NO text}. */
  public static MockImapResponse no(String text) {
    return of(TAG + " NO " + text);
  }

  /** {@code $tag BAD text}. */
  public static MockImapResponse bad(String text) {
    return of(TAG + " BAD " + text);
  }

  /** Held back and written after the next command's response: the completions arrive out of order (I10). */
  public MockImapResponse deferred() {
    return new MockImapResponse(template, true, refusingLiteral, start, end, startTls, compress);
  }

  /**
   * Sent as soon as the command announces a literal, which is then not read: instead of {@code + } for a
   * synchronising literal (SECURITY.md I05); for a LITERAL+ one, which the client sends without waiting, typically
   * with {@link #onStart} {@link SocketEffect#RESET} to drop the connection mid-literal (I25).
   */
  public MockImapResponse refusingLiteral() {
    return new MockImapResponse(template, deferred, true, start, end, startTls, compress);
  }

  /** A socket effect before the bytes (close, reset, throttle, cut mid-response, stall). */
  public MockImapResponse onStart(SocketEffect effect) {
    return new MockImapResponse(template, deferred, refusingLiteral, Objects.requireNonNull(effect), end, startTls,
        compress);
  }

  /** A socket effect after the bytes (close, injection after a STARTTLS go-ahead). */
  public MockImapResponse onEnd(SocketEffect effect) {
    return new MockImapResponse(template, deferred, refusingLiteral, start, Objects.requireNonNull(effect),
        startTls, compress);
  }

  /** Starts TLS after the bytes (the answer to STARTTLS); needs {@code offerStartTls}. */
  public MockImapResponse thenStartTls() {
    return new MockImapResponse(template, deferred, refusingLiteral, start, end, true, compress);
  }

  /** Switches the connection to DEFLATE after the bytes (the answer to {@code COMPRESS DEFLATE}, RFC 4978). */
  public MockImapResponse thenCompress() {
    return new MockImapResponse(template, deferred, refusingLiteral, start, end, startTls, true);
  }

  public boolean isDeferred() {
    return deferred;
  }

  public boolean isRefusingLiteral() {
    return refusingLiteral;
  }

  /** The bytes with {@code $tag} replaced. */
  public byte[] render(String tag) {
    String text = new String(template, StandardCharsets.ISO_8859_1);
    return text.replace(TAG, tag).getBytes(StandardCharsets.ISO_8859_1);
  }

  MockReply toReply(byte[] bytes) {
    MockReply r = MockReply.raw(bytes);
    if (start != null) {
      r = r.onReplyStart(start);
    }
    if (end != null) {
      r = r.onReplyEnd(end);
    }
    if (startTls) {
      r = r.thenStartTls();
    }
    if (compress) {
      r = r.thenCompress();
    }
    return r;
  }

  @Override
  public String toString() {
    return "MockImapResponse[" + Bytes.escape(template) + (deferred ? ", deferred" : "")
        + (refusingLiteral ? ", refusingLiteral" : "") + "]";
  }
}
