package dev.mailroom.client;

import java.io.IOException;

/**
 * The root of every error Mailroom raises for a network, protocol or server failure. Misuse of the API (a closed
 * session, a null argument) is an unchecked {@link IllegalStateException} or {@link IllegalArgumentException}
 * instead.
 *
 * <p>Messages never contain secrets, and control characters from the server are escaped in them.
 */
public class MailException extends IOException {
  private static final long serialVersionUID = 1L;

  public MailException(String message) {
    super(message);
  }

  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
