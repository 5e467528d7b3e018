package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Bodies as ranges of the parsed source itself, a file or a byte array: nothing is copied. */
public final class RangeBodyStore implements BodyStore {
  private final Path file;
  private final byte[] array;

  private RangeBodyStore(Path file, byte[] array) {
    this.file = file;
    this.array = array;
  }

  /** Ranges of {@code file}, which must be what the parser reads from offset 0. */
  public static RangeBodyStore of(Path file) {
    return new RangeBodyStore(file, null);
  }

  /** Ranges of {@code array}, which must be what the parser reads and must never change. */
  public static RangeBodyStore of(byte[] array) {
    return new RangeBodyStore(null, array);
  }

  @Override
  public Sink open(long offset) {
    return new Sink() {
      private long size;

      @Override
      public void write(ByteBuffer chunk, long chunkOffset) throws IOException {
        if (chunkOffset != offset + size) {
          throw new IOException("body chunks are not contiguous at " + chunkOffset);
        }
        size += chunk.remaining();
      }

      @Override
      public MimeBody finish() {
        return file != null ? new FileRangeBody(file, offset, size) : new ArrayRangeBody(array, (int) offset,
            (int) size);
      }

      @Override
      public void abort() {
        // Nothing was copied.
      }
    };
  }
}
