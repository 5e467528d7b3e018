package dev.mailroom.mime;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Content-Type (RFC 2045 §5.1) with its parameters decoded (RFC 2231 continuations and charsets joined).
 * INTERIM: the full lenient RFC 2045/2231 parser replaces this file (mime codec work in progress).
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {
  /** {@code text/plain; charset=us-ascii}, the RFC 2045 §5.2 default. */
  public static final ContentType DEFAULT = new ContentType("text", "plain", Map.of("charset", "us-ascii"));

  public ContentType {
    type = type.toLowerCase(Locale.ROOT);
    subtype = subtype.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
  }

  /** Parses leniently; what was wrong goes to {@code defects}, and a hopeless value gives {@link #DEFAULT}. */
  public static ContentType parse(String value, Consumer<MimeDefect> defects) {
    throw new UnsupportedOperationException("interim");
  }

  /** {@code type/subtype} in lower case. */
  public String mimeType() {
    return type + "/" + subtype;
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  public Optional<Charset> charset() {
    return Optional.empty();
  }
}
