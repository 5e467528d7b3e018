package dev.mailroom.client.sasl;

import dev.mailroom.client.MailAuthenticationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Small text helpers shared by the mechanisms. */
final class SaslText {
  private SaslText() {
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Decodes strict UTF-8: malformed input is an error, not replaced. */
  static String decodeUtf8(byte[] bytes, String what) throws MailAuthenticationException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MailAuthenticationException(what + " is not valid UTF-8", e);
    }
  }

  /** Index of the first C0 or C1 control character (U+0000 to U+001F, U+007F to U+009F), or -1. */
  static int indexOfControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Server text made safe for an exception message: control and non-ASCII characters escaped as {@code \\uXXXX},
   * cut at {@code max} characters.
   */
  static String printable(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (out.length() >= max) {
        out.append("...");
        break;
      }
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
