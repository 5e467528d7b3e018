package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * A body spooled to a temporary file while parsing. The file is deleted by a {@link Cleaner} when the body becomes
 * unreachable (a stream opened on the body keeps the body reachable until the stream is), or at the latest when the
 * JVM shuts down ({@link SpoolFiles}).
 */
public final class SpooledFileBody implements MimeBody {
  private static final Cleaner CLEANER = Cleaner.create();

  private final Path file;
  private final long size;

  SpooledFileBody(Path file, long size) {
    this.file = file;
    this.size = size;
    CLEANER.register(this, new Delete(file));
  }

  @Override
  public InputStream openRaw() throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    return new FileRangeBody.RangeStream(channel, 0, size, this);
  }

  @Override
  public OptionalLong rawSize() {
    return OptionalLong.of(size);
  }

  /** The spool file (for tests and diagnostics). */
  public Path file() {
    return file;
  }

  @Override
  public String toString() {
    return "SpooledFileBody[" + size + " bytes in " + file + "]";
  }

  /** Deletes a spool file; holds no reference to the body. */
  static final class Delete implements Runnable {
    private final Path file;

    Delete(Path file) {
      this.file = file;
    }

    @Override
    public void run() {
      SpoolFiles.delete(file);
    }
  }
}
