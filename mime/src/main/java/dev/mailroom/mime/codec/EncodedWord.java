package dev.mailroom.mime.codec;

import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.internal.Ascii;
import dev.mailroom.mime.internal.EncodedWordEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * RFC 2047 encoded words: {@code =?charset?Q?text?=} and {@code =?charset?B?text?=} in header text.
 *
 * <p><b>Decoding</b> is lenient and linear in the input (SECURITY.md M10: 10<sup>5</sup> words are decoded in one
 * pass):
 * <ul>
 *   <li>encoded words are found wherever they are well formed, also when glued to other text (RFC 2047 §5 asks for
 *       white space around them; many mailers do not);</li>
 *   <li>white space between two adjacent encoded words is dropped (§6.2), and the bytes of adjacent words with the
 *       same charset are decoded together, so a multibyte character split across two words comes out whole;</li>
 *   <li>Q: {@code _} is a space (§4.2 (2)), hex in either case, a stray {@code =} is kept; B: missing padding and
 *       characters outside the alphabet are tolerated;</li>
 *   <li>a word with an unknown charset or encoding is left as written with an {@code INVALID_ENCODED_WORD} defect;
 *       an RFC 2231 §5 language ({@code =?utf-8*en?Q?...?=}) is ignored;</li>
 *   <li>decoded text is kept as decoded: if it holds CR, LF or NUL ({@code =?us-ascii?Q?a=0D=0ABcc:_x?=}) so does
 *       the result. It is a value, not wire text: {@link dev.mailroom.mime.Header#ofWireValue} refuses it and
 *       {@link #encode} always re-encodes control characters, so it is never written out raw (M10, M01).
 *       {@link #containsLineBreak} and {@link #containsControl} let a caller check.</li>
 * </ul>
 *
 * <p><b>Encoding</b> ({@link #encode(String, Charset, Context)}) is for builders: text that can go as it is stays as it
 * is; otherwise the words that need it are encoded in Q or B, whichever is shorter, in encoded words of at most 75
 * characters (§2) separated by a space (a folding point), never splitting a character across words (§5 (3)), with the
 * characters each {@link Context} allows (§5).
 */
public final class EncodedWord {
  /** Where encoded words go; each context allows different characters in Q encoded text (RFC 2047 §5). */
  public enum Context {
    /** Unstructured text such as Subject (§5 (1)). */
    TEXT,
    /** A phrase such as a display name (§5 (3)): only letters, digits and {@code !*+-/} may stay literal. */
    PHRASE,
    /** A comment (§5 (2)): no {@code (}, {@code )} or {@code "} in the encoded text. */
    COMMENT
  }

  private static final int MAX_CHARSET_LENGTH = 64;

  private EncodedWord() { }

  /** Decodes the encoded words in unstructured text (RFC 2047 §5 (1)), ignoring defects. */
  public static String decodeText(String value) {
    return decodeText(value, d -> { });
  }

  /** Decodes the encoded words in unstructured text (RFC 2047 §5 (1)), reporting what was wrong. */
  public static String decodeText(String value, Consumer<MimeDefect> defects) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(defects, "defects");
    if (value.indexOf("=?") < 0) {
      return value;
    }
    return new Decoder(value, defects).run();
  }

  /**
   * Decodes a phrase (a display name, RFC 2047 §5 (3)) whose quoted strings the caller has already unquoted, and
   * collapses each run of white space (folding included) to one space, trimming the ends.
   */
  public static String decodePhrase(String phrase, Consumer<MimeDefect> defects) {
    String decoded = decodeText(phrase, defects);
    StringBuilder out = new StringBuilder(decoded.length());
    boolean space = false;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code s} holds a CR or LF: text that must never be written into a header as it is (M01, M10). */
  public static boolean containsLineBreak(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} holds a control character other than HTAB (C0, DEL or C1): CR, LF and NUL among them. */
  public static boolean containsControl(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #encode(String, Charset, Context)} with UTF-8 for unstructured text. */
  public static String encode(String text) {
    return encode(text, StandardCharsets.UTF_8, Context.TEXT);
  }

  /**
   * The text as it should appear in a header: unchanged when every character may appear there as it is (printable
   * US-ASCII and space for TEXT, plus what {@code context} allows, and no {@code =?} that a reader would decode),
   * otherwise with the words that need it replaced by encoded words. Control characters (CR, LF, NUL, TAB) are always
   * encoded, so the result never holds a line break (M01). In {@link Context#PHRASE} an unencoded result may still
   * need quoting as a quoted-string by the caller.
   *
   * @throws IllegalArgumentException if the charset name is too long for a 75-character encoded word
   */
  public static String encode(String text, Charset charset, Context context) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(context, "context");
    return EncodedWordEncoder.encode(text, charset, context);
  }

  /** One pass over the text; linear in its length. */
  private static final class Decoder {
    private final String s;
    private final Consumer<MimeDefect> defects;
    private final StringBuilder out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Charset pendingCharset;
    private boolean reportedBad;

    Decoder(String s, Consumer<MimeDefect> defects) {
      this.s = s;
      this.defects = defects;
      this.out = new StringBuilder(s.length());
    }

    String run() {
      int n = s.length();
      int textStart = 0;
      int lastWordEnd = -1;
      int from = 0;
      while (true) {
        int k = s.indexOf("=?", from);
        if (k < 0) {
          break;
        }
        int end = wordEnd(k);
        if (end < 0) {
          from = k + 1;
          continue;
        }
        int q1 = s.indexOf('?', k + 2);
        String label = s.substring(k + 2, q1);
        char encoding = s.charAt(q1 + 1);
        Optional<Charset> charset = MimeCharsets.lookup(label);
        boolean q = encoding == 'Q' || encoding == 'q';
        boolean b = encoding == 'B' || encoding == 'b';
        if (charset.isEmpty() || !(q || b)) {
          bad(charset.isEmpty() ? "unknown charset '" + Ascii.escape(label, 64) + "'"
              : "unknown encoding '" + Ascii.escape(String.valueOf(encoding), 4) + "'", k);
          from = end; // kept as written: it stays part of the literal text
          continue;
        }
        boolean adjacent = textStart == lastWordEnd && isBlank(textStart, k);
        if (!adjacent) {
          flush();
          out.append(s, textStart, k);
        }
        if (pendingCharset != null && !pendingCharset.equals(charset.get())) {
          flush();
        }
        pendingCharset = charset.get();
        if (q) {
          decodeQ(q1 + 3, end - 2, k);
        } else {
          decodeB(q1 + 3, end - 2, k);
        }
        textStart = end;
        lastWordEnd = end;
        from = end;
      }
      flush();
      out.append(s, textStart, n);
      return out.toString();
    }

    /**
     * The index after the encoded word starting at {@code k} ("=?"), or -1. Scans the charset (token characters),
     * one encoding character, and the encoded text up to the first '?' (printable ASCII without space); so each
     * character is looked at by a bounded number of candidate words and the whole decode stays linear.
     */
    private int wordEnd(int k) {
      int n = s.length();
      int i = k + 2;
      int start = i;
      while (i < n && i - start <= MAX_CHARSET_LENGTH && isCharsetChar(s.charAt(i))) {
        i++;
      }
      if (i == start || i >= n || s.charAt(i) != '?' || i - start > MAX_CHARSET_LENGTH) {
        return -1;
      }
      if (i + 2 >= n || s.charAt(i + 2) != '?' || !isCharsetChar(s.charAt(i + 1))) {
        return -1;
      }
      i += 3;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '?') {
          return i + 1 < n && s.charAt(i + 1) == '=' ? i + 2 : -1;
        }
        if (c <= ' ' || c >= 0x7f) {
          return -1;
        }
        i++;
      }
      return -1;
    }

    private static boolean isCharsetChar(char c) {
      // RFC 2047 §2: token = 1*<Any CHAR except SPACE, CTLs, and especials>; '*' starts an RFC 2231 language.
      return c > ' ' && c < 0x7f && "()<>@,;:\"/[]?.=".indexOf(c) < 0;
    }

    private boolean isBlank(int from, int to) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return false;
        }
      }
      return true;
    }

    /** RFC 2047 §4.2: "=" hex hex, "_" for space, the rest as itself. */
    private void decodeQ(int from, int to, int wordStart) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c == '_') {
          pending.write(' ');
        } else if (c == '=') {
          int hi = i + 2 < to ? Ascii.hexValue(s.charAt(i + 1)) : -1;
          int lo = hi >= 0 ? Ascii.hexValue(s.charAt(i + 2)) : -1;
          if (lo >= 0) {
            pending.write(hi << 4 | lo);
            i += 2;
          } else {
            bad("'=' not followed by two hex digits in a Q encoded word", wordStart);
            pending.write('=');
          }
        } else {
          pending.write(c);
        }
      }
    }

    /** RFC 2047 §4.1: base64, leniently (missing padding, stray characters). */
    private void decodeB(int from, int to, int wordStart) {
      int quantum = 0;
      int count = 0;
      boolean invalid = false;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        int v = base64Value(c);
        if (v >= 0) {
          quantum = quantum << 6 | v;
          if (++count == 4) {
            pending.write(quantum >> 16);
            pending.write(quantum >> 8);
            pending.write(quantum);
            quantum = 0;
            count = 0;
          }
        } else if (c == '=') {
          break;
        } else {
          invalid = true;
        }
      }
      if (count == 2) {
        pending.write(quantum >> 4);
      } else if (count == 3) {
        pending.write(quantum >> 10);
        pending.write(quantum >> 2);
      } else if (count == 1) {
        invalid = true;
      }
      if (invalid) {
        bad("invalid base64 in a B encoded word", wordStart);
      }
    }

    private static int base64Value(char c) {
      if (c >= 'A' && c <= 'Z') {
        return c - 'A';
      }
      if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
      }
      if (c >= '0' && c <= '9') {
        return c - '0' + 52;
      }
      return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    private void flush() {
      if (pendingCharset == null) {
        return;
      }
      byte[] bytes = pending.toByteArray();
      out.append(MimeCharsets.decode(bytes, 0, bytes.length, pendingCharset, defects));
      pending.reset();
      pendingCharset = null;
    }

    private void bad(String detail, int offset) {
      if (!reportedBad) {
        reportedBad = true;
        defects.accept(new MimeDefect(MimeDefect.Kind.INVALID_ENCODED_WORD,
            detail + " at character " + offset, -1));
      }
    }
  }
}
