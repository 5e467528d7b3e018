package dev.mailroom.smtp.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.client.internal.transport.ProtocolInput;
import dev.mailroom.smtp.EnhancedStatus;
import dev.mailroom.smtp.SmtpReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one reply per RFC 5321 §4.2: {@code Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code
 * [ SP textstring ] CRLF}. Every line must carry the same code; the code is three digits, 2-5 then 0-5 then 0-9. A
 * line is bounded by the transport ({@code readLine(max)}, strict CRLF: SECURITY.md S12) and the whole reply by
 * {@code maxReplyBytes} (S11). Control characters other than HT in the text are a protocol error (S10); 8-bit text
 * is accepted and decoded as UTF-8 with replacement. Any violation closes the connection with
 * {@link MailProtocolException}.
 */
public final class SmtpReplyDecoder {
  private final ProtocolInput input;
  private final int maxLineBytes;
  private final long maxReplyBytes;

  public SmtpReplyDecoder(ProtocolInput input, int maxLineBytes, long maxReplyBytes) {
    this.input = input;
    this.maxLineBytes = maxLineBytes;
    this.maxReplyBytes = maxReplyBytes;
  }

  /**
   * Reads the next complete reply.
   *
   * @param enhancedCodes whether the server advertised ENHANCEDSTATUSCODES, so the text may start with one
   */
  public SmtpReply read(boolean enhancedCodes) throws MailException {
    List<String> lines = new ArrayList<>(1);
    long total = 0;
    int code = -1;
    while (true) {
      byte[] line = input.readLine(maxLineBytes);
      total += line.length + 2;
      if (total > maxReplyBytes) {
        throw fail("the reply is longer than " + maxReplyBytes + " bytes (SECURITY.md S11)", line);
      }
      int lineCode = replyCode(line);
      if (code == -1) {
        code = lineCode;
      } else if (lineCode != code) {
        throw fail("a multi-line reply changed its code from " + code, line);
      }
      boolean last;
      if (line.length == 3) {
        last = true;
      } else if (line[3] == ' ') {
        last = true;
      } else if (line[3] == '-') {
        last = false;
      } else {
        throw fail("the reply code is not followed by a space, a hyphen or the line end", line);
      }
      for (int i = 4; i < line.length; i++) {
        int b = line[i] & 0xFF;
        if ((b < 0x20 && b != '\t') || b == 0x7F) {
          throw fail("the reply text holds a control character", line);
        }
      }
      lines.add(line.length <= 4 ? "" : new String(line, 4, line.length - 4, StandardCharsets.UTF_8));
      if (last) {
        break;
      }
    }
    EnhancedStatus status = null;
    if (enhancedCodes) {
      EnhancedStatus parsed = EnhancedStatus.parseLeading(lines.get(0));
      if (parsed != null && parsed.statusClass() == code / 100) {
        status = parsed;
      }
    }
    return new SmtpReply(code, status, lines);
  }

  private static int replyCode(byte[] line) throws MailProtocolException {
    if (line.length < 3) {
      throw fail("the reply line is shorter than a reply code", line);
    }
    int a = line[0] - '0';
    int b = line[1] - '0';
    int c = line[2] - '0';
    if (a < 2 || a > 5 || b < 0 || b > 5 || c < 0 || c > 9) {
      throw fail("the reply does not start with a valid reply code", line);
    }
    return a * 100 + b * 10 + c;
  }

  private static MailProtocolException fail(String what, byte[] line) {
    return new MailProtocolException("SMTP reply grammar violated: " + what + ": '"
        + Escaping.forDisplay(line, 0, line.length, Escaping.MESSAGE_LIMIT) + "'");
  }
}
