package dev.mailroom.smtp;

import dev.mailroom.client.MailCommandException;
import java.util.Objects;

/**
 * The server refused a command with a 4xx or 5xx reply. Unless it is a {@link SmtpServiceClosingException}, the
 * session is still usable.
 */
public class SmtpCommandException extends MailCommandException {
  private static final long serialVersionUID = 1L;

  private final transient SmtpReply reply;

  public SmtpCommandException(String message, SmtpReply reply) {
    super(message + " (" + reply.code() + ")", dev.mailroom.smtp.internal.ReplyText.escape(reply.text()));
    this.reply = Objects.requireNonNull(reply, "reply");
  }

  /** The server's reply. */
  public SmtpReply reply() {
    return reply;
  }

  /** The reply code. */
  public int code() {
    return reply.code();
  }
}
