package dev.mailroom.mime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spool files that exist now. A file is created here and deleted here (by the body's cleaner, or when a parse
 * fails); whatever is left when the JVM shuts down normally is deleted by a shutdown hook. Unlike
 * {@code File.deleteOnExit}, the set only holds live files, so it does not grow in a long-running process.
 */
public final class SpoolFiles {
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Path p : LIVE) {
        delete(p);
      }
    }, "mailroom-spool-cleanup"));
  }

  private SpoolFiles() { }

  /** A new empty spool file in {@code directory}, readable and writable by the owner only (on POSIX). */
  public static Path create(Path directory) throws IOException {
    Path file = Files.createTempFile(directory, "mailroom-body-", ".spool");
    LIVE.add(file);
    return file;
  }

  /** Deletes a spool file, quietly. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      LIVE.remove(file);
    } catch (IOException e) {
      // Still open elsewhere (Windows) or gone with its directory: the shutdown hook tries again.
    }
  }

  /** How many spool files exist now (for tests and diagnostics). */
  public static int liveCount() {
    return LIVE.size();
  }
}
