package dev.mailroom.pop3;

import java.util.Objects;
import java.util.Optional;

/**
 * A POP3 status line (RFC 1939 §3): {@code +OK} or {@code -ERR}, an optional extended response code (RFC 2449 §8)
 * and the rest of the text. Control characters in the text are escaped ({@code \x1B}), so it is safe to show
 * (SECURITY.md P12).
 *
 * <pre>{@code
 * Pop3Reply reply = session.noop();
 * System.out.println(reply.ok() + " " + reply.text());
 * }</pre>
 *
 * @param ok whether the status is {@code +OK}
 * @param code the response code, or null when the text starts with none
 * @param text the text after the status and code, escaped; possibly empty
 */
public record Pop3Reply(boolean ok, ResponseCode code, String text) {
  public Pop3Reply {
    Objects.requireNonNull(text, "text");
  }

  /** The response code, if the reply carried one. */
  public Optional<ResponseCode> responseCode() {
    return Optional.ofNullable(code);
  }

  /** Whether the reply carries {@code wanted} or one of its sub-codes. */
  public boolean hasCode(ResponseCode wanted) {
    return code != null && code.is(wanted);
  }

  @Override
  public String toString() {
    return (ok ? "+OK" : "-ERR") + (code == null ? "" : " " + code) + (text.isEmpty() ? "" : " " + text);
  }
}
