package dev.mailroom.imap;

import dev.mailroom.mime.MimeMessage;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@code APPEND} stores (RFC 3501 §6.3.11): the message (a sized stream or a {@link MimeMessage}), flags and an
 * optional internal date.
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
 */
public record AppendRequest(long size, Supplier<InputStream> content, Set<Flag> flags,
    Optional<OffsetDateTime> internalDate) {
  public AppendRequest {
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
    Objects.requireNonNull(content, "content");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(internalDate, "internalDate");
  }

  /** A message of exactly {@code size} bytes from {@code content}. */
  public static AppendRequest of(long size, Supplier<InputStream> content) {
    return new AppendRequest(size, content, Set.of(), Optional.empty());
  }

  /** The bytes of {@code message}. */
  public static AppendRequest of(MimeMessage message) {
    byte[] bytes;
    try {
      bytes = message.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return of(bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
  }

  /** Raw message bytes. */
  public static AppendRequest of(byte[] message) {
    byte[] bytes = message.clone();
    return of(bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
  }

  public AppendRequest withFlags(Set<Flag> value) {
    return new AppendRequest(size, content, value, internalDate);
  }

  public AppendRequest withInternalDate(OffsetDateTime value) {
    return new AppendRequest(size, content, flags, Optional.of(value));
  }
}
