package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One message as the store holds it, at the moment it was read: an immutable snapshot. {@link #bytes()} are the
 * stored bytes exactly (for SMTP deliveries: the server's {@code Return-Path} and {@code Received} trace fields, when
 * enabled, followed by the un-stuffed DATA or concatenated BDAT bytes).
 *
 * <pre>{@code
 * StoredMessage m = server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5)).get(0);
 * assertEquals(Optional.of("Hello"), m.subject());
 * assertEquals("alice@example.test", m.envelope().orElseThrow().mailFrom());
 * }</pre>
 *
 * @param uid the IMAP UID in its mailbox
 * @param flags the flags and keywords, for instance {@code \Seen}
 * @param internalDate the IMAP INTERNALDATE: when it was delivered or the APPEND date
 * @param envelope the SMTP transaction that delivered it; empty for IMAP APPEND and seeded messages
 */
public record StoredMessage(long uid, byte[] bytes, Set<String> flags, Instant internalDate,
    Optional<ReceivedEnvelope> envelope) {

  /** Copies the bytes and the flags. */
  public StoredMessage {
    bytes = bytes.clone();
    flags = MailStore.ordered(flags); // unmodifiable, in the order the flags were set
    Objects.requireNonNull(internalDate, "internalDate");
    Objects.requireNonNull(envelope, "envelope");
  }

  /**
   * The stored bytes.
   *
   * @return a copy
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The size in octets (the IMAP RFC822.SIZE, the POP3 LIST size).
   *
   * @return the size
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Whether the message has a flag, compared case-insensitively.
   *
   * @param flag for instance {@code "\\Seen"}
   * @return true if set
   */
  public boolean hasFlag(String flag) {
    return flags.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
  }

  /**
   * The first header field with this name, unfolded, raw (encoded words are not decoded).
   *
   * @param name the field name, case-insensitive
   * @return the value without leading white space
   */
  public Optional<String> header(String name) {
    return MessageText.of(bytes).header(name);
  }

  /**
   * Every header field with this name, unfolded, in order.
   *
   * @param name the field name, case-insensitive
   * @return the values
   */
  public List<String> headers(String name) {
    return MessageText.of(bytes).headers(name);
  }

  /**
   * The raw Subject field.
   *
   * @return the subject
   */
  public Optional<String> subject() {
    return header("Subject");
  }

  /**
   * The Message-ID field, angle brackets included.
   *
   * @return the message id
   */
  public Optional<String> messageId() {
    return header("Message-ID");
  }

  /**
   * The bytes after the header's empty line, as UTF-8 (not transfer-decoded).
   *
   * @return the raw body text
   */
  public String body() {
    MessageText text = MessageText.of(bytes);
    return new String(bytes, text.bodyOffset(), bytes.length - text.bodyOffset(), StandardCharsets.UTF_8);
  }

  /**
   * Whether the stored bytes end with {@code tail}: a message sent over SMTP is the tail of what was delivered,
   * after the trace fields.
   *
   * @param tail the bytes the client sent
   * @return true if they are the end of the stored bytes
   */
  public boolean endsWith(byte[] tail) {
    if (tail.length > bytes.length) {
      return false;
    }
    return java.util.Arrays.equals(bytes, bytes.length - tail.length, bytes.length, tail, 0, tail.length);
  }

  /**
   * Parses the message with Mailroom's MIME parser, for typed assertions on parts and attachments.
   *
   * @return the parsed message
   * @throws UncheckedIOException if the bytes are not a parseable message
   */
  public dev.mailroom.mime.MimeMessage parsed() {
    try {
      return dev.mailroom.mime.MimeMessage.parse(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredMessage m && uid == m.uid && java.util.Arrays.equals(bytes, m.bytes)
        && flags.equals(m.flags) && internalDate.equals(m.internalDate) && envelope.equals(m.envelope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uid, java.util.Arrays.hashCode(bytes), flags, internalDate, envelope);
  }

  @Override
  public String toString() {
    return "StoredMessage[uid=" + uid + ", size=" + bytes.length + ", flags=" + flags + ", subject="
        + subject().orElse("") + "]";
  }
}
