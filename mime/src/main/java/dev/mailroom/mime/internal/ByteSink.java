package dev.mailroom.mime.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array (like {@code ByteArrayOutputStream}, without locks or checked exceptions). */
public final class ByteSink {
  private static final byte[] EMPTY = new byte[0];

  private byte[] buf;
  private int size;

  public ByteSink(int initialCapacity) {
    buf = initialCapacity == 0 ? EMPTY : new byte[initialCapacity];
  }

  public void write(byte[] b, int off, int len) {
    ensureRoom(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void write(ByteBuffer bytes) {
    int len = bytes.remaining();
    ensureRoom(len);
    bytes.get(buf, size, len);
    size += len;
  }

  public void write(int b) {
    ensureRoom(1);
    buf[size++] = (byte) b;
  }

  private void ensureRoom(int len) {
    int needed = size + len;
    if (needed < 0) {
      throw new OutOfMemoryError("byte sink larger than 2 GiB");
    }
    if (needed > buf.length) {
      int grown = Math.max(needed, Math.max(64, buf.length << 1));
      if (grown < 0) {
        grown = Integer.MAX_VALUE - 8;
      }
      buf = Arrays.copyOf(buf, grown);
    }
  }

  public int size() {
    return size;
  }

  /** The byte at {@code index} (must be below {@link #size()}). */
  public byte byteAt(int index) {
    return buf[index];
  }

  /** Forgets the content, keeping the array. */
  public void reset() {
    size = 0;
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return size == 0 ? EMPTY : Arrays.copyOf(buf, size);
  }
}
