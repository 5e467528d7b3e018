package dev.mailroom.mime.codec;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.internal.Ascii;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Charsets as MIME names them (RFC 2045 §5.1 {@code charset} parameter, RFC 2047 and RFC 2231 charset fields), and
 * lenient decoding: a byte sequence that is invalid in the charset becomes U+FFFD and one {@code INVALID_CHARSET}
 * defect, never an exception (SECURITY.md M08). Raw bytes stay available to the caller; only the decoded view is
 * lossy.
 *
 * <p>Charsets the JDK does not have are unknown: {@code utf-7} (RFC 2152) is one, and is decoded as UTF-8 with a
 * defect by {@link #decode(byte[], int, int, String, Consumer)}, which leaves its ASCII readable. Stateful charsets
 * the JDK has (ISO-2022-JP) are decoded by the JDK; a dangling escape sequence at the end is malformed input.
 */
public final class MimeCharsets {
  /**
   * Names seen in mail that the JDK does not know, or knows as a smaller charset than mail means by them (GB2312
   * labels GBK text, Korean mail says {@code ks_c_5601-1987} for windows-949).
   */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("utf8", "UTF-8"),
      Map.entry("utf-8", "UTF-8"),
      Map.entry("latin1", "ISO-8859-1"),
      Map.entry("latin-1", "ISO-8859-1"),
      Map.entry("iso8859-1", "ISO-8859-1"),
      Map.entry("iso-8859-8-i", "ISO-8859-8"),
      Map.entry("gb2312", "GBK"),
      Map.entry("x-gbk", "GBK"),
      Map.entry("ks_c_5601-1987", "x-windows-949"),
      Map.entry("ks_c_5601", "x-windows-949"),
      Map.entry("windows-874", "x-windows-874"),
      Map.entry("cp-850", "IBM850"),
      Map.entry("x-mac-roman", "x-MacRoman"),
      Map.entry("macintosh", "x-MacRoman"),
      Map.entry("shift-jis", "Shift_JIS"),
      Map.entry("x-sjis", "Shift_JIS"),
      Map.entry("sjis", "Shift_JIS"),
      Map.entry("euc_jp", "EUC-JP"),
      Map.entry("ansi_x3.4-1968", "US-ASCII"),
      Map.entry("ascii", "US-ASCII"));

  private MimeCharsets() { }

  /**
   * The charset a MIME label names, or empty when the JDK does not know it. Case-insensitive, white space and
   * quotes trimmed, an RFC 2231 §5 language suffix ({@code utf-8*en}) ignored.
   */
  public static Optional<Charset> lookup(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String name = label.trim();
    if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
      name = name.substring(1, name.length() - 1).trim();
    }
    int star = name.indexOf('*');
    if (star >= 0) {
      name = name.substring(0, star);
    }
    if (name.isEmpty() || name.length() > 64) {
      return Optional.empty();
    }
    String alias = ALIASES.get(name.toLowerCase(Locale.ROOT));
    try {
      return Optional.of(Charset.forName(alias != null ? alias : name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /**
   * The charset a label names, or UTF-8 with an {@code INVALID_CHARSET} defect when it is unknown (SECURITY.md M08).
   */
  public static Charset lookupOrUtf8(String label, Consumer<MimeDefect> defects) {
    Optional<Charset> cs = lookup(label);
    if (cs.isPresent()) {
      return cs.get();
    }
    defects.accept(new MimeDefect(MimeDefect.Kind.INVALID_CHARSET,
        "unknown charset '" + Ascii.escape(String.valueOf(label), 64) + "', decoded as UTF-8", -1));
    return StandardCharsets.UTF_8;
  }

  /** Decodes bytes with the charset a label names, falling back to UTF-8 for unknown labels; never throws. */
  public static String decode(byte[] bytes, int off, int len, String label, Consumer<MimeDefect> defects) {
    return decode(bytes, off, len, lookupOrUtf8(label, defects), defects);
  }

  /**
   * Decodes bytes leniently: each malformed or unmappable sequence becomes U+FFFD, and the first one is reported as
   * {@code INVALID_CHARSET} with its offset in {@code bytes}. NUL and other controls are kept as characters.
   */
  public static String decode(byte[] bytes, int off, int len, Charset charset, Consumer<MimeDefect> defects) {
    return decode(bytes, off, len, charset, MimeDefect.Kind.INVALID_CHARSET, defects);
  }

  /**
   * Decodes raw header bytes as UTF-8 (RFC 6532 §3.2 allows UTF-8 in header values): invalid bytes become U+FFFD with
   * one {@code INVALID_HEADER_BYTES} defect; a NUL is kept as U+0000 and never ends the value (SECURITY.md M09).
   */
  public static String decodeHeader(byte[] bytes, int off, int len, Consumer<MimeDefect> defects) {
    return decode(bytes, off, len, StandardCharsets.UTF_8, MimeDefect.Kind.INVALID_HEADER_BYTES, defects);
  }

  private static String decode(byte[] bytes, int off, int len, Charset charset, MimeDefect.Kind kind,
      Consumer<MimeDefect> defects) {
    Objects.checkFromIndexSize(off, len, bytes.length);
    Objects.requireNonNull(charset, "charset");
    if (isAscii(bytes, off, len) && asciiCompatible(charset)) {
      return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
    CharBuffer out = CharBuffer.allocate(Math.min(8192, (int) (len * (double) decoder.maxCharsPerByte()) + 16));
    StringBuilder text = new StringBuilder(len);
    boolean reported = false;
    boolean flushing = false;
    while (true) {
      CoderResult r = flushing ? decoder.flush(out) : decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        if (flushing) {
          break;
        }
        flushing = true;
      } else if (r.isOverflow()) {
        out.flip();
        text.append(out);
        out.clear();
      } else {
        out.flip();
        text.append(out);
        out.clear();
        text.append('\uFFFD');
        if (!reported) {
          reported = true;
          defects.accept(new MimeDefect(kind, "bytes not valid in " + charset.name() + " replaced by U+FFFD",
              in.position() - off));
        }
        in.position(in.position() + r.length());
      }
    }
    out.flip();
    text.append(out);
    return text.toString();
  }

  private static boolean isAscii(byte[] b, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Charsets where every US-ASCII byte means its ASCII character (not UTF-16/32, not ISO-2022 escapes). */
  private static boolean asciiCompatible(Charset cs) {
    return cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)
        || cs.equals(StandardCharsets.ISO_8859_1) || cs.name().startsWith("ISO-8859-")
        || cs.name().startsWith("windows-125");
  }
}
