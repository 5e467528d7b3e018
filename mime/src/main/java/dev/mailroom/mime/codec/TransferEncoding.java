package dev.mailroom.mime.codec;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.internal.Base64InputStream;
import dev.mailroom.mime.internal.Base64OutputStream;
import dev.mailroom.mime.internal.CanonicalLineOutputStream;
import dev.mailroom.mime.internal.CountingOutputStream;
import dev.mailroom.mime.internal.DefectReporter;
import dev.mailroom.mime.internal.PassThroughOutputStream;
import dev.mailroom.mime.internal.QuotedPrintableInputStream;
import dev.mailroom.mime.internal.QuotedPrintableOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Content-Transfer-Encoding (RFC 2045 §6) with streaming decoders and encoders. Decoding and encoding work in
 * constant memory and linear time, so a body of any size can be streamed.
 *
 * <pre>{@code
 * TransferEncoding cte = TransferEncoding.parse(" Base64 ").orElse(TransferEncoding.BINARY);
 * try (InputStream in = cte.decode(rawBody, defects::add)) { in.transferTo(file); }
 *
 * try (OutputStream enc = TransferEncoding.QUOTED_PRINTABLE.encode(messageOut)) {  // closing does not close messageOut
 *   text.transferTo(enc);
 * }
 * }</pre>
 */
public enum TransferEncoding {
  /** {@code 7bit}: US-ASCII lines of at most 998 octets, CRLF line breaks, no NUL (RFC 2045 §2.7). */
  SEVEN_BIT("7bit"),
  /** {@code 8bit}: as 7bit, but octets above 127 are allowed (RFC 2045 §2.8; RFC 6152 8BITMIME to send). */
  EIGHT_BIT("8bit"),
  /** {@code binary}: any octets (RFC 2045 §2.9; RFC 3030 BINARYMIME to send). */
  BINARY("binary"),
  /** {@code quoted-printable} (RFC 2045 §6.7). */
  QUOTED_PRINTABLE("quoted-printable"),
  /** {@code base64} (RFC 2045 §6.8). */
  BASE64("base64");

  private final String token;

  TransferEncoding(String token) {
    this.token = token;
  }

  /** The mechanism token as written in headers, in lower case: {@code "quoted-printable"}. */
  public String token() {
    return token;
  }

