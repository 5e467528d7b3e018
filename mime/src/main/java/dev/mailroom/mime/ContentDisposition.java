package dev.mailroom.mime;

import dev.mailroom.mime.codec.ParameterValue;
import dev.mailroom.mime.internal.Ascii;
import dev.mailroom.mime.internal.FileNames;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A Content-Disposition (RFC 2183): {@code inline} or {@code attachment} and parameters such as {@code filename},
 * with RFC 2231 continuations and charsets decoded (RFC 2183 §2 refers to RFC 2231 for them).
 *
 * <pre>{@code
 * ContentDisposition cd = ContentDisposition.parse("attachment; filename*=UTF-8''..%2F..%2Fpasswd", defects::add);
 * cd.filename();       // Optional[../../passwd]   the decoded name, for display only
 * cd.safeFileName();   // "passwd"                 never a path (SECURITY.md M12)
 * }</pre>
 *
 * @param type the disposition type in lower case; an unknown type is kept, and treated as {@code attachment}
 *     (RFC 2183 §2.8)
 * @param parameters decoded parameter values by lower-case name; unmodifiable
 */
public record ContentDisposition(String type, Map<String, String> parameters) {
  /** {@code inline} (RFC 2183 §2.1). */
  public static final ContentDisposition INLINE = new ContentDisposition("inline", Map.of());
  /** {@code attachment} (RFC 2183 §2.2). */
  public static final ContentDisposition ATTACHMENT = new ContentDisposition("attachment", Map.of());

  /**
   * @throws IllegalArgumentException if the type or a parameter name is not an RFC 2045 token
   */
  public ContentDisposition {
    if (!ParameterValue.isToken(type)) {
      throw new IllegalArgumentException("not a disposition type: " + Ascii.escape(type, 40));
    }
    type = type.toLowerCase(Locale.ROOT);
    parameters = ParameterValue.checkedCopy(parameters);
  }

  /** {@code attachment; filename=...}. */
  public static ContentDisposition attachment(String filename) {
    return ATTACHMENT.withParameter("filename", filename);
  }

  /**
   * Parses a Content-Disposition value leniently; never throws for bad input. A missing or invalid type is read as
   * {@code attachment} with a {@code MALFORMED_PARAMETER} defect (the safe reading, RFC 2183 §2.8). Unlike
   * Content-Type, unbalanced quotes keep the rest of the field as the value (with a defect): a broken file name is
   * still a file name.
   */
  public static ContentDisposition parse(String value, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(defects, "defects");
    if (value == null) {
      return ATTACHMENT;
    }
    ParameterValue.Parsed parsed = ParameterValue.parse(value, defects);
    String type = parsed.value();
    if (!ParameterValue.isToken(type)) {
      defects.accept(new MimeDefect(MimeDefect.Kind.MALFORMED_PARAMETER, type.isEmpty()
          ? "Content-Disposition without a type, read as attachment"
          : "not a disposition type: '" + Ascii.escape(type, 40) + "', read as attachment", -1));
      type = "attachment";
    }
    return new ContentDisposition(type, parsed.parameters());
  }

  /** {@link #parse(String, Consumer)} ignoring defects. */
  public static ContentDisposition parse(String value) {
    return parse(value, d -> { });
  }

  /** Whether the type is {@code inline}. */
  public boolean isInline() {
    return type.equals("inline");
  }

  /** Whether the part should be treated as an attachment: any type but {@code inline} (RFC 2183 §2.8). */
  public boolean isAttachment() {
    return !isInline();
  }

  /** A parameter's decoded value; the name is case-insensitive. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The {@code filename} parameter as sent, decoded (RFC 2183 §2.3, RFC 2231, RFC 2047): for display only. It may
   * hold path separators, {@code ..}, control characters or reserved device names; use {@link #safeFileName()} to
   * store it.
   */
  public Optional<String> filename() {
    return parameter("filename");
  }

  /**
   * A name under which the part can be stored: {@link #filename()} made safe by {@link #safeFileName(String)}, or
   * {@code "attachment"} when there is none.
   */
  public String safeFileName() {
    return safeFileName(filename().orElse(""));
  }

  /**
   * Any proposed file name (a {@code filename}, a Content-Type {@code name}) made safe to use as one path element on
   * Windows, macOS and Linux (SECURITY.md M12, RFC 2183 §2.3 and §5): directories dropped (after the last {@code /} or
   * {@code \}), drive letters, {@code :} and other characters Windows refuses replaced by {@code _}, control and
   * bidirectional-override characters removed, leading dots and spaces and trailing dots and spaces removed, Windows
   * device names ({@code con}, {@code nul}, {@code com1}, ...) prefixed with {@code _}, at most 200 characters
   * (keeping a short extension). Never empty: {@code "attachment"} stands in for nothing usable.
   */
  public static String safeFileName(String proposed) {
    return FileNames.safe(proposed);
  }

  /** The {@code size} parameter (RFC 2183 §2.7), when it is a non-negative decimal number. */
  public OptionalLong size() {
    Optional<String> size = parameter("size");
    if (size.isEmpty()) {
      return OptionalLong.empty();
    }
    String s = size.get().trim();
    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(s));
  }

  /** The {@code creation-date} parameter (RFC 2183 §2.4), read by {@link MimeDates#parse(String)}. */
  public Optional<OffsetDateTime> creationDate() {
    return parameter("creation-date").flatMap(MimeDates::parse);
  }

  /** The {@code modification-date} parameter (RFC 2183 §2.5). */
  public Optional<OffsetDateTime> modificationDate() {
    return parameter("modification-date").flatMap(MimeDates::parse);
  }

  /** The {@code read-date} parameter (RFC 2183 §2.6). */
  public Optional<OffsetDateTime> readDate() {
    return parameter("read-date").flatMap(MimeDates::parse);
  }

  /**
   * A copy with the parameter set (replacing one of the same name, keeping its place).
   *
   * @throws IllegalArgumentException if {@code name} is not a token
   */
  public ContentDisposition withParameter(String name, String value) {
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(name.toLowerCase(Locale.ROOT), value);
    return new ContentDisposition(type, copy);
  }

  /** A copy with {@code filename} set. */
  public ContentDisposition withFilename(String filename) {
    return withParameter("filename", filename);
  }

  /** The header value in parts to be joined by {@code "; "}: the type, then each parameter's segments. */
  public List<String> toHeaderValueParts() {
    List<String> parts = new ArrayList<>();
    parts.add(type);
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      parts.addAll(ParameterValue.format(e.getKey(), e.getValue()));
    }
    return parts;
  }

  /** The header value on one line: {@code attachment; filename="report 2021.pdf"}. */
  public String toHeaderValue() {
    return String.join("; ", toHeaderValueParts());
  }

  @Override
  public String toString() {
    return toHeaderValue();
  }
}
