package dev.mailroom.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SASLprep (RFC 4013) over the RFC 3454 tables. */
class SaslPrepTest {

  // RFC 4013 §3, the examples table, rows 1 to 7.

  @Test
  void rfc4013Example1SoftHyphenIsMappedToNothing() {
    assertEquals("IX", SaslPrep.storedString("I\u00ADX"));
  }

  @Test
  void rfc4013Example2And3AsciiIsUnchangedAndCaseIsPreserved() {
    assertEquals("user", SaslPrep.storedString("user"));
    assertEquals("USER", SaslPrep.storedString("USER"));
  }

  @Test
  void rfc4013Example4FeminineOrdinalBecomesAUnderNfkc() {
    assertEquals("a", SaslPrep.storedString("\u00AA"));
  }

  @Test
  void rfc4013Example5RomanNumeralNineBecomesIx() {
    assertEquals("IX", SaslPrep.storedString("\u2168"));
  }

  @Test
  void rfc4013Example6BellIsProhibited() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaslPrep.storedString("\u0007"));
    assertTrue(e.getMessage().contains("prohibited"), e.getMessage());
  }

  @Test
  void rfc4013Example7ArabicLetterFollowedByDigitFailsTheBidiCheck() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.storedString("\u0627\u0031"));
    assertTrue(e.getMessage().contains("RFC 3454 §6"), e.getMessage());
  }

  // Mapping, RFC 4013 §2.1.

  @Test
  void nonAsciiSpacesBecomeSpaceAndAreThenAllowed() {
    assertEquals("a b c d", SaslPrep.query("a\u00A0b\u3000c\u2003d"));
  }

  @Test
  void commonlyMappedToNothingCharactersDisappear() {
    assertEquals("abcd", SaslPrep.query("a\u200Bb\uFEFFc\uFE0Fd\u034F"));
  }

  // Normalization, RFC 4013 §2.2.

  @Test
  void decomposedUmlautsAreComposedSoCarolsPasswordMatchesEitherWay() {
    String composed = "p\u00E4ssw\u00F6rd";
    String decomposed = "pa\u0308sswo\u0308rd";
    assertEquals(composed, SaslPrep.storedString(composed));
    assertEquals(composed, SaslPrep.storedString(decomposed));
  }

  @Test
  void compatibilityCharactersAreFolded() {
    assertEquals("fi", SaslPrep.query("\uFB01"));
    assertEquals("A", SaslPrep.query("\uFF21")); // fullwidth A
  }

  // Prohibited output, RFC 4013 §2.3.

  @ParameterizedTest
  @ValueSource(strings = {
      "a\u0000b",      // C.2.1 NUL
      "a\u007Fb",      // C.2.1 DEL
      "a\u0085b",      // C.2.2 next line
      "a\u200Eb",      // C.2.2 / C.8 left-to-right mark
      "a\uE000b",      // C.3 private use
      "a\uFDD0b",      // C.4 non-character
      "a\uFFFFb",      // C.4 non-character
      "a\uD800b",      // C.5 lone surrogate
      "a\uFFFCb",      // C.6 object replacement character
      "a\u2FF0b",      // C.7 ideographic description character
      "a\u202Eb",      // C.8 right-to-left override
      "a\uDB40\uDC01b" // C.9 language tag U+E0001
  })
  void prohibitedCharactersAreRejected(String input) {
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.query(input));
  }

  @Test
  void supplementaryPrivateUseIsRejectedAsACodePointNotAsTwoChars() {
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.query("x\uDB80\uDC00")); // U+F0000, C.3
  }

  @Test
  void messageNamesThePositionButNeverTheCharacter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaslPrep.query("secr\u0007t"));
    assertTrue(e.getMessage().contains("index 4"), e.getMessage());
    assertFalse(e.getMessage().contains("secr"), e.getMessage());
  }

  // Unassigned code points, RFC 3454 §7 and RFC 4013 §2.5.

  @Test
  void unassignedCodePointIsAllowedInAQueryButNotInAStoredString() {
    String withUnassigned = "a\u0221b"; // U+0221 was unassigned in Unicode 3.2 (Table A.1)
    assertEquals(withUnassigned, SaslPrep.query(withUnassigned));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.storedString(withUnassigned));
    assertTrue(e.getMessage().contains("unassigned"), e.getMessage());
  }

  @Test
  void emojiIsUnassignedInUnicode32() {
    String grin = "pw\uD83D\uDE00"; // U+1F600
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.storedString(grin));
    assertEquals(grin, SaslPrep.query(grin));
  }

  // Bidirectional rules, RFC 3454 §6.

  @Test
  void rightToLeftStringThatStartsAndEndsWithRandAlIsAccepted() {
    assertEquals("\u05D0\u0031\u05D1", SaslPrep.query("\u05D0\u0031\u05D1"));
    assertEquals("\u0627", SaslPrep.query("\u0627"));
  }

  @Test
  void rightToLeftMixedWithLeftToRightIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.query("\u05D0a\u05D1"));
  }

  @Test
  void rightToLeftStringStartingWithADigitIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.query("1\u05D0"));
  }

  @Test
  void emptyStringStaysEmpty() {
    assertEquals("", SaslPrep.storedString(""));
  }

  // The tables themselves: spot checks against RFC 3454's appendices.

  @Test
  void tablesHoldTheirRfc3454Boundaries() {
    assertTrue(StringPrepTables.contains(StringPrepTables.UNASSIGNED, 0x0221));
    assertTrue(StringPrepTables.contains(StringPrepTables.UNASSIGNED, 0x0234));
    assertTrue(StringPrepTables.contains(StringPrepTables.UNASSIGNED, 0x024F));
    assertFalse(StringPrepTables.contains(StringPrepTables.UNASSIGNED, 0x0250));
    assertTrue(StringPrepTables.contains(StringPrepTables.UNASSIGNED, 0xE0080));
    assertTrue(StringPrepTables.contains(StringPrepTables.MAPPED_TO_NOTHING, 0x180C));
    assertFalse(StringPrepTables.contains(StringPrepTables.MAPPED_TO_NOTHING, 0x180E));
    assertTrue(StringPrepTables.contains(StringPrepTables.NON_ASCII_SPACE, 0x202F));
    assertFalse(StringPrepTables.contains(StringPrepTables.NON_ASCII_SPACE, 0x0020));
    assertTrue(StringPrepTables.contains(StringPrepTables.PROHIBITED, 0x10FFFF));
    assertFalse(StringPrepTables.contains(StringPrepTables.PROHIBITED, 'a'));
    assertTrue(StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, 0x05BE));
    assertTrue(StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, 0xFEFC));
    assertFalse(StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, 0xFEFD));
    assertTrue(StringPrepTables.contains(StringPrepTables.L_CAT, 0x10FFFD));
    assertFalse(StringPrepTables.contains(StringPrepTables.L_CAT, 0x0030));
  }
}
