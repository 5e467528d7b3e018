package dev.mailroom.client;

/**
 * The server refused a command (IMAP {@code NO}/{@code BAD}, POP3 {@code -ERR}, SMTP 4xx/5xx). The session is still
 * usable. Protocol modules subclass this to carry their typed reply; {@link #serverText()} holds the server's words,
 * with control characters escaped.
 */
public class MailCommandException extends MailException {
  private static final long serialVersionUID = 1L;

  private final String serverText;

  public MailCommandException(String message, String serverText) {
    super(message + (serverText.isEmpty() ? "" : ": " + serverText));
    this.serverText = serverText;
  }

  /** The server's reply text (escaped), possibly empty. */
  public String serverText() {
    return serverText;
  }
}
