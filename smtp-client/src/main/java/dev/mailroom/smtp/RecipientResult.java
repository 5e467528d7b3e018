package dev.mailroom.smtp;

import java.util.Objects;

/**
 * How the server answered one {@code RCPT TO}.
 *
 * @param address the recipient address as sent
 * @param reply the server's reply to RCPT
 */
public record RecipientResult(String address, SmtpReply reply) {
  public RecipientResult {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reply, "reply");
  }

  /** Whether the server accepted the recipient (2xx). */
  public boolean accepted() {
    return reply.isPositiveCompletion();
  }
}
