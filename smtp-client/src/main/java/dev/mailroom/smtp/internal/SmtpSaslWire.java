package dev.mailroom.smtp.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.sasl.SaslStep;
import dev.mailroom.client.internal.sasl.SaslWire;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.smtp.SmtpCommandException;
import dev.mailroom.smtp.SmtpReply;
import java.util.Base64;
import java.util.Set;

/**
 * SMTP AUTH framing (RFC 4954): {@code AUTH mechanism [initial-response]}, {@code 334} challenges, base64 answer
 * lines, {@code *} to cancel, {@code 235} success. The refusals of RFC 4954 §6 (535, 534, 454, 530) and the
 * "already authenticated" 503 (a session-fixation sign right after TLS, SECURITY.md T14) are SASL failures, which
 * the driver turns into {@link dev.mailroom.client.MailAuthenticationException}; other 4xx/5xx replies (501 syntax,
 * 504 unknown mechanism) are command errors and thrown as {@link SmtpCommandException} (S20). Everything after the
 * mechanism name is traced redacted.
 */
public final class SmtpSaslWire implements SaslWire {
  /** RFC 4954 §4: the AUTH command line, CRLF included, is at most 512 octets. */
  static final int MAX_COMMAND_LINE = 512;
  private static final Set<Integer> AUTH_FAILURES = Set.of(535, 534, 454, 530, 503);

  private final SmtpChannel channel;

  public SmtpSaslWire(SmtpChannel channel) {
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
      channel.write(command);
    } else {
      String encoded = initialResponse.length == 0 ? "=" : Base64.getEncoder().encodeToString(initialResponse);
      channel.write(command + " " + encoded, Sensitivity.revealing(command.length() + 1));
    }
    channel.flush();
  }

  @Override
  public SaslStep next() throws MailException {
    SmtpReply reply = channel.read(channel.timeouts().mailRcpt());
    channel.checkClosing(reply, "AUTH");
    if (reply.code() == 334) {
      if (reply.lines().size() != 1) {
        channel.close();
        throw new MailProtocolException("a 334 challenge must be one line");
      }
      return SaslStep.challenge(reply.lines().get(0).trim());
    }
    if (reply.code() == 235) {
      return SaslStep.success();
    }
    if (AUTH_FAILURES.contains(reply.code())) {
      return SaslStep.failure(new SmtpCommandException("AUTH refused", reply));
    }
    if (reply.isPositiveCompletion() || reply.isPositiveIntermediate()) {
      channel.close();
      throw new MailProtocolException("unexpected reply during AUTH: " + reply.displayText());
    }
    throw new SmtpCommandException("AUTH command error", reply);
  }

  @Override
  public void respond(byte[] response) throws MailException {
    channel.write(response.length == 0 ? "" : Base64.getEncoder().encodeToString(response), Sensitivity.SECRET);
    channel.flush();
  }

  @Override
  public void cancel() throws MailException {
    channel.write("*");
    channel.flush();
    SmtpReply reply = channel.read(channel.timeouts().mailRcpt());
    channel.checkClosing(reply, "AUTH cancel");
    if (reply.isPositiveCompletion()) {
      channel.close();
      throw new MailProtocolException("the server accepted a cancelled AUTH exchange: " + reply.displayText());
    }
  }
}
