package dev.mailroom.samples.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code mailroom fetch --state FILE} remembers between runs, so that every message is stored exactly once:
 * for POP3 the UIDLs already stored; for IMAP the cursor (UIDVALIDITY, last stored UID) and the UIDs stored but not
 * yet deleted or moved; for an mbox, its length after the last stored message. It also names its source
 * ({@code imap://bob@host/INBOX}), so one state file cannot be used for two mailboxes by mistake.
 *
 * <p>The file is plain text, one {@code key value} per line, and is replaced atomically (temporary file, fsync,
 * rename, fsync of the directory) by {@link #save()}. A {@code FILE.lock} beside it is locked for the whole run, so
 * two fetches cannot share a state.
 *
 * <pre>
 * mailroom-fetch-state 1
 * source imap://bob@mail.example.org/INBOX
 * uidvalidity 1712345678
 * last-uid 4711
 * pending 4710 4711
 * mbox-length 1048576
 * </pre>
 */
final class FetchState implements AutoCloseable {
  private static final String MAGIC = "mailroom-fetch-state 1";
  private final Path file;
  private final FileChannel lockFile;
  private final FileLock lock;
  final String source;
  long uidValidity;
  long lastUid;
  final Set<Long> pending = new TreeSet<>();
  final Set<String> seen = new LinkedHashSet<>();
  OptionalLong mboxLength = OptionalLong.empty();

  private FetchState(Path file, FileChannel lockFile, FileLock lock, String source) {
    this.file = file;
    this.lockFile = lockFile;
    this.lock = lock;
    this.source = source;
  }

  /**
   * Locks and reads {@code file}, or starts an empty state when it does not exist yet.
   *
   * @throws IllegalArgumentException if the file belongs to another source or is not a state file
   * @throws CommandFailure if another fetch holds its lock
   * @throws IOException if it cannot be read
   */
  static FetchState open(Path file, String source) throws IOException {
    if (source.contains("\n") || source.contains("\r")) {
      throw new IllegalArgumentException("a line break in the source name: " + Display.escape(source));
    }
    Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
    Files.createDirectories(lockPath.toAbsolutePath().getParent());
    FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new CommandFailure(ExitCodes.USAGE, "another mailroom fetch is running with the state file " + file);
    }
    FetchState state = new FetchState(file, channel, lock, source);
    try {
      if (Files.exists(file)) {
        state.read(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      state.close();
      throw e;
    }
    return state;
  }

  private void read(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new IllegalArgumentException(file + " is not a mailroom fetch state file");
    }
    for (String line : lines.subList(1, lines.size())) {
      try {
        readLine(line);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": not a number in '" + Display.escape(line) + "'");
      }
    }
  }

  private void readLine(String line) {
    int space = line.indexOf(' ');
    String key = space < 0 ? line : line.substring(0, space);
    String value = space < 0 ? "" : line.substring(space + 1);
    switch (key) {
      case "source" -> {
        if (!value.equals(source)) {
          throw new IllegalArgumentException("the state file " + file + " is for " + Display.escape(value)
              + ", not " + Display.escape(source) + ": use one state file per mailbox");
        }
      }
      case "uidvalidity" -> uidValidity = Long.parseLong(value);
      case "last-uid" -> lastUid = Long.parseLong(value);
      case "pending" -> {
        for (String uid : value.isBlank() ? new String[0] : value.split(" ")) {
          pending.add(Long.parseLong(uid));
        }
      }
      case "mbox-length" -> mboxLength = OptionalLong.of(Long.parseLong(value));
      case "seen" -> seen.add(value);
      case "" -> { }
      default -> throw new IllegalArgumentException(file + ": unknown line '" + Display.escape(line) + "'");
    }
  }

  /** Replaces the file atomically with the current state; durable when it returns. */
  void save() throws IOException {
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    text.append("source ").append(source).append('\n');
    if (uidValidity != 0) {
      text.append("uidvalidity ").append(uidValidity).append('\n');
      text.append("last-uid ").append(lastUid).append('\n');
    }
    if (!pending.isEmpty()) {
      text.append("pending");
      pending.forEach(uid -> text.append(' ').append(uid));
      text.append('\n');
    }
    mboxLength.ifPresent(length -> text.append("mbox-length ").append(length).append('\n'));
    seen.forEach(uid -> text.append("seen ").append(uid).append('\n'));
    DurableFiles.write(file.resolveSibling(file.getFileName() + ".tmp"), file,
        text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockFile.close();
    }
  }
}
