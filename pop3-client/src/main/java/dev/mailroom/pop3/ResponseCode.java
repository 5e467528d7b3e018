package dev.mailroom.pop3;

import java.util.Objects;

/**
 * An extended response code (RFC 2449 §8): the bracketed word at the start of a reply's text, such as
 * {@code -ERR [IN-USE] mailbox locked}. Codes are hierarchical ({@code SYS/TEMP}); {@link #is(ResponseCode)} matches a
 * code and its sub-codes. The value is kept as sent, upper-cased.
 *
 * <pre>{@code
 * catch (Pop3CommandException e) {
 *   if (e.responseCode().filter(c -> c.is(ResponseCode.SYS_TEMP)).isPresent()) retryLater();
 * }
 * }</pre>
 *
 * @param value the code, for instance {@code "SYS/TEMP"}; levels of printable ASCII separated by {@code /}
 */
public record ResponseCode(String value) {
  /** RFC 2449 §8.1.1: the maildrop is locked by another session. */
  public static final ResponseCode IN_USE = new ResponseCode("IN-USE");
  /** RFC 2449 §8.1.2: the user logged in too recently (see the LOGIN-DELAY capability). */
  public static final ResponseCode LOGIN_DELAY = new ResponseCode("LOGIN-DELAY");
  /** RFC 3206 §4: a temporary system problem; trying again later may work. */
  public static final ResponseCode SYS_TEMP = new ResponseCode("SYS/TEMP");
  /** RFC 3206 §4: a permanent system problem; trying again will not help without intervention. */
  public static final ResponseCode SYS_PERM = new ResponseCode("SYS/PERM");
  /** RFC 3206 §5: the credentials are wrong (as opposed to a system problem). */
  public static final ResponseCode AUTH = new ResponseCode("AUTH");
  /** RFC 6856 §2: the command needs UTF8 mode. */
  public static final ResponseCode UTF8 = new ResponseCode("UTF8");

  public ResponseCode {
    Objects.requireNonNull(value, "value");
    if (!valid(value)) {
      throw new IllegalArgumentException("not a response code (RFC 2449 §8): " + value);
    }
  }

  /** Whether {@code text} is {@code resp-level *("/" resp-level)} with printable ASCII levels. */
  static boolean valid(String text) {
    if (text.isEmpty() || text.length() > 128 || text.startsWith("/") || text.endsWith("/")
        || text.contains("//")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x21 || c > 0x7E || c == ']' || c == '[') {
        return false;
      }
    }
    return true;
  }

  /** Whether this code is {@code other} or one of its sub-codes ({@code SYS/TEMP/DISK} is {@code SYS/TEMP}). */
  public boolean is(ResponseCode other) {
    return value.equals(other.value) || value.startsWith(other.value + "/");
  }

  @Override
  public String toString() {
    return "[" + value + "]";
  }
}
