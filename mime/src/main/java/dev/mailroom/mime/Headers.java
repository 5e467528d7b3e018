package dev.mailroom.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The header block of an entity: its fields in order, and the raw blank line that ended it. Immutable; the
 * {@code with}/{@code without} methods return modified copies.
 *
 * <pre>{@code
 * Headers headers = message.headers();
 * headers.text("Subject").orElse("");            // RFC 2047 decoded
 * headers.all("Received").size();
 * headers.contentType().mimeType();              // "multipart/mixed"
 * }</pre>
 */
public final class Headers implements Iterable<Header> {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final Headers EMPTY = new Headers(List.of(), CRLF);

  private final List<Header> fields;
  private final byte[] separator;

  private Headers(List<Header> fields, byte[] separator) {
    this.fields = fields;
    this.separator = separator;
  }

  /** No fields, ended by CRLF. */
  public static Headers empty() {
    return EMPTY;
  }

  /** These fields, ended by a CRLF blank line. */
  public static Headers of(List<Header> fields) {
    return of(fields, CRLF);
  }

  /**
   * These fields, ended by {@code separator}: the raw blank line ({@code "\r\n"}, {@code "\n"}), or nothing when
   * the input ended inside the headers.
   */
  public static Headers of(List<Header> fields, byte[] separator) {
    Objects.requireNonNull(separator, "separator");
    return new Headers(List.copyOf(fields), separator.clone());
  }

  /** All fields in order. */
  public List<Header> asList() {
    return fields;
  }

  @Override
  public Iterator<Header> iterator() {
    return fields.iterator();
  }

  public int size() {
    return fields.size();
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The first field named {@code name} (ignoring case). */
  public Optional<Header> first(String name) {
    for (Header h : fields) {
      if (h.is(name)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** Every field named {@code name} (ignoring case), in order. */
  public List<Header> all(String name) {
    List<Header> all = new ArrayList<>(2);
    for (Header h : fields) {
      if (h.is(name)) {
        all.add(h);
      }
    }
    return all;
  }

  /** The unfolded value of the first field named {@code name}; see {@link Header#value()}. */
  public Optional<String> value(String name) {
    return first(name).map(Header::value);
  }

  /** The RFC 2047 decoded value of the first field named {@code name}; see {@link Header#text()}. */
  public Optional<String> text(String name) {
    return first(name).map(Header::text);
  }

  /**
   * The Content-Type, or the RFC 2045 §5.2 default {@code text/plain; charset=us-ascii} when it is missing or cannot
   * be parsed.
   */
  public ContentType contentType() {
    return contentType(d -> { });
  }

  /** As {@link #contentType()}, reporting what was wrong to {@code defects}. */
  public ContentType contentType(Consumer<MimeDefect> defects) {
    List<Header> all = all("Content-Type");
    if (all.isEmpty()) {
      return ContentType.DEFAULT;
    }
    if (all.size() > 1) {
      defects.accept(new MimeDefect(MimeDefect.Kind.DUPLICATE_HEADER, "more than one Content-Type", -1));
    }
    return ContentType.parse(all.get(0).value(), defects);
  }

  /** A copy with {@code header} added at the end. */
  public Headers with(Header header) {
    List<Header> copy = new ArrayList<>(fields);
    copy.add(Objects.requireNonNull(header, "header"));
    return new Headers(List.copyOf(copy), separator);
  }

  /** A copy where the first field with {@code header}'s name is replaced by it (or it is added) and others removed. */
  public Headers replacing(Header header) {
    List<Header> copy = new ArrayList<>(fields.size() + 1);
    boolean placed = false;
    for (Header h : fields) {
      if (h.is(header.name())) {
        if (!placed) {
          copy.add(header);
          placed = true;
        }
      } else {
        copy.add(h);
      }
    }
    if (!placed) {
      copy.add(header);
    }
    return new Headers(List.copyOf(copy), separator);
  }

  /** A copy without any field named {@code name}. */
  public Headers without(String name) {
    List<Header> copy = new ArrayList<>(fields.size());
    for (Header h : fields) {
      if (!h.is(name)) {
        copy.add(h);
      }
    }
    return new Headers(List.copyOf(copy), separator);
  }

  /** The raw blank line that ended the block (a copy). */
  public byte[] separator() {
    return separator.clone();
  }

  /** The exact number of bytes {@link #writeTo} writes. */
  public long byteSize() {
    long size = separator.length;
    for (Header h : fields) {
      size += h.rawLength();
    }
    return size;
  }

  /** Writes every field's raw bytes, then the separator. */
  public void writeTo(OutputStream out) throws IOException {
    for (Header h : fields) {
      h.writeTo(out);
    }
    out.write(separator);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers h && fields.equals(h.fields) && java.util.Arrays.equals(separator, h.separator);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
