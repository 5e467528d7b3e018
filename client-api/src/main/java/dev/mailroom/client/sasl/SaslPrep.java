package dev.mailroom.client.sasl;

import java.text.Normalizer;
import java.util.Objects;

/**
 * SASLprep (RFC 4013): the stringprep profile (RFC 3454) for user names and passwords, used by SCRAM before it
 * hashes or sends them.
 *
 * <p>The steps, in RFC 3454 order: map the "commonly mapped to nothing" characters (Table B.1) to nothing and
 * non-ASCII spaces (Table C.1.2) to U+0020 (RFC 4013 §2.1); normalize to NFKC (§2.2, via {@link Normalizer});
 * reject the prohibited output of §2.3 (Tables C.1.2, C.2.1, C.2.2, C.3 to C.9); apply the bidirectional rules of
 * RFC 3454 §6 (§2.4). A <em>stored string</em> must not contain code points unassigned in Unicode 3.2 (Table A.1); a
 * <em>query</em> may (RFC 3454 §7).
 *
 * <pre>{@code
 * String user = SaslPrep.query(typedUserName);        // "I<U+00AD>X" becomes "IX", "<U+2168>" becomes "IX"
 * String pass = SaslPrep.storedString(typedPassword); // "pässwörd" is already NFKC and comes back unchanged
 * SaslPrep.query("bell" + (char) 7);                  // IllegalArgumentException: prohibited character
 * }</pre>
 *
 * <p>The JDK's normalizer implements a newer Unicode version than 3.2. For assigned Unicode 3.2 characters the result
 * is the same (Unicode's normalization stability policy); only queries holding code points that were unassigned in
 * 3.2 can differ from a strict Unicode 3.2 implementation. Error messages give the position and the rule, never the
 * character itself, because the input may be a password.
 */
public final class SaslPrep {
  private SaslPrep() {
  }

  /**
   * Prepares a query string: code points unassigned in Unicode 3.2 are allowed (RFC 3454 §7). RFC 5802 §5.1 prepares
   * the SCRAM user name this way.
   *
   * @throws IllegalArgumentException if the output holds a prohibited character or breaks the bidirectional rules
   */
  public static String query(String input) {
    return prepare(input, true);
  }

  /**
   * Prepares a stored string: code points unassigned in Unicode 3.2 are prohibited (RFC 3454 §7). RFC 5802 §2.2
   * ({@code Normalize}) prepares the SCRAM password this way.
   *
   * @throws IllegalArgumentException if the input holds an unassigned code point, or the output holds a prohibited
   *     character or breaks the bidirectional rules
   */
  public static String storedString(String input) {
    return prepare(input, false);
  }

  private static String prepare(String input, boolean allowUnassigned) {
    Objects.requireNonNull(input, "input");
    if (!allowUnassigned) {
      checkNone(input, StringPrepTables.UNASSIGNED, "code point unassigned in Unicode 3.2 (RFC 3454 Table A.1)");
    }
    String normalized = Normalizer.normalize(map(input), Normalizer.Form.NFKC);
    checkNone(normalized, StringPrepTables.PROHIBITED, "prohibited character (RFC 4013 §2.3)");
    checkBidi(normalized);
    return normalized;
  }

  /**
   * RFC 4013 §2.1: B.1 to nothing, C.1.2 to SPACE. U+200B ZERO WIDTH SPACE is in both tables; B.1 is applied first,
   * so it disappears rather than becoming a visible space (Unicode no longer counts it as a space).
   */
  private static String map(String input) {
    StringBuilder out = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); ) {
      int codePoint = input.codePointAt(i);
      i += Character.charCount(codePoint);
      if (StringPrepTables.contains(StringPrepTables.MAPPED_TO_NOTHING, codePoint)) {
        continue;
      }
      if (StringPrepTables.contains(StringPrepTables.NON_ASCII_SPACE, codePoint)) {
        out.append(' ');
      } else {
        out.appendCodePoint(codePoint);
      }
    }
    return out.toString();
  }

  private static void checkNone(String text, int[] table, String what) {
    int index = 0;
    for (int i = 0; i < text.length(); index++) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (StringPrepTables.contains(table, codePoint)) {
        throw new IllegalArgumentException("SASLprep: " + what + " at code point index " + index);
      }
    }
  }

  /** RFC 3454 §6: a string with an R/AL character has no L character and starts and ends with an R/AL character. */
  private static void checkBidi(String text) {
    boolean anyRandAl = false;
    boolean anyL = false;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      anyRandAl |= StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, codePoint);
      anyL |= StringPrepTables.contains(StringPrepTables.L_CAT, codePoint);
    }
    if (!anyRandAl) {
      return;
    }
    if (anyL) {
      throw new IllegalArgumentException(
          "SASLprep: mixes right-to-left and left-to-right characters (RFC 3454 §6 rule 2)");
    }
    int first = text.codePointAt(0);
    int last = text.codePointBefore(text.length());
    if (!StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, first)
        || !StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, last)) {
      throw new IllegalArgumentException(
          "SASLprep: right-to-left text must start and end with a right-to-left character (RFC 3454 §6 rule 3)");
    }
  }
}
