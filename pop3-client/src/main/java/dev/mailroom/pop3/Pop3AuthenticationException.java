package dev.mailroom.pop3;

import dev.mailroom.client.MailAuthenticationException;
import java.util.Objects;
import java.util.Optional;

/**
 * The server refused the credentials: {@code -ERR} to USER, PASS or APOP, with the {@code [AUTH]} code (RFC 3206 §5)
 * or without a code that names another cause. (A refusal to AUTH comes from the SASL driver as a
 * {@link MailAuthenticationException} whose cause is this exception.) Replies with {@code [IN-USE]},
 * {@code [LOGIN-DELAY]} or {@code [SYS/...]} are not authentication failures and come as their own
 * {@link Pop3CommandException} subclasses (SECURITY.md P11).
 */
public final class Pop3AuthenticationException extends MailAuthenticationException {
  private static final long serialVersionUID = 1L;

  private final transient Pop3Reply reply;

  public Pop3AuthenticationException(String message, Pop3Reply reply) {
    super(message + ": " + Objects.requireNonNull(reply, "reply"));
    this.reply = reply;
  }

  /** The server's reply. */
  public Pop3Reply reply() {
    return reply;
  }

  /** The reply's response code, if any (usually {@link ResponseCode#AUTH}). */
  public Optional<ResponseCode> responseCode() {
    return reply.responseCode();
  }
}
