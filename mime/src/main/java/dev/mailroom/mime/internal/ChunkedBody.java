package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/** A body in memory, as the chunks it was read in (no re-copy into one array). */
public final class ChunkedBody implements MimeBody {
  private static final byte[][] NONE = new byte[0][];

  private final byte[][] chunks;
  private final long size;

  public ChunkedBody(List<byte[]> chunks) {
    this.chunks = chunks.toArray(NONE);
    long total = 0;
    for (byte[] c : this.chunks) {
      total += c.length;
    }
    this.size = total;
  }

  @Override
  public InputStream openRaw() {
    if (chunks.length == 1) {
      return new ByteArrayInputStream(chunks[0]);
    }
    return new ChunkStream(chunks);
  }

  @Override
  public OptionalLong rawSize() {
    return OptionalLong.of(size);
  }

  @Override
  public String toString() {
    return "ChunkedBody[" + size + " bytes in memory]";
  }

  private static final class ChunkStream extends InputStream {
    private final byte[][] chunks;
    private int index;
    private int pos;

    ChunkStream(byte[][] chunks) {
      this.chunks = chunks;
    }

    @Override
    public int read() {
      while (index < chunks.length) {
        if (pos < chunks[index].length) {
          return chunks[index][pos++] & 0xFF;
        }
        index++;
        pos = 0;
      }
      return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      while (index < chunks.length && pos == chunks[index].length) {
        index++;
        pos = 0;
      }
      if (index == chunks.length) {
        return -1;
      }
      int n = Math.min(len, chunks[index].length - pos);
      System.arraycopy(chunks[index], pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return index < chunks.length ? chunks[index].length - pos : 0;
    }
  }
}