  /**
   * The encoding named by a Content-Transfer-Encoding value: case-insensitive (RFC 2045 §6.1), surrounding white
   * space, comments and quotes ignored. Unknown mechanisms ({@code x-uuencode}, {@code x-token}s, typos) give empty;
   * the caller treats the body as opaque (RFC 2045 §6.4, SECURITY.md M15).
   */
  public static Optional<TransferEncoding> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String t = stripComments(value).trim();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      t = t.substring(1, t.length() - 1).trim();
    }
    t = t.toLowerCase(Locale.ROOT);
    for (TransferEncoding e : values()) {
      if (e.token.equals(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String stripComments(String value) {
    if (value.indexOf('(') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && depth > 0) {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether decoding leaves the bytes as they are (7bit, 8bit, binary). */
  public boolean isIdentity() {
    return this == SEVEN_BIT || this == EIGHT_BIT || this == BINARY;
  }

  /**
   * A stream of the decoded body. base64 and quoted-printable are decoded leniently (SECURITY.md M06, M07): what
   * was wrong is reported to {@code defects}, each kind at most once per stream, with the offset counted in encoded
   * bytes from the start of {@code raw}. 7bit, 8bit and binary return {@code raw} itself. Closing the result closes
   * {@code raw}.
   *
   * <p>base64 skips white space silently and other characters outside the alphabet with a defect, stops at padding,
   * and tolerates missing padding. quoted-printable takes {@code =XX} in either case, soft breaks after CRLF, LF or
   * CR (with transport padding before them), keeps a stray {@code =} literally with a defect, deletes white space at
   * the end of lines, and writes hard line breaks as CRLF (RFC 2045 §6.7).
   */
  public InputStream decode(InputStream raw, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(defects, "defects");
    switch (this) {
      case BASE64:
        return new Base64InputStream(raw, new DefectReporter(defects));
      case QUOTED_PRINTABLE:
        return new QuotedPrintableInputStream(raw, new DefectReporter(defects));
      default:
        return raw;
    }
  }

  /** {@link #decode(InputStream, Consumer)}, ignoring defects. */
  public InputStream decode(InputStream raw) {
    return decode(raw, d -> { });
  }

  /**
   * {@link #encode(OutputStream, EncodeMode)} in the usual mode for the encoding: {@link EncodeMode#TEXT} for 7bit,
   * 8bit and quoted-printable, {@link EncodeMode#BINARY} for base64 and binary.
   */
  public OutputStream encode(OutputStream out) {
    return encode(out, this == BASE64 || this == BINARY ? EncodeMode.BINARY : EncodeMode.TEXT);
  }

  /**
   * A stream that encodes what is written to it into {@code out}. Closing it writes what the encoding still holds
   * back (the last base64 quantum, white space at the end of a quoted-printable line) and flushes {@code out}, but
   * does <em>not</em> close {@code out}: a message writer encodes one body after another into the same stream.
   *
   * <ul>
   *   <li>base64: lines of 76 characters separated by CRLF, no line break after the last (RFC 2045 §6.8); in
   *       {@link EncodeMode#TEXT} line breaks are first made CRLF (the canonical form, RFC 2045 §6.6).</li>
   *   <li>quoted-printable: lines of at most 76 characters, trailing white
   *       space encoded, {@code .} and {@code From } at a line start encoded, CRLF hard breaks in text mode, CR and LF
   *       encoded in binary mode.</li>
   *   <li>7bit, 8bit: bytes unchanged, every line break written as CRLF (whatever the mode). Whether the data fits
   *       (no NUL, lines of at most 998 octets, ASCII for 7bit) is for {@link ContentAnalysis} to tell first.</li>
   *   <li>binary: bytes unchanged.</li>
   * </ul>
   */
  public OutputStream encode(OutputStream out, EncodeMode mode) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(mode, "mode");
    switch (this) {
      case BASE64:
        Base64OutputStream base64 = new Base64OutputStream(out);
        return mode == EncodeMode.TEXT ? new CanonicalLineOutputStream(base64) : base64;
      case QUOTED_PRINTABLE:
        return new QuotedPrintableOutputStream(out, mode == EncodeMode.TEXT);
      case BINARY:
        return new PassThroughOutputStream(out);
      default:
        return new CanonicalLineOutputStream(out);
    }
  }

  /**
   * The exact number of bytes {@link #encode(OutputStream, EncodeMode)} writes for {@code raw}, found by encoding into
   * a counting sink (constant memory; reads {@code raw} to its end but does not close it). This is how the size of a
   * quoted-printable or canonicalised body is known before it is written.
   */
  public long countEncoded(InputStream raw, EncodeMode mode) throws IOException {
    CountingOutputStream counter = new CountingOutputStream();
    try (OutputStream enc = encode(counter, mode)) {
      raw.transferTo(enc);
    }
    return counter.count();
  }

  /**
   * The exact encoded size of {@code rawSize} bytes, for encodings where it depends on the size only: base64 in
   * {@link EncodeMode#BINARY} ({@code 4 * ceil(n / 3)} characters plus a CRLF between lines of 76, RFC 2045 §6.8) and
   * binary. For the others use {@link #countEncoded(InputStream, EncodeMode)}.
   *
   * @throws IllegalArgumentException for 7bit, 8bit and quoted-printable, or a negative size
   */
  public static long encodedSize(TransferEncoding encoding, long rawSize) {
    if (rawSize < 0) {
      throw new IllegalArgumentException("negative size: " + rawSize);
    }
    switch (encoding) {
      case BASE64:
        long chars = (rawSize + 2) / 3 * 4;
        long lines = (chars + Base64OutputStream.LINE_LENGTH - 1) / Base64OutputStream.LINE_LENGTH;
        return chars == 0 ? 0 : chars + 2 * (lines - 1);
      case BINARY:
        return rawSize;
      default:
        throw new IllegalArgumentException(encoding.token + " size depends on the content; use countEncoded");
    }
  }
}
