package dev.mailroom.pop3.internal;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.pop3.Pop3CommandException;
import dev.mailroom.pop3.Pop3Reply;
import java.io.Closeable;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A POP3 connection at the command level: writes command lines, reads status lines through
 * {@link Pop3ReplyDecoder} and multi-line listings through {@link MultiLineReader}, each under the per-command
 * deadline, and keeps the stream in step. Any protocol error or timeout closes the connection. A message body is
 * handed out as a {@link BodyStream}; while one is open the channel refuses every command. Not thread-safe: the
 * session serialises access.
 */
public final class Pop3Channel implements Closeable {
  private final LineTransport transport;
  private final Duration commandTimeout;
  private final int maxLineBytes;
  private final long maxListingBytes;
  private BodyStream openBody;

  public Pop3Channel(LineTransport transport) {
    this.transport = transport;
    this.commandTimeout = transport.options().timeouts().command();
    Limits limits = transport.limits();
    this.maxLineBytes = limits.maxLineBytes();
    this.maxListingBytes = limits.maxResponseBytes();
  }

  public LineTransport transport() {
    return transport;
  }

  /** Buffers a command line; {@link #flush()} sends it. */
  public void write(String line, Sensitivity sensitivity) throws MailException {
    ensureIdle();
    transport.writeLine(line, sensitivity);
  }

  public void flush() throws MailException {
    transport.flush();
  }

  /** Reads one status line within {@code timeout}; a grammar error or timeout closes the connection. */
  public Pop3Reply readReply(Duration timeout) throws MailException {
    transport.deadline(timeout);
    try {
      return Pop3ReplyDecoder.read(transport, maxLineBytes);
    } catch (MailException e) {
      transport.close();
      throw e;
    } finally {
      clearDeadline();
    }
  }

  /** Reads one status line within the command deadline. */
  public Pop3Reply readReply() throws MailException {
    return readReply(commandTimeout);
  }

  /** Reads one raw line within the command deadline (SASL challenges); errors close the connection. */
  public byte[] readRawLine() throws MailException {
    transport.deadline(commandTimeout);
    try {
      return transport.readLine(maxLineBytes);
    } catch (MailException e) {
      transport.close();
      throw e;
    } finally {
      clearDeadline();
    }
  }

  /**
   * Sends one command and reads its status line, after checking that the server sent nothing unasked (SECURITY.md
   * P09: the stream would be out of step).
   */
  public Pop3Reply command(String line, Sensitivity sensitivity) throws MailException {
    checkInStep();
    write(line, sensitivity);
    flush();
    return readReply();
  }

  public Pop3Reply command(String line) throws MailException {
    return command(line, Sensitivity.PUBLIC);
  }

  /** {@link #command}, then {@code +OK} or a {@link Pop3CommandException} naming the command. */
  public Pop3Reply expectOk(String line) throws MailException {
    return expectOk(command(line), line);
  }

  /** Returns {@code reply} if it is {@code +OK}; otherwise throws the typed {@link Pop3CommandException}. */
  public static Pop3Reply expectOk(Pop3Reply reply, String what) throws Pop3CommandException {
    if (!reply.ok()) {
      throw Pop3CommandException.of(what + " refused", reply);
    }
    return reply;
  }

  /**
   * Reads the lines of a multi-line listing (CAPA, LIST, UIDL, LANG) after its {@code +OK}, un-stuffed, bounded by
   * the line limit, {@code maxLines} and the response limit, within the command deadline.
   */
  public List<byte[]> readListing(int maxLines) throws MailException {
    return readListing(maxLines, maxListingBytes);
  }

  /** {@link #readListing(int)} with a tighter bound on the total size. */
  public List<byte[]> readListing(int maxLines, long maxBytes) throws MailException {
    transport.deadline(commandTimeout);
    try {
      return MultiLineReader.readLines(transport, maxLineBytes, Math.min(maxBytes, maxListingBytes), maxLines);
    } catch (MailException e) {
      transport.close();
      throw e;
    } finally {
      clearDeadline();
    }
  }

  /** Reads a listing and returns its lines as text (UTF-8, malformed bytes replaced). */
  public List<String> readListingText(int maxLines, long maxBytes) throws MailException {
    List<String> text = new ArrayList<>();
    for (byte[] line : readListing(maxLines, maxBytes)) {
      text.add(new String(line, java.nio.charset.StandardCharsets.UTF_8));
    }
    return text;
  }

  /**
   * The body that follows a {@code +OK} to RETR or TOP, streamed straight off the connection (RFC 1939 §3:
   * un-stuffed, the terminator removed). No deadline applies while it is read, only the idle timeout, so a large
   * message is not cut by the command deadline. Until it is closed or read to its end, the channel refuses commands.
   */
  public BodyStream openBody(long maxBytes) throws MailException {
    ensureIdle();
    InputStream raw = transport.readDotTerminated(maxBytes);
    openBody = new BodyStream(raw, this);
    return openBody;
  }

  void bodyFinished(BodyStream body) {
    if (openBody == body) {
      openBody = null;
    }
  }

  /** Whether a body handed out by {@link #openBody} is still being read. */
  public boolean bodyOpen() {
    return openBody != null && transport.isOpen();
  }

  private void ensureIdle() {
    if (bodyOpen()) {
      throw new IllegalStateException("a message body is still open: read it to the end or close it before the "
          + "next command");
    }
  }

  /** Fails with a protocol error and closes if the server sent bytes that answer nothing (SECURITY.md P09). */
  public void checkInStep() throws MailProtocolException {
    ensureIdle(); // an open body is not "out of step": it is the caller's to finish
    if (transport.isOpen() && transport.bufferedByteCount() > 0) {
      transport.close();
      throw new MailProtocolException("the server sent data nobody asked for: the stream is out of step "
          + "(SECURITY.md P09)");
    }
  }

  private void clearDeadline() {
    if (transport.isOpen()) {
      transport.clearDeadline();
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
