package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.OptionalLong;

/** A body that is a range of a byte array owned by the message (never modified). */
public final class ArrayRangeBody implements MimeBody {
  private final byte[] source;
  private final int start;
  private final int length;

  public ArrayRangeBody(byte[] source, int start, int length) {
    java.util.Objects.checkFromIndexSize(start, length, source.length);
    this.source = source;
    this.start = start;
    this.length = length;
  }

  @Override
  public InputStream openRaw() {
    return new ByteArrayInputStream(source, start, length);
  }

  @Override
  public OptionalLong rawSize() {
    return OptionalLong.of(length);
  }

  @Override
  public String toString() {
    return "ArrayRangeBody[" + length + " bytes at " + start + "]";
  }
}
