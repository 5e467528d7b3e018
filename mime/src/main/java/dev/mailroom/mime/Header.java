package dev.mailroom.mime;

import dev.mailroom.mime.codec.EncodedWord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One header field exactly as it appeared (or will appear) on the wire: name, colon, value, folding and the line
 * ending. Parsed fields keep their raw bytes, so an unmodified message is written back byte for byte.
 *
 * <pre>{@code
 * Header h = Header.parse("Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n".getBytes(StandardCharsets.US_ASCII));
 * h.name();   // "Subject"
 * h.value();  // "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?="   (unfolded, as written)
 * h.text();   // "Grüße"                         (RFC 2047 decoded)
 * }</pre>
 */
public final class Header {
  private final String name;
  private final byte[] raw;
  private final int valueStart;

  private Header(String name, byte[] raw, int valueStart) {
    this.name = name;
    this.raw = raw;
    this.valueStart = valueStart;
  }

  /**
   * A field from its raw bytes, which must be {@code name ":" value} with any folding and line ending. The name is
   * the bytes before the first colon (RFC 5322 §2.2: printable US-ASCII except colon); white space between the name
   * and the colon is allowed and is not part of the name (RFC 5322 §4.5.8, obs-optional).
   *
   * @throws IllegalArgumentException if there is no colon or the name is empty or not printable ASCII
   */
  public static Header parse(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    int nameEnd = -1;
    int colon = -1;
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == ':') {
        colon = i;
        break;
      }
      if (nameEnd < 0) {
        if (b == ' ' || b == '\t') {
          nameEnd = i;
        } else if (b < 33 || b > 126) {
          break;
        }
      } else if (b != ' ' && b != '\t') {
        break;
      }
    }
    if (nameEnd < 0) {
      nameEnd = colon;
    }
    if (colon < 0 || nameEnd <= 0) {
      throw new IllegalArgumentException("not a header field: no name followed by ':'");
    }
    return new Header(new String(raw, 0, nameEnd, StandardCharsets.US_ASCII), raw.clone(), colon + 1);
  }

  /**
   * A field from a name and a value that is already in wire form (ASCII, or UTF-8 where RFC 6532 allows it),
   * folded by the caller if needed, written as {@code name ": " value CRLF}. CR and LF are refused: a value can never
   * start a new header line (SECURITY.md M01). Use the message builder for encoding of arbitrary text.
   */
  public static Header ofWireValue(String name, String wireValue) {
    checkName(name);
    Objects.requireNonNull(wireValue, "wireValue");
    for (int i = 0; i < wireValue.length(); i++) {
      char c = wireValue.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException("header value contains CR, LF or NUL: " + name);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + wireValue.length() + 4);
    out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(wireValue.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {'\r', '\n'});
    return new Header(name, out.toByteArray(), name.length() + 1);
  }

  /** Refuses a field name that is empty or not printable US-ASCII without colon (RFC 5322 §2.2). */
  public static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        throw new IllegalArgumentException("invalid character in header name: U+" + String.format("%04X", (int) c));
      }
    }
  }

  /** The field name as written (compare with {@link #is(String)}, names are case-insensitive). */
  public String name() {
    return name;
  }

  /** Whether this field's name equals {@code other}, ignoring ASCII case. */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** A copy of the raw bytes: name, colon, value, folding, line ending. */
  public byte[] raw() {
    return raw.clone();
  }

  /** The number of raw bytes. */
  public int rawLength() {
    return raw.length;
  }

  /**
   * The value unfolded (CRLF before white space removed, RFC 5322 §2.2.3), without the final line ending and
   * leading white space, decoded as UTF-8 (RFC 6532) with U+FFFD for invalid bytes. Encoded words are left as is.
   */
  public String value() {
    int end = raw.length;
    while (end > valueStart && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
      end--;
    }
    int start = valueStart;
    while (start < end && (raw[start] == ' ' || raw[start] == '\t')) {
      start++;
    }
    ByteArrayOutputStream unfolded = new ByteArrayOutputStream(end - start);
    for (int i = start; i < end; i++) {
      byte b = raw[i];
      if (b == '\r' || b == '\n') {
        continue;
      }
      unfolded.write(b);
    }
    return new String(unfolded.toByteArray(), StandardCharsets.UTF_8);
  }

  /** The value with RFC 2047 encoded words decoded, as unstructured text (RFC 2047 §5 (1)). */
  public String text() {
    return EncodedWord.decodeText(value());
  }

  /** Writes the raw bytes. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Header h && Arrays.equals(raw, h.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return name + ": " + value();
  }
}
