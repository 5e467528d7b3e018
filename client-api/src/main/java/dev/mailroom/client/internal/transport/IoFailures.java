package dev.mailroom.client.internal.transport;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;

/** Maps what sockets and okio throw onto Mailroom's typed errors. */
final class IoFailures {
  private IoFailures() { }

  static MailException translate(IOException e, String doing) {
    if (e instanceof MailException mail) {
      return mail;
    }
    if (e instanceof InterruptedIOException) {
      return new MailTimeoutException("timed out while " + doing, e);
    }
    if (e instanceof EOFException) {
      return new MailProtocolException("connection closed by the server while " + doing, e);
    }
    return new MailProtocolException("connection lost while " + doing + ": " + e.getMessage(), e);
  }
}
