package dev.mailroom.imap;

import dev.mailroom.mime.MimeMessage;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@code APPEND} stores (RFC 3501 §6.3.11): the message (a sized stream or a {@link MimeMessage}), flags, an
 * optional internal date, and the message's Message-ID, which an {@link ImapAppendUnknownException} carries so the
 * caller can look for the message before appending it again (SECURITY.md I25).
 *
 * <pre>{@code
 * AppendRequest r = AppendRequest.of(Files.size(eml), () -> Files.newInputStream(eml))
 *     .withFlags(Set.of(Flag.SEEN));
 * }</pre>
 *
 * @param size the exact size in bytes
 * @param content opens the content (called once, when the literal is sent)
 * @param flags flags to set
 * @param internalDate the internal date, if any
 * @param messageId the message's Message-ID, if known (taken from a {@code MimeMessage} or the bytes' header)
 * @param binary send the content as {@code literal8} ({@code ~{n}}, RFC 3516 §4.4): any octets including NUL, for
 *     8-bit or binary bodies; needs BINARY
 */
public record AppendRequest(long size, Supplier<InputStream> content, Set<Flag> flags,
    Optional<OffsetDateTime> internalDate, Optional<String> messageId, boolean binary) {
  public AppendRequest {
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
    Objects.requireNonNull(content, "content");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(internalDate, "internalDate");
    Objects.requireNonNull(messageId, "messageId");
  }

  /** A request without literal8. */
  public AppendRequest(long size, Supplier<InputStream> content, Set<Flag> flags,
      Optional<OffsetDateTime> internalDate, Optional<String> messageId) {
    this(size, content, flags, internalDate, messageId, false);
  }

  /** A message of exactly {@code size} bytes from {@code content}. */
  public static AppendRequest of(long size, Supplier<InputStream> content) {
    return new AppendRequest(size, content, Set.of(), Optional.empty(), Optional.empty());
  }

  /** The bytes of {@code message}. */
  public static AppendRequest of(MimeMessage message) {
    byte[] bytes;
    try {
      bytes = message.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    AppendRequest r = of(bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    return message.messageId().map(r::withMessageId).orElse(r);
  }

  /** Raw message bytes; the Message-ID is read from their header when there is one. */
  public static AppendRequest of(byte[] message) {
    byte[] bytes = message.clone();
    AppendRequest r = of(bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    try {
      return MimeMessage.parse(bytes).messageId().map(r::withMessageId).orElse(r);
    } catch (java.io.IOException e) {
      return r; // not a message the parser can read: stored as it is, without a Message-ID to report
    }
  }

  public AppendRequest withFlags(Set<Flag> value) {
    return new AppendRequest(size, content, value, internalDate, messageId, binary);
  }

  public AppendRequest withInternalDate(OffsetDateTime value) {
    return new AppendRequest(size, content, flags, Optional.of(value), messageId, binary);
  }

  /** The Message-ID to report if the outcome of the APPEND is unknown (a streamed source has none of its own). */
  public AppendRequest withMessageId(String value) {
    return new AppendRequest(size, content, flags, internalDate, Optional.of(value), binary);
  }

  /** The same message sent as {@code literal8} (RFC 3516 §4.4; needs BINARY): for content with NUL or raw 8-bit. */
  public AppendRequest asBinary() {
    return new AppendRequest(size, content, flags, internalDate, messageId, true);
  }
}
