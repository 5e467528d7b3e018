package dev.mailroom.pop3;

import dev.mailroom.client.MailCommandException;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered {@code -ERR}. The session is still usable unless the reply was to the greeting or the
 * connection was closed. Replies with the RFC 2449/3206 codes are thrown as subclasses, so each can be caught on its
 * own (SECURITY.md P11): {@link Pop3MaildropInUseException} ({@code [IN-USE]}), {@link Pop3LoginDelayException}
 * ({@code [LOGIN-DELAY]}), {@link Pop3SystemTemporaryException} ({@code [SYS/TEMP]}) and
 * {@link Pop3SystemPermanentException} ({@code [SYS/PERM]}); {@code [AUTH]} comes as
 * {@link Pop3AuthenticationException}.
 */
public class Pop3CommandException extends MailCommandException {
  private static final long serialVersionUID = 1L;

  private final transient Pop3Reply reply;

  public Pop3CommandException(String message, Pop3Reply reply) {
    super(message, Objects.requireNonNull(reply, "reply").toString());
    this.reply = reply;
  }

  /**
   * The exception for a {@code -ERR} reply: the subclass matching its response code, or this class.
   *
   * @param message what was refused, for instance {@code "RETR 3"}
   * @param reply the {@code -ERR} reply
   */
  public static Pop3CommandException of(String message, Pop3Reply reply) {
    if (reply.hasCode(ResponseCode.IN_USE)) {
      return new Pop3MaildropInUseException(message, reply);
    }
    if (reply.hasCode(ResponseCode.LOGIN_DELAY)) {
      return new Pop3LoginDelayException(message, reply);
    }
    if (reply.hasCode(ResponseCode.SYS_TEMP)) {
      return new Pop3SystemTemporaryException(message, reply);
    }
    if (reply.hasCode(ResponseCode.SYS_PERM)) {
      return new Pop3SystemPermanentException(message, reply);
    }
    return new Pop3CommandException(message, reply);
  }

  /** The server's reply. */
  public Pop3Reply reply() {
    return reply;
  }

  /** The reply's response code, if any. */
  public Optional<ResponseCode> responseCode() {
    return reply.responseCode();
  }
}
