package dev.mailroom.imap.internal.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Modified UTF-7 for mailbox names (RFC 3501 §5.1.3): printable US-ASCII except {@code &} stands for itself,
 * {@code &} is {@code &-}, and everything else is UTF-16BE in modified base64 ({@code ,} for {@code /}, no padding)
 * between {@code &} and {@code -}. US-ASCII control characters (which a hostile server may put in a name, I06) are
 * kept as themselves so such a name round-trips to the same bytes; the encoder's string then goes as a literal.
 * {@link #encode} is canonical; {@link #decode} is strict (SECURITY.md I19): a
 * non-canonical or broken form is refused, so a name decodes to exactly one string and re-encodes to the same bytes.
 */
public final class ModifiedUtf7 {
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  private ModifiedUtf7() { }

  /** Encodes {@code name} canonically. */
  public static String encode(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (c <= 0x7f) {
        out.append(c == '&' ? "&-" : String.valueOf(c));
        i++;
        continue;
      }
      int start = i;
      while (i < name.length() && name.charAt(i) > 0x7f) {
        i++;
      }
      byte[] utf16 = name.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
      out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
    }
    return out.toString();
  }

  /**
   * Decodes a modified UTF-7 name.
   *
   * @throws IllegalArgumentException if the form is not canonical modified UTF-7: an unterminated or empty shift
   *     ({@code &} alone), an 8-bit or control character, base64 that is not whole UTF-16 units, an unpaired
   *     surrogate, a shift that encodes printable ASCII, or two shifts in a row
   */
  public static String decode(String wire) {
    StringBuilder out = new StringBuilder(wire.length());
    int i = 0;
    boolean lastWasShift = false;
    while (i < wire.length()) {
      char c = wire.charAt(i);
      if (c > 0x7f) {
        throw new IllegalArgumentException("8-bit character in a modified UTF-7 name");
      }
      if (c != '&') {
        out.append(c);
        i++;
        lastWasShift = false;
        continue;
      }
      int end = wire.indexOf('-', i + 1);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated '&' shift in a modified UTF-7 name");
      }
      if (end == i + 1) {
        out.append('&');
        i = end + 1;
        lastWasShift = false;
        continue;
      }
      if (lastWasShift) {
        throw new IllegalArgumentException("two adjacent base64 shifts (non-canonical modified UTF-7)");
      }
      out.append(decodeShift(wire.substring(i + 1, end)));
      i = end + 1;
      lastWasShift = true;
    }
    return out.toString();
  }

  private static String decodeShift(String b64) {
    for (int k = 0; k < b64.length(); k++) {
      char c = b64.charAt(k);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == ',';
      if (!ok) {
        throw new IllegalArgumentException("invalid character in a modified base64 shift: '" + c + "'");
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(pad(b64.replace(',', '/')));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid modified base64 in a mailbox name", e);
    }
    if (bytes.length % 2 != 0 || bytes.length == 0) {
      throw new IllegalArgumentException("a modified UTF-7 shift must hold whole UTF-16 units");
    }
    String text;
    try {
      text = StandardCharsets.UTF_16BE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("unpaired surrogate in a modified UTF-7 name", e);
    }
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c <= 0x7f) {
        throw new IllegalArgumentException("ASCII inside a base64 shift (non-canonical modified UTF-7)");
      }
    }
    if (!ENCODER.encodeToString(bytes).replace('/', ',').equals(b64)) {
      throw new IllegalArgumentException("non-canonical base64 bits in a modified UTF-7 name");
    }
    return CharBuffer.wrap(text).toString();
  }

  private static String pad(String b64) {
    int rem = b64.length() % 4;
    if (rem == 1) {
      throw new IllegalArgumentException("truncated modified base64 in a mailbox name");
    }
    return rem == 0 ? b64 : b64 + "==".substring(0, 4 - rem);
  }
}
