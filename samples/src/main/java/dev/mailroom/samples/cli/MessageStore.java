package dev.mailroom.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where {@code mailroom fetch} puts messages: a Maildir, an mbox file or a directory of {@code .eml} files. A store
 * is the {@link dev.mailroom.pop3.MessageSink} contract made concrete: {@link #store} returns only once the message
 * is durable on disk, and storing the same identity again (a re-run after a kill between the write and the state
 * update) replaces the earlier copy instead of adding a second one.
 */
interface MessageStore extends AutoCloseable {
  /**
   * Stores one message durably.
   *
   * @param identity the message's stable identity (source, UIDVALIDITY and UID, or the POP3 UIDL); the file name is
   *     derived from it and never contains it
   * @param body the message, read to its end
   * @return the number of bytes stored
   */
  long store(String identity, InputStream body) throws IOException;

  /**
   * The length to record in the fetch state after each message, for stores that append (mbox): a re-run truncates
   * the file back to it, dropping a message appended after the last state update. Empty for stores of one file per
   * message, where the deterministic name already makes a re-run idempotent.
   */
  default OptionalLong length() {
    return OptionalLong.empty();
  }

  /** Releases what the store holds open. */
  @Override
  default void close() throws IOException {
  }

  /**
   * Opens {@code maildir:DIR}, {@code mbox:FILE} or {@code eml:DIR}, creating what is missing.
   *
   * @param recordedLength for an mbox, the length the fetch state recorded, if any
   * @throws IllegalArgumentException for an unknown kind
   */
  static MessageStore open(String spec, OptionalLong recordedLength) throws IOException {
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? "" : spec.substring(0, colon);
    String path = colon < 0 ? "" : spec.substring(colon + 1);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("--into needs maildir:DIR, mbox:FILE or eml:DIR, not '" + spec + "'");
    }
    return switch (kind) {
      case "maildir" -> new MaildirStore(Path.of(path));
      case "mbox" -> new MboxStore(Path.of(path), recordedLength);
      case "eml" -> new EmlDirectoryStore(Path.of(path));
      default -> throw new IllegalArgumentException("--into: unknown store '" + kind
          + "' (use maildir:DIR, mbox:FILE or eml:DIR)");
    };
  }
}
