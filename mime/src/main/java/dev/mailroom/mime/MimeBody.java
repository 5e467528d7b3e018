package dev.mailroom.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * The body of a leaf part in its transfer-encoded (wire) form. Parsed bodies live in memory, in a spooled temporary
 * file or as a range of the source file; built bodies encode their source as they are read. A body can be opened
 * any number of times.
 */
public interface MimeBody {
  /** The body exactly as on the wire (still transfer-encoded). */
  InputStream openRaw() throws IOException;

  /** The exact number of bytes {@link #openRaw()} yields, when known without reading it. */
  OptionalLong rawSize();

  /** Writes the wire form to {@code out}; built bodies encode straight into it. */
  default void writeRawTo(OutputStream out) throws IOException {
    try (InputStream in = openRaw()) {
      in.transferTo(out);
    }
  }
}
