package dev.mailroom.mime.codec;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.internal.Ascii;
import dev.mailroom.mime.internal.ParameterParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Header values with parameters, {@code value *(";" attribute "=" value)}: Content-Type (RFC 2045 §5.1) and
 * Content-Disposition (RFC 2183 §2), with RFC 2231 continuations, charsets and languages.
 *
 * <p><b>Parsing</b> ({@link #parse}) is lenient and bounded (SECURITY.md M11, M16):
 * <ul>
 *   <li>names are case-insensitive and returned in lower case; values are unquoted ({@code \\} quoted-pairs undone);
 *       comments and folding are skipped;</li>
 *   <li>an unquoted value runs to the next {@code ;} (values like {@code boundary=----=_Part_1} or a file name with
 *       spaces are common); a trailing comment is dropped;</li>
 *   <li>unbalanced quotes take the rest of the field as the value, with a defect, and set
 *       {@link Parsed#unbalancedQuote()} (Content-Type then falls back to its RFC 2045 §5.2 default);</li>
 *   <li>a missing {@code ;} between parameters, a parameter without {@code =}, or junk after a quoted value are
 *       reported and skipped over; a duplicate parameter keeps the first value ({@code DUPLICATE_PARAMETER});</li>
 *   <li>RFC 2231: {@code name*0}, {@code name*1*}… are joined in numeric order whatever order they came in; the
 *       charset and language come from section 0 ({@code utf-8'en'%C3%A9}); the bytes of consecutive encoded sections
 *       are decoded together; missing sections are reported and the rest joined; at most {@value #MAX_SEGMENTS}
 *       sections per parameter, {@value #MAX_PARAMETERS} parameters and {@value #MAX_VALUE_LENGTH} characters per
 *       value are kept (more is reported and dropped); an unknown charset decodes as UTF-8 with a defect. The RFC 2231
 *       form wins over a plain parameter of the same name (mailers send both for old readers);</li>
 *   <li>RFC 2047 encoded words in a plain {@code name} or {@code filename} value are decoded, as the mailers that
 *       write them expect.</li>
 * </ul>
 * Work is linear in the length of the field.
 *
 * <p><b>Formatting</b> ({@link #format}) gives the segments of one parameter: a token as it is, printable ASCII as a
 * quoted-string, anything else (non-ASCII, control characters) in RFC 2231 form in UTF-8, cut into continuation
 * sections of at most {@value #MAX_SEGMENT_LENGTH} characters. Folding the header between segments is the writer's
 * job.
 */
public final class ParameterValue {
  /** Sections (RFC 2231 continuations) kept per parameter; section numbers from this one on are dropped. */
  public static final int MAX_SEGMENTS = 1000;
  /** Parameters kept per field. */
  public static final int MAX_PARAMETERS = 1000;
  /** Characters kept per decoded value. */
  public static final int MAX_VALUE_LENGTH = 64 * 1024;
  /** The longest segment {@link #format} produces when it has to cut a value into RFC 2231 sections. */
  public static final int MAX_SEGMENT_LENGTH = 76;
  /** Plain ASCII values up to this length stay one quoted-string, since many readers do not join RFC 2231 sections. */
  private static final int MAX_SINGLE_QUOTED = 900;

  private ParameterValue() { }

  /**
   * A parsed field.
   *
   * @param value the leading value (before the first {@code ;}), comments removed and trimmed; not validated
   * @param parameters decoded parameters in the order first seen, names in lower case; unmodifiable
   * @param unbalancedQuote whether a quoted-string was not closed
   */
  public record Parsed(String value, Map<String, String> parameters, boolean unbalancedQuote) {
    public Parsed {
      Objects.requireNonNull(value, "value");
      parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
  }

  /** Parses a field value leniently; what was wrong goes to {@code defects}. Never throws for bad input. */
  public static Parsed parse(String fieldValue, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(fieldValue, "fieldValue");
    Objects.requireNonNull(defects, "defects");
    return ParameterParser.parse(fieldValue, defects);
  }

  /** Whether {@code s} is an RFC 2045 §5.1 token: non-empty, US-ASCII, no space, controls or tspecials. */
  public static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * An unmodifiable, ordered copy of a parameter map with names in lower case (the first of names equal ignoring case
   * wins).
   *
   * @throws IllegalArgumentException if a name is not a token or holds {@code *}
   * @throws NullPointerException if a value is null
   */
  public static Map<String, String> checkedCopy(Map<String, String> parameters) {
    Map<String, String> copy = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      checkName(e.getKey());
      copy.putIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(e.getValue(), "value"));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }

  private static void checkName(String name) {
    if (name == null || !isToken(name) || name.indexOf('*') >= 0) {
      throw new IllegalArgumentException("not a parameter name: " + Ascii.escape(String.valueOf(name), 40));
    }
  }

  /** {@code s} as an RFC 5322 §3.2.4 quoted-string; {@code "} and {@code \} are escaped. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /**
   * One parameter as header text, in segments to be joined by {@code "; "} (with folding where needed):
   * {@code [name=token]}, {@code [name="quoted value"]}, {@code [name*=UTF-8''%C3%A9t%C3%A9.txt]} or
   * {@code [name*0*=UTF-8''..., name*1*=...]}. The result never holds CR, LF or other controls (M01).
   *
   * @throws IllegalArgumentException if {@code name} is not a token or holds {@code *}
   */
  public static List<String> format(String name, String value) {
    Objects.requireNonNull(value, "value");
    checkName(name);
    if (isToken(value)) {
      return List.of(name + "=" + value);
    }
    if (isPrintableAscii(value) && value.length() + name.length() + 3 <= MAX_SINGLE_QUOTED) {
      return List.of(name + "=" + quote(value));
    }
    String single = name + "*=UTF-8''" + percentEncode(value, 0, value.length());
    if (single.length() <= MAX_SEGMENT_LENGTH) {
      return List.of(single);
    }
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start < value.length()) {
      String head = name + "*" + segments.size() + "*=" + (segments.isEmpty() ? "UTF-8''" : "");
      int end = start;
      int length = head.length();
      while (end < value.length()) {
        int next = end + Character.charCount(value.codePointAt(end));
        int add = percentEncode(value, end, next).length();
        if (length + add > MAX_SEGMENT_LENGTH && end > start) {
          break;
        }
        length += add;
        end = next;
      }
      segments.add(head + percentEncode(value, start, end));
      start = end;
    }
    return List.copyOf(segments);
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** RFC 2231 §7: attribute-char stays, every other octet of the UTF-8 form is {@code %XX}. */
  private static String percentEncode(String s, int from, int to) {
    byte[] bytes = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c > ' ' && c < 0x7f && "*'%()<>@,;:\\\"/[]?=".indexOf(c) < 0) {
        out.append((char) c);
      } else {
        out.append('%').append((char) Ascii.HEX_UPPER[c >>> 4]).append((char) Ascii.HEX_UPPER[c & 15]);
      }
    }
    return out.toString();
  }
}
