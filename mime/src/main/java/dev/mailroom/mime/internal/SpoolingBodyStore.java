package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a body in memory up to a threshold, and moves it to a temporary file as soon as it grows past it. In memory
 * a body is the list of chunks it arrived in, each copied once.
 */
public final class SpoolingBodyStore implements BodyStore {
  private final long threshold;
  private final Path directory;

  /**
   * @param threshold the largest body kept in memory ({@link Long#MAX_VALUE}: all)
   * @param directory where spool files go, or null for {@code java.io.tmpdir}
   */
  public SpoolingBodyStore(long threshold, Path directory) {
    this.threshold = threshold;
    this.directory = directory;
  }

  @Override
  public Sink open(long offset) {
    return new SpoolSink();
  }

  private final class SpoolSink implements Sink {
    private List<byte[]> chunks = new ArrayList<>(2);
    private long size;
    private Path file;
    private FileChannel channel;

    @Override
    public void write(ByteBuffer chunk, long offset) throws IOException {
      int n = chunk.remaining();
      if (channel == null && size + n > threshold) {
        spool();
      }
      if (channel != null) {
        while (chunk.hasRemaining()) {
          channel.write(chunk);
        }
      } else {
        byte[] copy = new byte[n];
        chunk.get(copy);
        chunks.add(copy);
      }
      size += n;
    }

    private void spool() throws IOException {
      Path dir = directory != null ? directory : Paths.get(System.getProperty("java.io.tmpdir"));
      file = SpoolFiles.create(dir);
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      for (byte[] c : chunks) {
        ByteBuffer b = ByteBuffer.wrap(c);
        while (b.hasRemaining()) {
          channel.write(b);
        }
      }
      chunks = null;
    }

    @Override
    public MimeBody finish() throws IOException {
      if (channel == null) {
        return new ChunkedBody(chunks);
      }
      channel.close();
      channel = null;
      SpooledFileBody body = new SpooledFileBody(file, size);
      file = null;
      return body;
    }

    @Override
    public void abort() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // Closing is best effort; the file is deleted next.
      }
      if (file != null) {
        new SpooledFileBody.Delete(file).run();
        file = null;
      }
      chunks = null;
    }
  }
}
