package dev.mailroom.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's own minimal RFC 5322 header reader over a byte range (a whole message or one MIME part): where the
 * header ends, and each field's name, raw bytes and unfolded value. Independent of the mime module on purpose.
 */
final class MessageText {
  /** One header field: its raw bytes {@code [start, end)} including the line ending(s), and its unfolded value. */
  record Field(String name, int start, int end, String value) {
  }

  private final byte[] bytes;
  private final int start;
  private final int bodyOffset;
  private final List<Field> fields;

  private MessageText(byte[] bytes, int start, int bodyOffset, List<Field> fields) {
    this.bytes = bytes;
    this.start = start;
    this.bodyOffset = bodyOffset;
    this.fields = fields;
  }

  static MessageText of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /** Reads the header of the entity in {@code bytes[start, end)}. */
  static MessageText of(byte[] bytes, int start, int end) {
    List<Field> fields = new ArrayList<>();
    int i = start;
    int fieldStart = -1;
    while (i < end) {
      int lineEnd = indexOf(bytes, (byte) '\n', i, end);
      int next = lineEnd < 0 ? end : lineEnd + 1;
      int contentEnd = lineEnd < 0 ? end : (lineEnd > i && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd);
      if (contentEnd == i) { // the empty line: end of header
        addField(bytes, fieldStart, i, fields);
        return new MessageText(bytes, start, next, fields);
      }
      boolean continuation = bytes[i] == ' ' || bytes[i] == '\t';
      if (!continuation) {
        addField(bytes, fieldStart, i, fields);
        fieldStart = i;
      }
      i = next;
    }
    addField(bytes, fieldStart, end, fields);
    return new MessageText(bytes, start, end, fields);
  }

  private static void addField(byte[] bytes, int fieldStart, int fieldEnd, List<Field> fields) {
    if (fieldStart < 0) {
      return;
    }
    String raw = new String(bytes, fieldStart, fieldEnd - fieldStart, StandardCharsets.UTF_8);
    int colon = raw.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String name = raw.substring(0, colon).strip();
    String value = raw.substring(colon + 1).replace("\r\n", "").replace("\n", "").strip();
    fields.add(new Field(name, fieldStart, fieldEnd, value));
  }

  static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  List<Field> fields() {
    return fields;
  }

  /** The offset of the first body byte (after the empty line). */
  int bodyOffset() {
    return bodyOffset;
  }

  /** The offset of the first header byte. */
  int start() {
    return start;
  }

  Optional<String> header(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        values.add(f.value());
      }
    }
    return values;
  }

  /** The raw bytes of the fields whose names are (or, with {@code not}, are not) in {@code names}, then CRLF. */
  byte[] selectedFields(List<String> names, boolean not) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Field f : fields) {
      boolean listed = names.stream().anyMatch(n -> n.equalsIgnoreCase(f.name()));
      if (listed != not) {
        out.write(bytes, f.start(), f.end() - f.start());
      }
    }
    out.write('\r');
    out.write('\n');
    return out.toByteArray();
  }

  /** A header parameter such as {@code boundary} from a structured field value, unquoted; lower-case key match. */
  static Optional<String> parameter(String fieldValue, String key) {
    for (String part : splitParameters(fieldValue)) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(key)) {
        return Optional.of(unquote(part.substring(eq + 1).strip()));
      }
    }
    return Optional.empty();
  }

  /** Splits {@code type/sub; a=1; b="x;y"} at semicolons outside quotes. */
  static List<String> splitParameters(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        parts.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString().strip());
    return parts;
  }

  static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
