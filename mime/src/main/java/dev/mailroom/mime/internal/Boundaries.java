package dev.mailroom.mime.internal;

import java.security.SecureRandom;

/**
 * Multipart boundaries that cannot collide with content (RFC 2046 §5.1.1). A boundary is {@code "=_mr_"} followed by
 * 24 random characters: the {@code "=_"} can appear neither in base64 output (no '_' in its alphabet, '=' only as
 * final padding) nor in quoted-printable output ('=' is always followed by two hex digits or a line break), so
 * encoded bodies can never contain a delimiter; 7bit and 8bit bodies are checked by the builder.
 */
public final class Boundaries {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  /** What every boundary starts with; the builder encodes a 7bit/8bit body that contains it. */
  public static final byte[] MARKER = {'=', '_', 'm', 'r', '_'};

  private Boundaries() { }

  /** A new random boundary of 29 characters (RFC 2046 §5.1.1 allows up to 70). */
  public static String next() {
    char[] chars = new char[24];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return "=_mr_" + new String(chars);
  }
}
