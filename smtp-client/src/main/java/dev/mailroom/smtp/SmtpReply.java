package dev.mailroom.smtp;

import java.util.List;
import java.util.Objects;

/**
 * One complete SMTP reply (RFC 5321 §4.2): a three-digit code, the enhanced status code when the server uses
 * ENHANCEDSTATUSCODES (RFC 2034), and the text of every line without the code and separator. Text is decoded as
 * UTF-8 (malformed bytes replaced) and may hold anything printable; use {@link #displayText()} in messages.
 *
 * @param code 200 to 599
 * @param enhancedStatus the enhanced status code of the first line, or null when there is none
 * @param lines the text of each line, in order; at least one (possibly empty)
 */
public record SmtpReply(int code, EnhancedStatus enhancedStatus, List<String> lines) {
  public SmtpReply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("reply code out of range: " + code);
    }
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a reply has at least one line");
    }
    if (enhancedStatus != null && enhancedStatus.statusClass() != code / 100) {
      throw new IllegalArgumentException("enhanced status class " + enhancedStatus + " does not match " + code);
    }
  }

  /** A one-line reply without an enhanced status code. */
  public static SmtpReply of(int code, String text) {
    return new SmtpReply(code, null, List.of(text));
  }

  /** 2xx: the command succeeded. */
  public boolean isPositiveCompletion() {
    return code / 100 == 2;
  }

  /** 3xx: send more (354 after DATA, 334 during AUTH). */
  public boolean isPositiveIntermediate() {
    return code / 100 == 3;
  }

  /** 4xx: a transient failure; the command may succeed later. */
  public boolean isTransientFailure() {
    return code / 100 == 4;
  }

  /** 5xx: a permanent failure. */
  public boolean isPermanentFailure() {
    return code / 100 == 5;
  }

  /** The text of all lines joined with a space. */
  public String text() {
    return String.join(" ", lines);
  }

  /** The code and text with control characters escaped and cut to a readable length, for messages and logs. */
  public String displayText() {
    return code + " " + dev.mailroom.smtp.internal.ReplyText.escape(text());
  }

  @Override
  public String toString() {
    return "SmtpReply[" + displayText() + "]";
  }
}
