package dev.mailroom.mime.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Where a built body's bytes come from; each can be opened again, so a message can be sized, then written. */
public sealed interface Source permits Source.Bytes, Source.File, Source.Stream {
  /** A fresh stream over the content. */
  InputStream open() throws IOException;

  /** The content size, when known without reading. */
  OptionalLong size();

  /** Content held in memory (the array is not copied: callers pass a private copy). */
  record Bytes(byte[] bytes) implements Source {
    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public OptionalLong size() {
      return OptionalLong.of(bytes.length);
    }
  }

  /** A file, read when the message is written. */
  record File(Path path) implements Source {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path);
    }

    @Override
    public OptionalLong size() {
      try {
        return OptionalLong.of(Files.size(path));
      } catch (IOException e) {
        return OptionalLong.empty();
      }
    }
  }

  /** A caller's stream supplier with a declared size, or -1 for unknown. */
  record Stream(Opener opener, long declaredSize) implements Source {
    /** Opens the caller's stream. */
    @FunctionalInterface
    public interface Opener {
      InputStream open() throws IOException;
    }

    @Override
    public InputStream open() throws IOException {
      InputStream in = opener.open();
      if (in == null) {
        throw new IOException("the attachment's stream supplier returned null");
      }
      return declaredSize < 0 ? in : new SizeCheckingInputStream(in, declaredSize);
    }

    @Override
    public OptionalLong size() {
      return declaredSize < 0 ? OptionalLong.empty() : OptionalLong.of(declaredSize);
    }
  }
}
