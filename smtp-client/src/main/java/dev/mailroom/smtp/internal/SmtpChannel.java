package dev.mailroom.smtp.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.smtp.SmtpCommandException;
import dev.mailroom.smtp.SmtpReply;
import dev.mailroom.smtp.SmtpServiceClosingException;
import dev.mailroom.smtp.SmtpTimeouts;
import java.io.Closeable;
import java.time.Duration;

/**
 * An SMTP connection at the command level: writes command lines, reads replies through {@link SmtpReplyDecoder}
 * under a per-reply deadline, and keeps the stream in step. Any protocol error or timeout closes the connection.
 * Not thread-safe: the session serialises access.
 */
public final class SmtpChannel implements Closeable {
  private final LineTransport transport;
  private final SmtpReplyDecoder decoder;
  private final SmtpTimeouts timeouts;
  private boolean enhancedStatusCodes;

  public SmtpChannel(LineTransport transport, SmtpTimeouts timeouts, int maxLineBytes, long maxReplyBytes) {
    this.transport = transport;
    this.timeouts = timeouts;
    this.decoder = new SmtpReplyDecoder(transport, maxLineBytes, maxReplyBytes);
  }

  public LineTransport transport() {
    return transport;
  }

  public SmtpTimeouts timeouts() {
    return timeouts;
  }

  /** Whether replies may start with an enhanced status code (ENHANCEDSTATUSCODES was advertised). */
  public void enhancedStatusCodes(boolean value) {
    enhancedStatusCodes = value;
  }

  /** Buffers a command line; it is sent by {@link #flush()}. */
  public void write(String line) throws MailException {
    write(line, Sensitivity.PUBLIC);
  }

  public void write(String line, Sensitivity sensitivity) throws MailException {
    transport.writeLine(line, sensitivity);
  }

  public void flush() throws MailException {
    transport.flush();
  }

  /** Reads one reply within {@code timeout}; a grammar error or timeout closes the connection. */
  public SmtpReply read(Duration timeout) throws MailException {
    transport.deadline(timeout);
    try {
      return decoder.read(enhancedStatusCodes);
    } catch (MailException e) {
      transport.close();
      throw e;
    } finally {
      if (transport.isOpen()) {
        transport.clearDeadline();
      }
    }
  }

  /**
   * Sends one command and reads its reply, checking that the server sent nothing unasked before it and nothing
   * after it (SECURITY.md S13: the stream would be out of step).
   */
  public SmtpReply command(String line, Duration timeout) throws MailException {
    checkInStep();
    write(line);
    flush();
    SmtpReply reply = read(timeout);
    checkInStep();
    return reply;
  }

  /** {@link #command} with the MAIL/RCPT timeout, used for every command without a timeout of its own. */
  public SmtpReply command(String line) throws MailException {
    return command(line, timeouts.mailRcpt());
  }

  /** Fails with a protocol error and closes if the server sent bytes that answer nothing (S13). */
  public void checkInStep() throws MailProtocolException {
    if (transport.isOpen() && transport.bufferedByteCount() > 0) {
      transport.close();
      throw new MailProtocolException("the server sent a reply nobody asked for: the stream is out of step "
          + "(SECURITY.md S13)");
    }
  }

  /**
   * Returns {@code reply} if it is a 2xx (or {@code expected}); throws {@link SmtpServiceClosingException} and
   * closes on 421, {@link SmtpCommandException} otherwise.
   */
  public SmtpReply expect(SmtpReply reply, int expected, String what) throws MailException {
    if (reply.code() == 421) {
      transport.close();
      throw new SmtpServiceClosingException(what + ": the server is closing the connection", reply);
    }
    if (expected == 0 ? reply.isPositiveCompletion() : reply.code() == expected) {
      return reply;
    }
    throw new SmtpCommandException(what + " refused", reply);
  }

  /** Throws {@link SmtpServiceClosingException} and closes the connection if {@code reply} is a 421. */
  public void checkClosing(SmtpReply reply, String what) throws SmtpServiceClosingException {
    if (reply.code() == 421) {
      transport.close();
      throw new SmtpServiceClosingException(what + ": the server is closing the connection", reply);
    }
  }

  public boolean isOpen() {
    return transport.isOpen();
  }

  @Override
  public void close() {
    transport.close();
  }
}
