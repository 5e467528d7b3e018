package dev.mailroom.mime.internal;

import dev.mailroom.mime.codec.EncodedWord.Context;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 2047 encoded words for {@link dev.mailroom.mime.codec.EncodedWord#encode}: keeps leading and trailing
 * words that need no encoding as they are, encodes the span between them in Q or B (whichever is shorter), cuts it
 * into words of at most 75 characters (RFC 2047 §2) at character boundaries (§5 (3): "each 'encoded-word' MUST
 * represent an integral number of characters"), and separates the words by a space, where a header may be folded.
 */
public final class EncodedWordEncoder {
  /** RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long". */
  public static final int MAX_WORD = 75;

  private static final boolean[] Q_TEXT = new boolean[128];
  private static final boolean[] Q_COMMENT = new boolean[128];
  private static final boolean[] Q_PHRASE = new boolean[128];
  private static final boolean[] ATEXT = new boolean[128];

  static {
    for (int c = 0x21; c < 0x7f; c++) {
      // §4.2 (3): printable ASCII other than "=", "?" and "_" may stand for itself.
      Q_TEXT[c] = c != '=' && c != '?' && c != '_';
      // §5 (2): in a comment also not "(", ")" or '"' (nor "\", which would quote).
      Q_COMMENT[c] = Q_TEXT[c] && c != '(' && c != ')' && c != '"' && c != '\\';
      // §5 (3): in a phrase only letters, digits, "!", "*", "+", "-", "/".
      Q_PHRASE[c] = Character.isLetterOrDigit(c) || "!*+-/".indexOf(c) >= 0;
      // RFC 5322 §3.2.3 atext.
      ATEXT[c] = Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
  }

  private EncodedWordEncoder() { }

  public static String encode(String text, Charset charset, Context context) {
    int n = text.length();
    int first = -1;
    int lastEnd = -1;
    int i = 0;
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < n && text.charAt(i) != ' ') {
        i++;
      }
      if (start < i && !plain(text, start, i, context)) {
        if (first < 0) {
          first = start;
        }
        lastEnd = i;
      }
    }
    if (first < 0) {
      return text;
    }
    String words = String.join(" ", words(text.substring(first, lastEnd), charset, context));
    return text.substring(0, first) + words + text.substring(lastEnd);
  }

  /** Whether a word can stay as it is in this context. */
  private static boolean plain(String text, int from, int to, Context context) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x21 || c >= 0x7f) {
        return false;
      }
      if (c == '=' && i + 1 < to && text.charAt(i + 1) == '?') {
        return false;
      }
      if (context == Context.PHRASE && !ATEXT[c]) {
        return false;
      }
      if (context == Context.COMMENT && (c == '(' || c == ')' || c == '\\')) {
        return false;
      }
    }
    return true;
  }

  private static List<String> words(String span, Charset charset, Context context) {
    String label = charset.name();
    int room = MAX_WORD - label.length() - 7; // "=?" label "?Q?" text "?="
    if (room < 8) {
      throw new IllegalArgumentException("charset name too long for an encoded word: " + label);
    }
    boolean[] safe = context == Context.PHRASE ? Q_PHRASE : context == Context.COMMENT ? Q_COMMENT : Q_TEXT;
    byte[] all = span.getBytes(charset);
    long qLength = 0;
    for (byte b : all) {
      qLength += qCost(b, safe);
    }
    boolean useB = (all.length + 2) / 3 * 4 < qLength;
    List<String> words = new ArrayList<>();
    int start = 0;
    int n = span.length();
    while (start < n) {
      int end = start;
      int cost = 0;
      int bytes = 0;
      while (end < n) {
        int next = end + Character.charCount(span.codePointAt(end));
        byte[] cp = span.substring(end, next).getBytes(charset);
        int c = 0;
        for (byte b : cp) {
          c += qCost(b, safe);
        }
        int newBytes = bytes + cp.length;
        int size = useB ? (newBytes + 2) / 3 * 4 : cost + c;
        if (size > room && end > start) {
          break;
        }
        cost += c;
        bytes = newBytes;
        end = next;
      }
      // Stateful charsets (ISO-2022-JP) add escapes per chunk: shrink until the real encoding fits.
      byte[] chunk = span.substring(start, end).getBytes(charset);
      while (size(chunk, useB, safe) > room && end - start > Character.charCount(span.codePointAt(start))) {
        end = span.offsetByCodePoints(end, -1);
        chunk = span.substring(start, end).getBytes(charset);
      }
      words.add("=?" + label + (useB ? "?B?" : "?Q?") + (useB ? base64(chunk) : q(chunk, safe)) + "?=");
      start = end;
    }
    return words;
  }

  private static int size(byte[] chunk, boolean useB, boolean[] safe) {
    if (useB) {
      return (chunk.length + 2) / 3 * 4;
    }
    int c = 0;
    for (byte b : chunk) {
      c += qCost(b, safe);
    }
    return c;
  }

  private static int qCost(byte b, boolean[] safe) {
    return b == ' ' || (b >= 0 && safe[b]) ? 1 : 3;
  }

  private static String q(byte[] bytes, boolean[] safe) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      if (b == ' ') {
        out.append('_');
      } else if (b >= 0 && safe[b]) {
        out.append((char) b);
      } else {
        out.append('=').append((char) Ascii.HEX_UPPER[(b & 0xff) >>> 4]).append((char) Ascii.HEX_UPPER[b & 15]);
      }
    }
    return out.toString();
  }

  private static String base64(byte[] bytes) {
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }
}
