package dev.mailroom.imap;

import dev.mailroom.client.MailProtocolException;

/**
 * The server said {@code * BYE} (RFC 3501 §7.1.5) and closed the connection; every command in flight fails with
 * this exception, carrying the server's text (SECURITY.md I11).
 */
public class ImapByeException extends MailProtocolException {
  private static final long serialVersionUID = 1L;
  private final String byeText;

  public ImapByeException(String byeText) {
    super("the server closed the session: * BYE " + byeText);
    this.byeText = byeText;
  }

  /** The text of the BYE response. */
  public String byeText() {
    return byeText;
  }
}
