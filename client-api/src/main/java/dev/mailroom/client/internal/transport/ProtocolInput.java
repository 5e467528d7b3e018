package dev.mailroom.client.internal.transport;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailException;
import dev.mailroom.client.trace.ProtocolTrace;
import java.io.InputStream;

/**
 * Bounded reads from a server. Every method either returns what the grammar promised or throws a
 * {@link dev.mailroom.client.MailProtocolException} (grammar broken, connection lost; the connection is then closed)
 * or a {@link dev.mailroom.client.MailTimeoutException}. A stream returned here must be consumed or closed before
 * the next read.
 *
 * <p>{@link #of(byte[], Limits)} gives the same reader over bytes in memory, so codecs are tested without a socket.
 */
public interface ProtocolInput {

  /** Reads one line terminated by CRLF, at most {@link Limits#maxLineBytes()} long. See {@link #readLine(int)}. */
  byte[] readLine() throws MailException;

  /**
   * Reads one line and returns it without its CRLF. Strict: a bare LF, a bare CR inside the line, a line longer
   * than {@code maxBytes} or the end of the stream before CRLF are protocol errors.
   */
  byte[] readLine(int maxBytes) throws MailException;

  /** Reads exactly {@code byteCount} bytes into memory; more than {@link Limits#maxInMemoryBytes()} is refused. */
  byte[] readExactly(int byteCount) throws MailException;

  /**
   * A stream of exactly {@code byteCount} bytes (an IMAP literal, a counted body) read straight off the connection.
   * Closing it early skips the rest, so framing is kept; the end of the connection before the count is reached is a
   * protocol error.
   */
  InputStream readCounted(long byteCount) throws MailException;

  /**
   * A stream of a dot-terminated body (POP3 multi-line, SMTP DATA on the server side): lines are un-stuffed, the
   * {@code CRLF.CRLF} terminator ends it and is not returned. Only a dot alone on a CRLF line terminates; bare LF or
   * CR forms are content (SECURITY.md P03, P04). More than {@code maxBytes} of content, or the end of the connection
   * before the terminator, is a protocol error. Closing it early reads on to the terminator.
   */
  InputStream readDotTerminated(long maxBytes) throws MailException;

  /** The next byte without consuming it (0 to 255); the end of the stream is a protocol error. */
  int peekByte() throws MailException;

  /** The bytes already read from the network and not yet consumed. */
  long bufferedByteCount();

  /** The limits this input enforces. */
  Limits limits();

  /** Reads {@code bytes} as if they came from a server: for codec tests. */
  static ProtocolInput of(byte[] bytes, Limits limits) {
    return BufferedProtocolInput.ofBytes(bytes, limits, ProtocolTrace.NONE);
  }

  /** Reads {@code in} as if it came from a server: for codec tests and replays. */
  static ProtocolInput of(InputStream in, Limits limits) {
    return BufferedProtocolInput.ofStream(in, limits, ProtocolTrace.NONE);
  }
}
