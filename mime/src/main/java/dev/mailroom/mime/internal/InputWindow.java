package dev.mailroom.mime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A fixed window over an input stream: the parser's only buffer, whatever the message size. The bytes
 * {@code [pos, limit)} are unread; {@link #fill()} moves them to the front and reads until the window is full or the
 * input ends. Because it always fills completely ({@link InputStream#readNBytes(byte[], int, int)}), the window holds
 * the same bytes at the same parse step however the source splits its reads, so the parser's events do not depend on
 * read sizes.
 *
 * <p>A window can also wrap a whole byte array (already in memory): it is then at end of input from the start and is
 * never written to.
 */
public final class InputWindow {
  /** The default capacity: 64 KiB. */
  public static final int DEFAULT_CAPACITY = 64 * 1024;
  /** The smallest capacity: room for the longest delimiter line ({@link BoundaryStack#MAX_LINE}) and more. */
  public static final int MIN_CAPACITY = 16 * 1024;

  private final InputStream in;
  /** The bytes; read-only for everyone but this class. */
  public final byte[] buf;
  /** The first unread byte. */
  public int pos;
  /** One past the last byte read. */
  public int limit;
  private long base;
  private boolean eof;

  private InputWindow(InputStream in, byte[] buf, int limit, boolean eof) {
    this.in = in;
    this.buf = buf;
    this.limit = limit;
    this.eof = eof;
  }

  /** A window of {@code capacity} bytes over {@code in}. */
  public static InputWindow of(InputStream in, int capacity) {
    Objects.requireNonNull(in, "in");
    if (capacity < MIN_CAPACITY) {
      throw new IllegalArgumentException("capacity < " + MIN_CAPACITY + ": " + capacity);
    }
    return new InputWindow(in, new byte[capacity], 0, false);
  }

  /** A window over all of {@code bytes}, which the caller must not modify while it is in use. */
  public static InputWindow of(byte[] bytes) {
    return new InputWindow(null, Objects.requireNonNull(bytes, "bytes"), bytes.length, true);
  }

  /** Whether the input has ended: no byte past {@link #limit} will ever come. */
  public boolean eof() {
    return eof;
  }

  /** The absolute input offset of {@link #pos}. */
  public long position() {
    return base + pos;
  }

  /** The absolute input offset of window index {@code index}. */
  public long offsetOf(int index) {
    return base + index;
  }

  /** The window index of absolute offset {@code offset}, which must be inside the window. */
  public int indexOf(long offset) {
    return (int) (offset - base);
  }

  /** The number of unread bytes in the window. */
  public int available() {
    return limit - pos;
  }

  /**
   * Moves the unread bytes to the front and reads until the window is full or the input ends. Window indices held by
   * the caller shift by the old {@link #pos}; keep offsets relative to {@code pos} (or absolute) across a fill.
   *
   * @return whether any byte was added
   */
  public boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    int room = buf.length - limit;
    if (room == 0) {
      return false;
    }
    int n = in.readNBytes(buf, limit, room);
    limit += n;
    if (n < room) {
      eof = true;
    }
    return n > 0;
  }

  /** Fills until at least {@code n} bytes are unread; false if the input ends first. */
  public boolean ensure(int n) throws IOException {
    while (limit - pos < n) {
      if (!fill()) {
        return false;
      }
    }
    return true;
  }
}
