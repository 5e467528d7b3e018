package dev.mailroom.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory of {@code HASH.eml} files, one per message, byte for byte as the server sent it; the hash is of the
 * message's identity, so a re-run replaces a file instead of adding a copy. Each is written as a hidden
 * {@code .HASH.eml.tmp}, synced and renamed.
 */
final class EmlDirectoryStore implements MessageStore {
  private final Path directory;

  EmlDirectoryStore(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public long store(String identity, InputStream body) throws IOException {
    String name = DurableFiles.nameFor(identity) + ".eml";
    return DurableFiles.write(directory.resolve("." + name + ".tmp"), directory.resolve(name), body);
  }
}
