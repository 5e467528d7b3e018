package dev.mailroom.smtp.internal;

import dev.mailroom.client.internal.transport.Escaping;

/** Server text made safe for exception messages. */
public final class ReplyText {
  private ReplyText() { }

  /** {@code text} with control characters escaped, cut at {@link Escaping#MESSAGE_LIMIT} characters. */
  public static String escape(String text) {
    return Escaping.escape(text, Escaping.MESSAGE_LIMIT);
  }
}
