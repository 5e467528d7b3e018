package dev.mailroom.pop3.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * APOP (RFC 1939 §7): the greeting's timestamp and the digest {@code MD5(timestamp + secret)} in lower-case hex.
 * The timestamp is taken strictly (SECURITY.md P01): exactly one {@code <local@domain>} in the greeting, at most
 * {@value #MAX_TIMESTAMP} characters, printable ASCII without spaces, brackets or backslashes, with one {@code @}
 * that is neither first nor last. A greeting that breaks any of this has no timestamp, and APOP is not possible.
 */
public final class ApopDigest {
  /** The longest timestamp accepted, brackets included. */
  public static final int MAX_TIMESTAMP = 255;

  private ApopDigest() { }

  /** The timestamp in {@code greetingText}, brackets included, or null if there is no valid one. */
  public static String timestamp(String greetingText) {
    int open = greetingText.indexOf('<');
    if (open < 0 || greetingText.indexOf('<', open + 1) >= 0) {
      return null;
    }
    int close = greetingText.indexOf('>', open);
    if (close < 0 || greetingText.indexOf('>', close + 1) >= 0 || close - open + 1 > MAX_TIMESTAMP) {
      return null;
    }
    String inner = greetingText.substring(open + 1, close);
    int at = inner.indexOf('@');
    if (at <= 0 || at == inner.length() - 1 || inner.indexOf('@', at + 1) >= 0) {
      return null;
    }
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c <= 0x20 || c >= 0x7F || c == '\\' || c == '"') {
        return null;
      }
    }
    return greetingText.substring(open, close + 1);
  }

  /** {@code MD5(timestamp + secret)} as 32 lower-case hex digits. */
  public static String digest(String timestamp, String secret) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
      md5.update(secretBytes);
      java.util.Arrays.fill(secretBytes, (byte) 0);
      return HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
