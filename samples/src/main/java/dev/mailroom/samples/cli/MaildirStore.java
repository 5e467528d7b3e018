package dev.mailroom.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A Maildir ({@code tmp/}, {@code new/}, {@code cur/}): each message is written to {@code tmp/}, synced, then renamed
 * into {@code new/}, so a mail reader never sees half a message. The name is {@code HASH.mailroom}, the hash of the
 * message's identity (not the usual time.pid.host: the same message must get the same name on a re-run). A message
 * that a mail reader already moved to {@code cur/} (as {@code HASH.mailroom:2,FLAGS}) is not written again.
 */
final class MaildirStore implements MessageStore {
  private final Path tmp;
  private final Path incoming;
  private final Set<String> alreadyRead = new HashSet<>();

  MaildirStore(Path directory) throws IOException {
    tmp = Files.createDirectories(directory.resolve("tmp"));
    incoming = Files.createDirectories(directory.resolve("new"));
    Path cur = Files.createDirectories(directory.resolve("cur"));
    try (DirectoryStream<Path> seen = Files.newDirectoryStream(cur, "*.mailroom:*")) {
      for (Path file : seen) {
        String name = file.getFileName().toString();
        alreadyRead.add(name.substring(0, name.indexOf(':')));
      }
    }
  }

  @Override
  public long store(String identity, InputStream body) throws IOException {
    String name = DurableFiles.nameFor(identity) + ".mailroom";
    if (alreadyRead.contains(name)) {
      return body.transferTo(java.io.OutputStream.nullOutputStream()); // stored in an earlier run, then read
    }
    return DurableFiles.write(tmp.resolve(name), incoming.resolve(name), body);
  }
}
