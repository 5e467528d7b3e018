package dev.mailroom.imap.internal.wire;

/** Strict {@code sequence-set} syntax (RFC 3501 §9; SECURITY.md I15), checked without expanding anything (I14). */
public final class SequenceSetSyntax {
  private SequenceSetSyntax() { }

  /** Whether {@code s} is {@code seq-number / seq-range} items joined by commas, numbers 1 to 2^32-1 or {@code *}. */
  public static boolean isValid(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (String item : s.split(",", -1)) {
      int colon = item.indexOf(':');
      if (colon < 0) {
        if (!isSeqNumber(item)) {
          return false;
        }
      } else if (!isSeqNumber(item.substring(0, colon)) || !isSeqNumber(item.substring(colon + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeqNumber(String s) {
    if (s.equals("*")) {
      return true;
    }
    if (s.isEmpty() || s.length() > 10 || s.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(s) <= ImapDecoder.MAX_NUMBER;
  }
}
