package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A body that is a range of a file (MimeKit's persistent mode, STYLE.md §3): nothing is copied at parse time, and
 * each {@link #openRaw()} opens the file and reads the range. If the file is changed after parsing, the body reads
 * what is there now; if it became shorter, reading fails with an {@link IOException}.
 */
public final class FileRangeBody implements MimeBody {
  private final Path file;
  private final long start;
  private final long length;

  public FileRangeBody(Path file, long start, long length) {
    this.file = Objects.requireNonNull(file, "file");
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("range " + start + "+" + length);
    }
    this.start = start;
    this.length = length;
  }

  @Override
  public InputStream openRaw() throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      if (channel.size() < start + length) {
        throw new IOException(file + " is shorter than when it was parsed");
      }
      return new RangeStream(channel, start, length, null);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public OptionalLong rawSize() {
    return OptionalLong.of(length);
  }

  @Override
  public String toString() {
    return "FileRangeBody[" + file + ", " + length + " bytes at " + start + "]";
  }

  /** Reads {@code length} bytes of a channel from {@code start}; closing closes the channel. */
  static final class RangeStream extends InputStream {
    private final FileChannel channel;
    private final Object keepAlive;
    private long position;
    private long remaining;

    RangeStream(FileChannel channel, long start, long length, Object keepAlive) {
      this.channel = channel;
      this.position = start;
      this.remaining = length;
      this.keepAlive = keepAlive;
    }

    private final byte[] one = new byte[1]; // reused: read() is called per byte by some readers


    @Override
    public int read() throws IOException {
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (remaining == 0) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
      if (n < 0) {
        throw new IOException("file ended " + remaining + " bytes early");
      }
      position += n;
      remaining -= n;
      return n;
    }

    @Override
    public long skip(long n) {
      long k = Math.max(0, Math.min(n, remaining));
      position += k;
      remaining -= k;
      return k;
    }

    @Override
    public int available() {
      return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
      channel.close();
      java.lang.ref.Reference.reachabilityFence(keepAlive);
    }
  }
}
