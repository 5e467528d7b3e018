package dev.mailroom.samples.cli;

import dev.mailroom.mime.ContentDisposition;
import dev.mailroom.mime.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Saves attachments into one directory under names that are safe (SECURITY.md M12): the sender's file name goes
 * through {@link ContentDisposition#safeFileName(String)} (no directories, drive letters, control characters, device
 * names), a name already taken gets {@code " (2)"}, {@code " (3)"}, ... before its extension (compared without case,
 * as Windows and macOS do), and every file is created new ({@code CREATE_NEW}: an existing file or symbolic link is
 * never overwritten or followed). Every path is checked to be a direct child of the directory before writing.
 */
final class AttachmentFiles {
  private static final int MAX_TRIES = 10_000;
  private final Path directory;
  private final Set<String> used = new HashSet<>();

  /** Writes into {@code directory}, creating it when missing. */
  AttachmentFiles(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory).toAbsolutePath().normalize();
  }

  /** Saves the decoded body of {@code part} and returns the file written. */
  Path save(MimePart part) throws IOException {
    String safe = ContentDisposition.safeFileName(part.filename().orElse(""));
    for (int n = 1; n <= MAX_TRIES; n++) {
      String name = n == 1 ? safe : numbered(safe, n);
      if (!used.add(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Path target = directory.resolve(name).normalize();
      if (!directory.equals(target.getParent())) {
        throw new IOException("refusing a file name that leaves the directory: " + name);
      }
      try (InputStream in = part.openDecoded();
           OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
               StandardOpenOption.WRITE)) {
        in.transferTo(out);
        return target;
      } catch (FileAlreadyExistsException taken) {
        // a file of that name was there before: try the next number
      }
    }
    throw new IOException("no free file name for " + safe + " in " + directory);
  }

  /** {@code report.pdf} → {@code report (2).pdf}; {@code archive} → {@code archive (2)}. */
  static String numbered(String name, int n) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
  }
}
