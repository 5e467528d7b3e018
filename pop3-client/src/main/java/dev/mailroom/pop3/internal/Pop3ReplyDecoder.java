package dev.mailroom.pop3.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.client.internal.transport.ProtocolInput;
import dev.mailroom.pop3.Pop3Reply;
import dev.mailroom.pop3.ResponseCode;
import java.nio.charset.StandardCharsets;

/**
 * Reads one POP3 status line (RFC 1939 §3): {@code status-line = ("+OK" / "-ERR") [SP text] CRLF}, with an optional
 * response code at the start of the text (RFC 2449 §8: {@code "[" resp-level *("/" resp-level) "]"}). The line is
 * bounded by the transport ({@code readLine(max)}, strict CRLF: SECURITY.md P04, P10). Anything else, such as a scan
 * line where a status was due (P09) or a status followed by a letter ({@code +OKAY}), is a
 * {@link MailProtocolException}. Control characters in the text are escaped (P12). Stateless.
 */
public final class Pop3ReplyDecoder {
  private static final byte[] OK = {'+', 'O', 'K'};
  private static final byte[] ERR = {'-', 'E', 'R', 'R'};

  private Pop3ReplyDecoder() { }

  /** Reads and decodes the next status line. */
  public static Pop3Reply read(ProtocolInput input, int maxLineBytes) throws MailException {
    return decode(input.readLine(maxLineBytes));
  }

  /** Decodes one status line given without its CRLF. */
  public static Pop3Reply decode(byte[] line) throws MailProtocolException {
    boolean ok;
    int start;
    if (startsWith(line, OK)) {
      ok = true;
      start = OK.length;
    } else if (startsWith(line, ERR)) {
      ok = false;
      start = ERR.length;
    } else {
      throw fail("expected +OK or -ERR", line);
    }
    if (line.length > start && line[start] != ' ') {
      throw fail("the status indicator is not followed by a space or the line end", line);
    }
    int textStart = Math.min(line.length, start + 1);
    String raw = new String(line, textStart, line.length - textStart, StandardCharsets.UTF_8);
    ResponseCode code = null;
    if (raw.startsWith("[")) {
      int close = raw.indexOf(']');
      if (close > 1) {
        String candidate = raw.substring(1, close);
        if (validCode(candidate)) {
          code = new ResponseCode(candidate.toUpperCase(java.util.Locale.ROOT));
          raw = raw.substring(close + 1).stripLeading();
        }
      }
    }
    return new Pop3Reply(ok, code, Escaping.escape(raw, Integer.MAX_VALUE));
  }

  private static boolean validCode(String text) {
    try {
      new ResponseCode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] line, byte[] prefix) {
    if (line.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static MailProtocolException fail(String what, byte[] line) {
    return new MailProtocolException("POP3 reply grammar violated: " + what + ": '"
        + Escaping.forDisplay(line, 0, line.length, Escaping.MESSAGE_LIMIT) + "'");
  }
}
