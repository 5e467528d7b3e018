package dev.mailroom.mime.internal;

import dev.mailroom.mime.Header;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a header field from a name and its value's tokens, folding between tokens so lines stay within 78
 * characters where possible and never exceed 998 (RFC 5322 §2.1.1, §2.2.3). Tokens are what may not be split:
 * words, encoded words, addresses. A token may not contain CR, LF or NUL, so folding is the only line break a
 * field can contain (SECURITY.md M01).
 */
public final class HeaderFolder {
  /** RFC 5322 §2.1.1: SHOULD be no more than 78 characters. */
  public static final int PREFERRED_LINE = 78;
  /** RFC 5322 §2.1.1: MUST be no more than 998 characters. */
  public static final int MAX_LINE = 998;

  private HeaderFolder() { }

  /**
   * The field {@code name: token token ...CRLF}, folded. Each token is written after one space; {@code tokens} must
   * not be empty. A token that cannot fit in a 998-character line is refused.
   */
  public static Header fold(String name, List<String> tokens) {
    Header.checkName(name);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("a header needs a value: " + name);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 64);
    write(out, name);
    out.write(':');
    int lineLength = name.length() + 1;
    for (String token : tokens) {
      check(token);
      int tokenLength = token.getBytes(StandardCharsets.UTF_8).length;
      if (tokenLength + 1 > MAX_LINE - 1) {
        throw new IllegalArgumentException("header token too long to fold (" + tokenLength + " bytes): " + name);
      }
      if (tokenLength > 0 && lineLength + 1 + tokenLength > PREFERRED_LINE && lineLength > name.length() + 1) {
        out.write('\r');
        out.write('\n');
        lineLength = 0;
      }
      out.write(' ');
      write(out, token);
      lineLength += 1 + tokenLength;
    }
    out.write('\r');
    out.write('\n');
    return Header.parse(out.toByteArray());
  }

  /**
   * Splits text into tokens at single spaces (for unstructured fields), so that unfolding gives back the same text:
   * runs of spaces become empty tokens, which are never folded before. Leading and trailing white space is not kept
   * (RFC 5322 §3.2.2: it is not significant after the colon).
   */
  public static List<String> words(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return List.of("");
    }
    return List.of(trimmed.split(" ", -1));
  }

  private static void check(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException("a header value may not contain CR, LF or NUL");
      }
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
