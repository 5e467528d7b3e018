package dev.mailroom.imap;

import dev.mailroom.client.MailCommandException;
import java.util.Optional;

/**
 * The server answered a command with a tagged {@code NO} or {@code BAD} (RFC 3501 §7.1.2, §7.1.3). The session is
 * still usable.
 *
 * <pre>{@code
 * try {
 *   session.select(MailboxName.of("missing")).await();
 * } catch (ImapCommandException e) {
 *   System.out.println(e.status() + " " + e.serverText());
 * }
 * }</pre>
 */
public class ImapCommandException extends MailCommandException {
  private static final long serialVersionUID = 1L;
  private final ResponseStatus status;
  private final transient ResponseCode code;
  private final String command;

  public ImapCommandException(String command, ResponseStatus status, ResponseCode code, String text) {
    super(command + " failed: " + status + (code == null ? "" : " " + code) + " " + text, text);
    this.status = status;
    this.code = code;
    this.command = command;
  }

  /** {@link ResponseStatus#NO} or {@link ResponseStatus#BAD}. */
  public ResponseStatus status() {
    return status;
  }

  /** The response code, if the server sent one (a {@code REFERRAL} is exposed here, never followed). */
  public Optional<ResponseCode> responseCode() {
    return Optional.ofNullable(code);
  }

  /** The command's name, such as {@code UID FETCH}. */
  public String command() {
    return command;
  }
}
