package dev.mailroom.pop3.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.sasl.SaslStep;
import dev.mailroom.client.internal.sasl.SaslWire;
import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.pop3.Pop3AuthenticationException;
import dev.mailroom.pop3.Pop3CommandException;
import dev.mailroom.pop3.Pop3Reply;
import dev.mailroom.pop3.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * POP3 AUTH framing (RFC 5034 §4): {@code AUTH mechanism [initial-response]} (with {@code =} for an empty one),
 * {@code + base64} challenges, base64 answer lines, {@code *} to cancel, {@code +OK} success and {@code -ERR}
 * failure. The initial response rides on the command only while the line stays within 255 octets (RFC 5034 §4).
 * A refusal with {@code [IN-USE]}, {@code [LOGIN-DELAY]} or {@code [SYS/...]} is reported as that typed
 * {@link Pop3CommandException}; any other refusal as a {@link Pop3AuthenticationException} (SECURITY.md P11).
 * Everything after the mechanism name is traced redacted.
 */
public final class Pop3SaslWire implements SaslWire {
  /** RFC 5034 §4: the AUTH command with its initial response is at most 255 octets, CRLF included. */
  static final int MAX_COMMAND_LINE = 255;

  private final Pop3Channel channel;

  public Pop3SaslWire(Pop3Channel channel) {
    this.channel = channel;
  }

  @Override
  public boolean supportsInitialResponse(String mechanism, int encodedLength) {
    return "AUTH ".length() + mechanism.length() + 1 + Math.max(1, encodedLength) + 2 <= MAX_COMMAND_LINE;
  }

  @Override
  public void start(String mechanism, byte[] initialResponse) throws MailException {
    channel.checkInStep();
    String command = "AUTH " + mechanism;
    if (initialResponse == null) {
      channel.write(command, Sensitivity.PUBLIC);
    } else {
      String encoded = initialResponse.length == 0 ? "=" : Base64.getEncoder().encodeToString(initialResponse);
      channel.write(command + " " + encoded, Sensitivity.revealing(command.length() + 1));
    }
    channel.flush();
  }

  @Override
  public SaslStep next() throws MailException {
    byte[] line = channel.readRawLine();
    if (line.length >= 1 && line[0] == '+' && (line.length == 1 || line[1] == ' ')) {
      return SaslStep.challenge(line.length <= 2 ? "" : new String(line, 2, line.length - 2,
          StandardCharsets.US_ASCII).trim());
    }
    Pop3Reply reply;
    try {
      reply = Pop3ReplyDecoder.decode(line);
    } catch (MailProtocolException e) {
      channel.close();
      throw e;
    }
    if (reply.ok()) {
      return SaslStep.success();
    }
    return SaslStep.failure(refusal("AUTH", reply));
  }

  @Override
  public void respond(byte[] response) throws MailException {
    channel.write(response.length == 0 ? "" : Base64.getEncoder().encodeToString(response), Sensitivity.SECRET);
    channel.flush();
  }

  @Override
  public void cancel() throws MailException {
    channel.write("*", Sensitivity.PUBLIC);
    channel.flush();
    Pop3Reply reply = channel.readReply();
    if (reply.ok()) {
      channel.close();
      throw new MailProtocolException("the server accepted a cancelled AUTH exchange: "
          + Escaping.escape(reply.toString(), Escaping.MESSAGE_LIMIT));
    }
  }

  /** The exception for a refused login step: a typed system/lock condition, or an authentication failure. */
  static MailException refusal(String what, Pop3Reply reply) {
    if (reply.hasCode(ResponseCode.IN_USE) || reply.hasCode(ResponseCode.LOGIN_DELAY)
        || reply.hasCode(ResponseCode.SYS_TEMP) || reply.hasCode(ResponseCode.SYS_PERM)) {
      return Pop3CommandException.of(what + " refused", reply);
    }
    return new Pop3AuthenticationException(what + " refused", reply);
  }
}
