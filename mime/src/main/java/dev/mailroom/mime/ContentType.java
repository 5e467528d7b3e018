package dev.mailroom.mime;

import dev.mailroom.mime.codec.MimeCharsets;
import dev.mailroom.mime.codec.ParameterValue;
import dev.mailroom.mime.internal.Ascii;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Content-Type (RFC 2045 §5.1): type, subtype and parameters, with RFC 2231 continuations and charsets decoded.
 * Type, subtype and parameter names are in lower case; parameter values are as decoded; parameters keep their order
 * (equality ignores it).
 *
 * <pre>{@code
 * ContentType ct = ContentType.parse("multipart/mixed; boundary=\"=_b1\"", defects::add);
 * ct.isMultipart();          // true
 * ct.boundary();             // Optional[=_b1]
 * ContentType.of("text", "plain").withParameter("charset", "utf-8").toHeaderValue();  // text/plain; charset=utf-8
 * }</pre>
 *
 * @param type the top-level media type, e.g. {@code text}
 * @param subtype e.g. {@code plain}
 * @param parameters decoded parameter values by lower-case name; unmodifiable
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {
  /** {@code text/plain; charset=us-ascii}, the RFC 2045 §5.2 default. */
  public static final ContentType DEFAULT = new ContentType("text", "plain", Map.of("charset", "us-ascii"));

  /**
   * @throws IllegalArgumentException if type, subtype or a parameter name is not an RFC 2045 token (or a name holds
   *     {@code *}, which RFC 2231 reserves)
   */
  public ContentType {
    if (!ParameterValue.isToken(type) || !ParameterValue.isToken(subtype)) {
      throw new IllegalArgumentException("not a media type: " + Ascii.escape(type + "/" + subtype, 80));
    }
    type = type.toLowerCase(Locale.ROOT);
    subtype = subtype.toLowerCase(Locale.ROOT);
    parameters = ParameterValue.checkedCopy(parameters);
  }

  /**
   * A type without parameters.
   *
   * @throws IllegalArgumentException if {@code type} or {@code subtype} is not an RFC 2045 token
   */
  public static ContentType of(String type, String subtype) {
    return new ContentType(type, subtype, Map.of());
  }

  /**
   * Parses a Content-Type value leniently; never throws for bad input. A missing subtype, an invalid type, or
   * unbalanced quotes give {@link #DEFAULT} with a {@code MALFORMED_CONTENT_TYPE} defect (RFC 2045 §5.2, SECURITY.md
   * M16), except {@code text} alone, which is read as {@code text/plain} with its parameters. Parameters are parsed
   * as {@link ParameterValue#parse} describes (RFC 2231, duplicates, bounds: M11).
   */
  public static ContentType parse(String value, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(defects, "defects");
    if (value == null) {
      return DEFAULT;
    }
    ParameterValue.Parsed parsed = ParameterValue.parse(value, defects);
    String lead = parsed.value();
    int slash = lead.indexOf('/');
    String type = (slash < 0 ? lead : lead.substring(0, slash)).trim();
    String subtype = slash < 0 ? "" : lead.substring(slash + 1).trim();
    if (parsed.unbalancedQuote()) {
      return malformed("unbalanced quotes in '" + Ascii.escape(value, 80) + "'", defects);
    }
    if (slash < 0 && type.equalsIgnoreCase("text")) {
      defects.accept(new MimeDefect(MimeDefect.Kind.MALFORMED_CONTENT_TYPE, "'text' without subtype read as text/plain",
          -1));
      return new ContentType("text", "plain", parsed.parameters());
    }
    if (!ParameterValue.isToken(type) || !ParameterValue.isToken(subtype)) {
      return malformed(lead.isEmpty() ? "empty Content-Type" : "not a media type: '" + Ascii.escape(lead, 80) + "'",
          defects);
    }
    return new ContentType(type, subtype, parsed.parameters());
  }

  /** {@link #parse(String, Consumer)} ignoring defects. */
  public static ContentType parse(String value) {
    return parse(value, d -> { });
  }

  private static ContentType malformed(String detail, Consumer<MimeDefect> defects) {
    defects.accept(new MimeDefect(MimeDefect.Kind.MALFORMED_CONTENT_TYPE, detail + "; using text/plain; charset=us-ascii",
        -1));
    return DEFAULT;
  }

  /** {@code type/subtype} in lower case. */
  public String mimeType() {
    return type + "/" + subtype;
  }

  /** A parameter's decoded value; the name is case-insensitive. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The {@code charset} parameter as a JDK charset; empty when absent or unknown to the JDK (see MimeCharsets). */
  public Optional<Charset> charset() {
    return parameter("charset").flatMap(MimeCharsets::lookup);
  }

  /** The {@code boundary} parameter of a multipart (RFC 2046 §5.1.1), when present and non-empty. */
  public Optional<String> boundary() {
    return parameter("boundary").filter(b -> !b.isEmpty());
  }

  /** Whether the type is {@code multipart/*}. */
  public boolean isMultipart() {
    return type.equals("multipart");
  }

  /** Whether the type is {@code message/*}. */
  public boolean isMessage() {
    return type.equals("message");
  }

  /** Whether the type is {@code text/*}. */
  public boolean isText() {
    return type.equals("text");
  }

  /** Whether this is {@code type/subtype}, ignoring case; {@code "*"} as subtype matches any subtype. */
  public boolean is(String type, String subtype) {
    return this.type.equalsIgnoreCase(type) && (subtype.equals("*") || this.subtype.equalsIgnoreCase(subtype));
  }

  /**
   * A copy with the parameter set (replacing one of the same name, keeping its place).
   *
   * @throws IllegalArgumentException if {@code name} is not a token
   */
  public ContentType withParameter(String name, String value) {
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(name.toLowerCase(Locale.ROOT), value);
    return new ContentType(type, subtype, copy);
  }

  /** A copy without the parameter. */
  public ContentType withoutParameter(String name) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return new ContentType(type, subtype, copy);
  }

  /** A copy with {@code charset} set to the charset's preferred MIME name, lower case (e.g. {@code utf-8}). */
  public ContentType withCharset(Charset charset) {
    return withParameter("charset", charset.name().toLowerCase(Locale.ROOT));
  }

  /**
   * The header value in parts, to be joined by {@code "; "} (folding between parts where a line would be too long):
   * {@code type/subtype} first, then each parameter's segments from {@link ParameterValue#format}.
   */
  public List<String> toHeaderValueParts() {
    List<String> parts = new ArrayList<>();
    parts.add(mimeType());
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      parts.addAll(ParameterValue.format(e.getKey(), e.getValue()));
    }
    return parts;
  }

  /** The header value on one line: {@code text/plain; charset=utf-8; name*=UTF-8''%C3%A9.txt}. */
  public String toHeaderValue() {
    return String.join("; ", toHeaderValueParts());
  }

  @Override
  public String toString() {
    return toHeaderValue();
  }
}
