package dev.mailroom.client.internal.sasl;

import java.util.Base64;

/**
 * Strict base64 (RFC 4648 §4) for SASL challenges: only the base64 alphabet, padding required and only at the end,
 * length a multiple of 4, and the unused bits of the last group zero (the canonical encoding). No whitespace or line
 * breaks. The length limit is checked before anything is decoded (SECURITY.md T18).
 */
public final class StrictBase64 {
  private StrictBase64() {
  }

  /**
   * Decodes {@code text}.
   *
   * @param maxBytes the largest decoded size accepted
   * @throws IllegalArgumentException if the text is not strict base64 or decodes to more than {@code maxBytes}; the
   *     message names the problem, never the content
   */
  public static byte[] decode(String text, int maxBytes) {
    int length = text.length();
    if (length % 4 != 0) {
      throw new IllegalArgumentException("length " + length + " is not a multiple of 4");
    }
    long decodedMax = (long) length / 4 * 3;
    int padding = length == 0 ? 0 : (text.charAt(length - 1) == '=' ? 1 : 0) + (text.charAt(length - 2) == '=' ? 1 : 0);
    if (decodedMax - padding > maxBytes) {
      throw new IllegalArgumentException("decodes to " + (decodedMax - padding) + " bytes, more than the limit of "
          + maxBytes);
    }
    for (int i = 0; i < length - padding; i++) {
      if (!isAlphabet(text.charAt(i))) {
        throw new IllegalArgumentException("character " + i + " is not in the base64 alphabet");
      }
    }
    if (padding > 0) {
      // The bits of the last data character that fall outside the decoded bytes must be zero (RFC 4648 §3.5).
      int last = value(text.charAt(length - padding - 1));
      int unusedBitsMask = padding == 2 ? 0x0F : 0x03;
      if ((last & unusedBitsMask) != 0) {
        throw new IllegalArgumentException("non-canonical encoding (non-zero pad bits)");
      }
    }
    return Base64.getDecoder().decode(text);
  }

  private static boolean isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : 63;
  }
}
