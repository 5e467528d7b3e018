package dev.mailroom.mime.internal;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.codec.EncodedWord;
import dev.mailroom.mime.codec.MimeCharsets;
import dev.mailroom.mime.codec.ParameterValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Splits {@code value *(";" parameter)} (RFC 2045 §5.1, RFC 2183 §2) into the leading value and decoded parameters,
 * joining RFC 2231 continuations and decoding their charsets. One pass over the text, then one pass per parameter:
 * linear in the input. See {@link ParameterValue#parse} for the leniency rules.
 */
public final class ParameterParser {
  private final String s;
  private final Consumer<MimeDefect> defects;
  private final int n;
  private int i;
  private boolean unbalancedQuote;
  private final Map<String, Accumulator> params = new LinkedHashMap<>();

  private ParameterParser(String s, Consumer<MimeDefect> defects) {
    this.s = s;
    this.n = s.length();
    this.defects = DefectReporter.capped(defects, DefectReporter.MAX_PER_VALUE);
  }

  public static ParameterValue.Parsed parse(String value, Consumer<MimeDefect> defects) {
    ParameterParser p = new ParameterParser(value, defects);
    String lead = p.lead();
    p.parameters();
    return new ParameterValue.Parsed(lead, p.finish(), p.unbalancedQuote);
  }

  private void defect(Kind kind, String detail) {
    defects.accept(new MimeDefect(kind, detail, -1));
  }

  /**
   * The text up to the first ';' outside comments (or up to white space before {@code attribute=}, when the ';' is
   * missing as in the published RFC 2231 §4.1 example), comments removed, trimmed.
   */
  private String lead() {
    StringBuilder out = new StringBuilder();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ';') {
        i++;
        break;
      }
      if (isSpace(c) && i > 0 && !isSpace(s.charAt(i - 1)) && parameterFollows(i)) {
        break;
      }
      if (c == '(') {
        skipComment();
        out.append(' ');
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString().trim();
  }

  /** Skips a comment (RFC 5322 §3.2.2) with nesting and quoted-pairs; an unclosed one runs to the end. */
  private void skipComment() {
    int depth = 0;
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return;
      }
    }
    defect(Kind.MALFORMED_PARAMETER, "unclosed comment");
  }

  private void skipCfws() {
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '(') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /**
   * Whether white space at {@code j} is followed by {@code token "="}: a parameter after a missing ';'. Called only
   * at the start of a run of white space, each call scans that run and one token: the parse stays linear.
   */
  private boolean parameterFollows(int j) {
    int k = j;
    while (k < n && isSpace(s.charAt(k))) {
      k++;
    }
    int start = k;
    while (k < n && isTokenChar(s.charAt(k))) {
      k++;
    }
    if (k == start) {
      return false;
    }
    while (k < n && isSpace(s.charAt(k))) {
      k++;
    }
    return k < n && s.charAt(k) == '=';
  }

  private static boolean isTokenChar(char c) {
    return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
  }

  private void parameters() {
    boolean first = true;
    while (true) {
      skipCfws();
      if (i >= n) {
        return;
      }
      if (s.charAt(i) == ';') {
        i++;
        first = true;
        continue;
      }
      if (!first) {
        defect(Kind.MALFORMED_PARAMETER, "missing ';' between parameters");
      }
      first = false;
      int start = i;
      while (i < n && isTokenChar(s.charAt(i))) {
        i++;
      }
      String attribute = s.substring(start, i).toLowerCase(Locale.ROOT);
      skipCfws();
      if (attribute.isEmpty() || i >= n || s.charAt(i) != '=') {
        defect(Kind.MALFORMED_PARAMETER, attribute.isEmpty()
            ? "expected a parameter name at '" + Ascii.escape(s.substring(i, Math.min(n, i + 20)), 20) + "'"
            : "parameter '" + Ascii.escape(attribute, 40) + "' without a value");
        skipToSemicolon();
        continue;
      }
      i++;
      skipCfws();
      String value;
      if (i < n && s.charAt(i) == '"') {
        value = quotedString();
        skipCfws();
        if (i < n && s.charAt(i) != ';') {
          defect(Kind.MALFORMED_PARAMETER, "text after the quoted value of '" + Ascii.escape(attribute, 40) + "'");
          skipToSemicolon();
        }
      } else {
        value = bareValue();
      }
      add(attribute, value);
    }
  }

  /** A quoted-string (RFC 5322 §3.2.4) without its quotes; unbalanced quotes run to the end with a defect. */
  private String quotedString() {
    StringBuilder out = new StringBuilder();
    i++;
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && i < n) {
        c = s.charAt(i++);
      } else if (c == '\r' || c == '\n') {
        continue; // folding inside a quoted string
      }
      out.append(c);
    }
    unbalancedQuote = true;
    defect(Kind.MALFORMED_PARAMETER, "unbalanced quotes");
    return out.toString();
  }

  /**
   * An unquoted value: a token, leniently anything up to the next ';' (boundary values with '=' or '/', file names
   * with spaces), without a trailing comment.
   */
  private String bareValue() {
    int start = i;
    int end = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ';') {
        break;
      }
      if (c == '(' && i > start && Ascii.isWsp(s.charAt(i - 1))) {
        skipComment();
        continue;
      }
      if (c == '"') {
        defect(Kind.MALFORMED_PARAMETER, "quote inside an unquoted value");
      }
      if (isSpace(c) && i > 0 && !isSpace(s.charAt(i - 1)) && parameterFollows(i)) {
        break;
      }
      i++;
      if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
        end = i;
      }
    }
    return s.substring(start, end);
  }

  private void skipToSemicolon() {
    boolean quoted = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return;
      }
      i++;
    }
  }

  private void add(String attribute, String value) {
    String name = attribute;
    int section = -1;
    boolean extended = false;
    int star = attribute.indexOf('*');
    if (star == 0) {
      defect(Kind.MALFORMED_PARAMETER, "not a parameter name: '" + Ascii.escape(attribute, 40) + "'");
      return;
    }
    if (star > 0) {
      String rest = attribute.substring(star + 1);
      name = attribute.substring(0, star);
      if (rest.isEmpty()) {
        extended = true;
      } else {
        boolean ext = rest.endsWith("*");
        String digits = ext ? rest.substring(0, rest.length() - 1) : rest;
        if (!digits.isEmpty() && digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
          extended = ext;
          section = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
          if (digits.length() > 1 && digits.charAt(0) == '0') {
            defect(Kind.MALFORMED_PARAMETER, "RFC 2231 section number with a leading zero: " + Ascii.escape(
                attribute, 40));
          }
        } else {
          defect(Kind.MALFORMED_PARAMETER, "not an RFC 2231 parameter name: '" + Ascii.escape(attribute, 40) + "'");
          return;
        }
      }
    }
    Accumulator acc = params.get(name);
    if (acc == null) {
      if (params.size() >= ParameterValue.MAX_PARAMETERS) {
        defect(Kind.MALFORMED_PARAMETER, "more than " + ParameterValue.MAX_PARAMETERS + " parameters");
        return;
      }
      acc = new Accumulator();
      params.put(name, acc);
    }
    if (section >= 0) {
      if (section >= ParameterValue.MAX_SEGMENTS) {
        if (!acc.overflowReported) {
          acc.overflowReported = true;
          defect(Kind.MALFORMED_PARAMETER, "RFC 2231 section of '" + Ascii.escape(name, 40) + "' beyond "
              + (ParameterValue.MAX_SEGMENTS - 1) + " ignored");
        }
        return;
      }
      if (acc.sections.containsKey(section)) {
        duplicate(attribute);
        return;
      }
      acc.sections.put(section, new Section(value, extended));
    } else if (extended) {
      if (acc.extended != null) {
        duplicate(attribute);
        return;
      }
      acc.extended = value;
    } else {
      if (acc.plain != null) {
        duplicate(attribute);
        return;
      }
      acc.plain = value;
    }
  }

  private void duplicate(String attribute) {
    defect(Kind.DUPLICATE_PARAMETER, "duplicate parameter '" + Ascii.escape(attribute, 40) + "', first kept");
  }

  private Map<String, String> finish() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Accumulator> e : params.entrySet()) {
      String name = e.getKey();
      Accumulator acc = e.getValue();
      String value;
      boolean encoded;
      if (!acc.sections.isEmpty()) {
        value = joinSections(name, acc.sections);
        encoded = acc.sections.values().stream().anyMatch(Section::extended);
      } else if (acc.extended != null) {
        value = decodeExtended(acc.extended, true, null, new ByteArrayOutputStream()).decode(defects);
        encoded = true;
      } else {
        value = acc.plain;
        encoded = false;
      }
      if (!encoded && (name.equals("name") || name.equals("filename")) && value.contains("=?")) {
        // RFC 2047 §5 forbids encoded words in quoted strings, but mailers put them in file names anyway.
        value = EncodedWord.decodeText(value, defects);
      }
      if (value.length() > ParameterValue.MAX_VALUE_LENGTH) {
        defect(Kind.MALFORMED_PARAMETER, "value of '" + Ascii.escape(name, 40) + "' truncated to "
            + ParameterValue.MAX_VALUE_LENGTH + " characters");
        value = value.substring(0, ParameterValue.MAX_VALUE_LENGTH);
      }
      out.put(name, value);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * RFC 2231 §3, §4.1: sections in numeric order, the charset from section 0, the bytes of consecutive encoded
   * sections decoded together. Missing sections are tolerated with a defect.
   */
  private String joinSections(String name, TreeMap<Integer, Section> sections) {
    int expected = 0;
    for (int k : sections.keySet()) {
      if (k != expected) {
        defect(Kind.MALFORMED_PARAMETER, "RFC 2231 section " + expected + " of '" + Ascii.escape(name, 40)
            + "' missing");
        break;
      }
      expected++;
    }
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Charset charset = null;
    Run run = null;
    long length = 0;
    for (Map.Entry<Integer, Section> e : sections.entrySet()) {
      Section section = e.getValue();
      length += section.value.length();
      if (length > 4L * ParameterValue.MAX_VALUE_LENGTH) {
        break; // the result is truncated anyway; do not decode more
      }
      if (section.extended) {
        boolean first = e.getKey() == 0;
        run = decodeExtended(section.value, first, run == null ? charset : run.charset, bytes);
        charset = run.charset;
      } else {
        if (run != null) {
          text.append(run.decode(defects));
          run = null;
          bytes = new ByteArrayOutputStream();
        }
        text.append(section.value);
      }
    }
    if (run != null) {
      text.append(run.decode(defects));
    }
    return text.toString();
  }

  /**
   * Percent-decodes an extended value ({@code charset'language'%XX...} when {@code first}) into {@code bytes}. An
   * unknown or empty charset decodes as UTF-8 (an unknown one with a defect).
   */
  private Run decodeExtended(String value, boolean first, Charset charset, ByteArrayOutputStream bytes) {
    String text = value;
    Charset cs = charset;
    if (first) {
      int q1 = value.indexOf('\'');
      int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
      if (q2 < 0) {
        defect(Kind.MALFORMED_PARAMETER, "RFC 2231 value without charset'language' prefix");
        cs = StandardCharsets.UTF_8;
      } else {
        String label = value.substring(0, q1);
        cs = label.isBlank() ? StandardCharsets.UTF_8 : MimeCharsets.lookupOrUtf8(label, defects);
        text = value.substring(q2 + 1);
      }
    } else if (cs == null) {
      cs = StandardCharsets.UTF_8;
    }
    boolean reported = false;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '%') {
        int hi = k + 2 < text.length() ? Ascii.hexValue(text.charAt(k + 1)) : -1;
        int lo = hi >= 0 ? Ascii.hexValue(text.charAt(k + 2)) : -1;
        if (lo >= 0) {
          bytes.write(hi << 4 | lo);
          k += 2;
          continue;
        }
        if (!reported) {
          reported = true;
          defect(Kind.MALFORMED_PARAMETER, "'%' not followed by two hex digits in an RFC 2231 value");
        }
        bytes.write('%');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        int end = k + Character.charCount(text.codePointAt(k));
        bytes.writeBytes(text.substring(k, end).getBytes(StandardCharsets.UTF_8));
        k = end - 1;
      }
    }
    return new Run(cs, bytes);
  }

  /** Bytes of consecutive encoded sections and their charset. */
  private record Run(Charset charset, ByteArrayOutputStream bytes) {
    String decode(Consumer<MimeDefect> defects) {
      byte[] b = bytes.toByteArray();
      return MimeCharsets.decode(b, 0, b.length, charset, defects);
    }
  }

  private record Section(String value, boolean extended) { }

  private static final class Accumulator {
    String plain;
    String extended;
    final TreeMap<Integer, Section> sections = new TreeMap<>();
    boolean overflowReported;
  }
}
