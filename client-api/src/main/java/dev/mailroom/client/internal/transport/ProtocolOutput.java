package dev.mailroom.client.internal.transport;

import dev.mailroom.client.MailException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes to a server. Lines are checked: a CR, LF or NUL inside a line is refused with
 * {@link IllegalArgumentException} before anything is written, so caller text can never inject a command even if a
 * codec forgot to check. Write failures close the connection and surface as typed {@link MailException}s.
 */
public interface ProtocolOutput {

  /** Buffers {@code line} followed by CRLF, traced according to {@code sensitivity}. */
  void writeLine(byte[] line, Sensitivity sensitivity) throws MailException;

  /** Buffers {@code line} (encoded as UTF-8, never narrowed char by char) followed by CRLF. */
  default void writeLine(String line, Sensitivity sensitivity) throws MailException {
    writeLine(line.getBytes(StandardCharsets.UTF_8), sensitivity);
  }

  /**
   * A stream for raw payload bytes (literals, BDAT chunks), traced by size only. Closing it flushes but leaves the
   * connection open.
   */
  default OutputStream payloadStream() {
    return payloadStream(true);
  }

  /**
   * {@link #payloadStream()}, but with {@code flushOnClose} false neither {@code flush()} nor {@code close()} sends
   * the buffered bytes: the caller flushes later, so that what follows (a pipelined command) shares the segment.
   * Full buffer segments are still sent as they fill, so a large payload streams either way.
   */
  OutputStream payloadStream(boolean flushOnClose);

  /**
   * A stream that dot-stuffs what is written to it and normalises every line ending to CRLF; closing it adds the
   * final CRLF if missing and exactly one {@code .CRLF} terminator, then flushes (SECURITY.md S05 to S07).
   */
  default OutputStream dotStuffingStream() {
    return dotStuffingStream(true);
  }

  /** {@link #dotStuffingStream()}; with {@code flushOnClose} false the terminator stays buffered until a flush. */
  OutputStream dotStuffingStream(boolean flushOnClose);

  /** Sends everything buffered. */
  void flush() throws MailException;
}
