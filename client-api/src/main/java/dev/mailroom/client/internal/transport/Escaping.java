package dev.mailroom.client.internal.transport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns server bytes into text that is safe to show in a trace, a log or an exception message: UTF-8 with malformed
 * bytes replaced, control characters (C0, DEL, C1, line and paragraph separators, bidi overrides) escaped as
 * {@code \r}, {@code \n}, {@code \t} or {@code \xNN} / {@code \u2028}, and long text cut (SECURITY.md P12).
 */
public final class Escaping {
  /** The longest text put into an exception message. */
  public static final int MESSAGE_LIMIT = 256;

  private Escaping() { }

  /** All of {@code bytes}, escaped. */
  public static String forDisplay(byte[] bytes) {
    return forDisplay(bytes, 0, bytes.length, Integer.MAX_VALUE);
  }

  /** At most {@code maxChars} characters of the escaped text, then {@code "..."}. */
  public static String forDisplay(byte[] bytes, int offset, int length, int maxChars) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars;
    try {
      chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
    } catch (CharacterCodingException e) {
      throw new AssertionError(e); // REPLACE never throws
    }
    return escape(chars, maxChars);
  }

  /** {@code text} with control characters escaped, at most {@code maxChars} characters. */
  public static String escape(CharSequence text, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(text.length() + 16, 1024));
    for (int i = 0; i < text.length(); i++) {
      if (out.length() >= maxChars) {
        out.append("...");
        break;
      }
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02X", (int) c));
          } else if ((c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
