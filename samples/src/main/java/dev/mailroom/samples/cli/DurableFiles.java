package dev.mailroom.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Crash-safe file writes: write a temporary file, {@code fsync} it, rename it over the target in one atomic step,
 * then {@code fsync} the directory so the rename itself survives a power cut. A reader (or a re-run after a kill)
 * sees the old file or the complete new one, never half of one.
 */
final class DurableFiles {
  private DurableFiles() { }

  /** Writes {@code body} to {@code tmp}, syncs it and renames it to {@code target}; returns the byte count. */
  static long write(Path tmp, Path target, InputStream body) throws IOException {
    long size;
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
      OutputStream out = Channels.newOutputStream(channel);
      size = body.transferTo(out);
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.toAbsolutePath().getParent());
    return size;
  }

  /** As {@link #write(Path, Path, InputStream)} for bytes in memory. */
  static void write(Path tmp, Path target, byte[] bytes) throws IOException {
    write(tmp, target, new java.io.ByteArrayInputStream(bytes));
  }

  /**
   * Makes a directory's entries (a rename, a new file) durable. Linux and macOS support this; where opening a
   * directory is not possible (Windows), the file system commits renames itself and there is nothing to do.
   */
  static void syncDirectory(Path directory) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(directory, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }

  /**
   * A file name from a message's identity: the first 128 bits of its SHA-256 in hex. Server-given UIDs are opaque
   * text and never become a path themselves (SECURITY.md P07); the same identity always gives the same name, so a
   * re-run overwrites a message instead of storing it twice.
   */
  static String nameFor(String identity) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
