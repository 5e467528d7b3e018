package dev.mailroom.client.internal.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict base64 for SASL challenges (RFC 4648 §4). */
class StrictBase64Test {

  @Test
  void decodesCanonicalBase64IncludingRfc4648TestVectors() {
    assertArrayEquals(new byte[0], StrictBase64.decode("", 10));
    assertArrayEquals("f".getBytes(UTF_8), StrictBase64.decode("Zg==", 10));
    assertArrayEquals("fo".getBytes(UTF_8), StrictBase64.decode("Zm8=", 10));
    assertArrayEquals("foo".getBytes(UTF_8), StrictBase64.decode("Zm9v", 10));
    assertArrayEquals("foobar".getBytes(UTF_8), StrictBase64.decode("Zm9vYmFy", 10));
    assertArrayEquals(new byte[] {(byte) 0xFB, (byte) 0xFF}, StrictBase64.decode("+/8=", 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Zg",          // missing padding
      "Zm9",         // length not a multiple of 4
      "Zm 9v",       // space
      "Zm9v\r\n",    // line break
      "Zm-v",        // URL-safe alphabet
      "Zh==",        // non-zero pad bits
      "Zm9=",        // non-zero pad bits
      "=Zm9",        // padding first
      "Zg=a",        // padding in the middle
      "Z===",        // too much padding
      "Zm9vYmFy====" // padding group alone
  })
  void rejectsAnythingNotStrictlyCanonical(String text) {
    assertThrows(IllegalArgumentException.class, () -> StrictBase64.decode(text, 100));
  }

  @Test
  void boundIsOnTheDecodedSizeAndCheckedFirst() {
    assertArrayEquals("foobar".getBytes(UTF_8), StrictBase64.decode("Zm9vYmFy", 6));
    assertThrows(IllegalArgumentException.class, () -> StrictBase64.decode("Zm9vYmFy", 5));
    assertArrayEquals("fo".getBytes(UTF_8), StrictBase64.decode("Zm8=", 2));
    assertThrows(IllegalArgumentException.class, () -> StrictBase64.decode("Zm8=", 1));
  }
}
