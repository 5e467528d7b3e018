package dev.mailroom.imap.fetch;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A body section to fetch (RFC 3501 §6.4.5 {@code BODY[<section>]<<partial>>}): a part path such as {@code 1.2}
 * (empty for the whole message), a text kind, header field names, and an optional byte range. Field names must be
 * atoms (SECURITY.md I04).
 *
 * <pre>{@code
 * BodySection whole = BodySection.whole().asPeek();
 * BodySection subject = BodySection.headerFields("Subject", "From").asPeek();
 * BodySection firstKb = BodySection.part("1").partial(0, 1024);
 * }</pre>
 *
 * @param part the part path ({@code ""} or dot-separated numbers)
 * @param kind what of the part
 * @param fields header field names for the HEADER.FIELDS kinds
 * @param peek whether {@code BODY.PEEK} (does not set {@code \Seen})
 * @param offset the partial origin, or -1
 * @param length the partial length, or -1
 */
public record BodySection(String part, Kind kind, List<String> fields, boolean peek, long offset, long length) {

  /** The section text kinds. */
  public enum Kind {
    WHOLE(""), HEADER("HEADER"), HEADER_FIELDS("HEADER.FIELDS"), HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
    TEXT("TEXT"), MIME("MIME");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  public BodySection {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
    if (!part.isEmpty() && !part.matches("[1-9][0-9]{0,8}(\\.[1-9][0-9]{0,8})*")) {
      throw new IllegalArgumentException("invalid part path: " + part);
    }
    for (String f : fields) {
      if (!f.matches("[!-9;-~&&[^(){%*\"\\\\\\]]]+")) {
        throw new IllegalArgumentException("invalid header field name (SECURITY.md I04): " + f);
      }
    }
    if (kind == Kind.MIME && part.isEmpty()) {
      throw new IllegalArgumentException("MIME needs a part path");
    }
    if (length >= 0 && offset < 0) {
      throw new IllegalArgumentException("length without offset");
    }
  }

  public static BodySection whole() {
    return new BodySection("", Kind.WHOLE, List.of(), false, -1, -1);
  }

  public static BodySection header() {
    return new BodySection("", Kind.HEADER, List.of(), false, -1, -1);
  }

  public static BodySection text() {
    return new BodySection("", Kind.TEXT, List.of(), false, -1, -1);
  }

  public static BodySection headerFields(String... names) {
    return new BodySection("", Kind.HEADER_FIELDS, List.of(names), false, -1, -1);
  }

  public static BodySection headerFieldsNot(String... names) {
    return new BodySection("", Kind.HEADER_FIELDS_NOT, List.of(names), false, -1, -1);
  }

  /** A part's content ({@code BODY[1.2]}). */
  public static BodySection part(String path) {
    return new BodySection(path, Kind.WHOLE, List.of(), false, -1, -1);
  }

  /** This section of part {@code path} ({@code 1.2.MIME}, {@code 1.HEADER}, ...). */
  public BodySection ofPart(String path) {
    return new BodySection(path, kind, fields, peek, offset, length);
  }

  /** As {@code BODY.PEEK}: fetching does not set {@code \Seen}. */
  public BodySection asPeek() {
    return new BodySection(part, kind, fields, true, offset, length);
  }

  /** Only {@code length} bytes from {@code offset}. */
  public BodySection partial(long offset, long length) {
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException("invalid partial range");
    }
    return new BodySection(part, kind, fields, peek, offset, length);
  }

  /** The section spec inside the brackets, such as {@code 1.HEADER.FIELDS (SUBJECT)}. */
  public String spec() {
    StringBuilder s = new StringBuilder(part);
    if (kind != Kind.WHOLE) {
      if (!part.isEmpty()) {
        s.append('.');
      }
      s.append(kind.wire());
    }
    if (!fields.isEmpty()) {
      s.append(" (").append(String.join(" ", fields).toUpperCase(Locale.ROOT)).append(')');
    }
    return s.toString();
  }

  /** The request form, such as {@code BODY.PEEK[HEADER]<0.100>}. */
  public String requestWire() {
    String p = offset < 0 ? "" : "<" + offset + "." + length + ">";
    return (peek ? "BODY.PEEK[" : "BODY[") + spec() + "]" + p;
  }

  /** The key a response carries for this section: spec without fields, and the origin. */
  public String responseKey() {
    return part + "|" + kind + "|" + (offset < 0 ? "" : Long.toString(offset));
  }
}
