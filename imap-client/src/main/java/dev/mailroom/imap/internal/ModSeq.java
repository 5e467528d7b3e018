package dev.mailroom.imap.internal;

import dev.mailroom.client.MailProtocolException;

/** RFC 7162 §7 mod-sequence values: {@code mod-sequence-value} is 1 to 2^63-1 (the decoder bounds the top, I13). */
final class ModSeq {
  private ModSeq() { }

  /** A {@code mod-sequence-value}: refuses 0. */
  static long check(long value) throws MailProtocolException {
    if (value < 1) {
      throw new MailProtocolException("mod-sequence " + value + " out of range 1 to 2^63-1 (SECURITY.md I13)");
    }
    return value;
  }
}
