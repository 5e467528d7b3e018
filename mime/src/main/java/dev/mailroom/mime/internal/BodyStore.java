package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeBody;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Where the tree builder keeps leaf bodies: in memory, in spool files, or as ranges of the source. */
public interface BodyStore {
  /** Starts a body whose first byte is at input offset {@code offset}. */
  Sink open(long offset) throws IOException;

  /** Receives one body's chunks in order. */
  interface Sink {
    /** Adds a chunk (read from its position to its limit) that starts at input offset {@code offset}. */
    void write(ByteBuffer chunk, long offset) throws IOException;

    /** The finished body. */
    MimeBody finish() throws IOException;

    /** Drops what was stored (the parse failed). */
    void abort();
  }
}
