package dev.mailroom.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The fake server's own bounded reader of client input. It shares nothing with the client codecs: it splits on LF,
 * keeps every byte as sent, and says how each line ended.
 */
final class StrictReader {
  /** A line as sent. */
  record RawLine(byte[] bytes, LineEnding ending) {
  }

  /** A payload as sent, with its content. */
  record RawPayload(byte[] raw, byte[] content, boolean complete) {
  }

  /** The client sent more than the server's limit allows. */
  static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
      super(message);
    }
  }

  private static final byte[] TERMINATOR = {'.', '\r', '\n'};

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int pos;
  private int limit;

  StrictReader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads up to and including the next LF.
   *
   * @return the line, or null if the stream ended before any byte
   * @throws LimitExceededException if the line, with its ending, is longer than {@code maxBytes}
   */
  RawLine readLine(long maxBytes) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      if (pos == limit && !fill()) {
        return line.size() == 0 ? null : new RawLine(line.toByteArray(), LineEnding.NONE);
      }
      int lf = indexOf((byte) '\n');
      int end = lf < 0 ? limit : lf + 1;
      if (line.size() + (long) (end - pos) > maxBytes) {
        throw new LimitExceededException("client line longer than " + maxBytes + " bytes");
      }
      line.write(buffer, pos, end - pos);
      pos = end;
      if (lf >= 0) {
        byte[] bytes = line.toByteArray();
        boolean crlf = bytes.length >= 2 && bytes[bytes.length - 2] == '\r';
        return new RawLine(bytes, crlf ? LineEnding.CRLF : LineEnding.BARE_LF);
      }
    }
  }

  /**
   * Reads a dot-terminated payload up to and including {@code .<CRLF>} at the start of a line. Only CRLF ends a line.
   * One leading dot is removed from every other line that starts with a dot.
   */
  RawPayload readDotTerminated(long maxBytes) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    boolean lineStart = true;
    while (true) {
      RawLine line = readLine(maxBytes - raw.size());
      if (line == null) return new RawPayload(raw.toByteArray(), content.toByteArray(), false);
      byte[] bytes = line.bytes();
      raw.writeBytes(bytes);
      if (lineStart && Arrays.equals(bytes, TERMINATOR)) {
        return new RawPayload(raw.toByteArray(), content.toByteArray(), true);
      }
      int skip = lineStart && bytes[0] == '.' ? 1 : 0;
      content.write(bytes, skip, bytes.length - skip);
      lineStart = line.ending() == LineEnding.CRLF;
      if (line.ending() == LineEnding.NONE) {
        return new RawPayload(raw.toByteArray(), content.toByteArray(), false);
      }
    }
  }

  /** Reads exactly {@code count} bytes, or fewer if the stream ends first ({@code complete} is then false). */
  RawPayload readExactly(long count, long maxBytes) throws IOException {
    if (count > maxBytes) throw new LimitExceededException("client payload of " + count + " bytes exceeds " + maxBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(count, 1 << 16));
    long remaining = count;
    while (remaining > 0) {
      if (pos == limit && !fill()) {
        byte[] partial = out.toByteArray();
        return new RawPayload(partial, partial, false);
      }
      int n = (int) Math.min(remaining, limit - pos);
      out.write(buffer, pos, n);
      pos += n;
      remaining -= n;
    }
    byte[] bytes = out.toByteArray();
    return new RawPayload(bytes, bytes, true);
  }

  /** Returns and forgets the bytes read from the stream but not yet consumed. */
  byte[] drainBuffered() {
    byte[] rest = Arrays.copyOfRange(buffer, pos, limit);
    pos = limit;
    return rest;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n <= 0) return false;
    pos = 0;
    limit = n;
    return true;
  }

  private int indexOf(byte b) {
    for (int i = pos; i < limit; i++) {
      if (buffer[i] == b) return i;
    }
    return -1;
  }
}
