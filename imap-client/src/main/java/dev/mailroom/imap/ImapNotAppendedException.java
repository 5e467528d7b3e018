package dev.mailroom.imap;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;

/**
 * The connection was lost before the whole {@code APPEND} (its literal and the final CRLF) was sent: the server
 * cannot have stored the message, so appending it again on a new session is safe (SECURITY.md I25).
 */
public class ImapNotAppendedException extends MailProtocolException {
  private static final long serialVersionUID = 1L;
  private final String mailbox;

  public ImapNotAppendedException(String mailbox, MailException cause) {
    super("APPEND to " + mailbox + " was not stored (the connection failed before the message was fully sent): "
        + cause.getMessage(), cause);
    this.mailbox = mailbox;
  }

  /** The mailbox the message was meant for. */
  public String mailbox() {
    return mailbox;
  }
}
