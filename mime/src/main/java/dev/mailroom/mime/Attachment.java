package dev.mailroom.mime;

import dev.mailroom.mime.internal.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A file or inline part for {@link MessageBuilder}: its content (bytes, a file read when the message is written,
 * or a stream supplier), content type, file name and, for inline parts, a Content-ID. Immutable.
 *
 * <pre>{@code
 * Attachment report = Attachment.of(Path.of("Q3 Übersicht.pdf"));                  // type from the extension
 * Attachment logo = Attachment.of(pngBytes, "image/png").inline("logo@example.org");
 * Attachment big = Attachment.of(() -> Files.newInputStream(p), Files.size(p), "application/zip")
 *     .withFileName("backup.zip");
 * }</pre>
 */
public final class Attachment {
  private static final Map<String, String> TYPES_BY_EXTENSION = Map.ofEntries(
      Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
      Map.entry("txt", "text/plain"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
      Map.entry("csv", "text/csv"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"),
      Map.entry("ics", "text/calendar"), Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"), Map.entry("doc", "application/msword"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

  /** Opens the content of a stream attachment; called each time the message is sized or written. */
  @FunctionalInterface
  public interface StreamSupplier {
    InputStream open() throws IOException;
  }

  private final Source source;
  private final ContentType contentType;
  private final String fileName;
  private final String contentId;

  private Attachment(Source source, ContentType contentType, String fileName, String contentId) {
    this.source = source;
    this.contentType = contentType;
    this.fileName = fileName;
    this.contentId = contentId;
  }

  /**
   * Content in memory. The array is used as it is, not copied (attachments are often large, and a copy would double
   * the memory): do not change it until every message built with it has been written.
   */
  public static Attachment of(byte[] content, String contentType) {
    return new Attachment(new Source.Bytes(Objects.requireNonNull(content, "content")), parseType(contentType), null,
        null);
  }

  /** A file, read when the message is written; the type comes from the extension, the name from the file name. */
  public static Attachment of(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName() == null ? "attachment" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES_BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    return of(file, type == null ? "application/octet-stream" : type).withFileName(name);
  }

  /** A file of the given type, read when the message is written. */
  public static Attachment of(Path file, String contentType) {
    if (!Files.isRegularFile(Objects.requireNonNull(file, "file"))) {
      throw new IllegalArgumentException("not a regular file: " + file);
    }
    return new Attachment(new Source.File(file), parseType(contentType), null, null);
  }

  /**
   * Content from a stream, opened each time the message is sized or written. With {@code size} ≥ 0 the message can
   * report its size before writing, and a stream that yields another number of bytes fails the write; -1 means
   * unknown.
   */
  public static Attachment of(StreamSupplier content, long size, String contentType) {
    Objects.requireNonNull(content, "content");
    if (size < -1) {
      throw new IllegalArgumentException("size must be -1 (unknown) or at least 0");
    }
    return new Attachment(new Source.Stream(content::open, size), parseType(contentType), null, null);
  }

  /** A copy with this file name (sent RFC 2231-encoded when it is not ASCII). */
  public Attachment withFileName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("a file name may not be blank or contain control characters");
    }
    return new Attachment(source, contentType, name, contentId);
  }

  /** A copy with this content type. */
  public Attachment withContentType(String type) {
    return new Attachment(source, parseType(type), fileName, contentId);
  }

  /**
   * A copy that is an inline part referenced as {@code cid:contentId} (RFC 2392), e.g. an image in an HTML body.
   * Angle brackets are optional; white space, control characters and brackets inside are refused.
   */
  public Attachment inline(String contentId) {
    Objects.requireNonNull(contentId, "contentId");
    String id = contentId.startsWith("<") && contentId.endsWith(">")
        ? contentId.substring(1, contentId.length() - 1) : contentId;
    if (id.isEmpty() || id.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"')) {
      throw new IllegalArgumentException("invalid Content-ID: it must be printable ASCII without spaces or brackets");
    }
    return new Attachment(source, contentType, fileName, id);
  }

  public ContentType contentType() {
    return contentType;
  }

  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /** The Content-ID without angle brackets, for inline parts. */
  public Optional<String> contentId() {
    return Optional.ofNullable(contentId);
  }

  /** Whether this is an inline part (it has a Content-ID). */
  public boolean isInline() {
    return contentId != null;
  }

  Source source() {
    return source;
  }

  private static ContentType parseType(String value) {
    Objects.requireNonNull(value, "contentType");
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a content type may not contain CR or LF");
    }
    ContentType type = ContentType.parse(value, defect -> {
      throw new IllegalArgumentException("invalid content type '" + value + "': " + defect.detail());
    });
    if (type.isMultipart()) {
      throw new IllegalArgumentException("an attachment cannot be multipart: " + value);
    }
    if (type.is("message", "rfc822") || type.is("message", "global")) {
      // RFC 2046 §5.2.1: an encapsulated message is never base64-encoded; parse it and attach the MimeMessage
      throw new IllegalArgumentException("attach a message with MessageBuilder.attach(MimeMessage.parse(...))");
    }
    return type;
  }

  @Override
  public String toString() {
    return "Attachment[" + contentType.mimeType() + (fileName == null ? "" : ", " + fileName)
        + (contentId == null ? "" : ", cid " + contentId) + "]";
  }
}
