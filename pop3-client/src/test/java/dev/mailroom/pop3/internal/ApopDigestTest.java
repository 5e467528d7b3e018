package dev.mailroom.pop3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** APOP timestamp syntax and digest (RFC 1939 §7). */
class ApopDigestTest {
  @Test
  void rfc1939Example() {
    String greeting = "POP3 server ready <1896.697170952@dbc.mtview.ca.us>";
    String timestamp = ApopDigest.timestamp(greeting);
    assertEquals("<1896.697170952@dbc.mtview.ca.us>", timestamp);
    assertEquals("c4c9334bac560ecc979e58001b3e22fb", ApopDigest.digest(timestamp, "tanstaaf"));
  }

  @Test
  void dovecotTimestamp() {
    assertEquals("<15de.13.6b031d07.E5OkzMW940mTXOsUX3h2Ww==@vm>",
        ApopDigest.timestamp("Dovecot (Debian) ready. <15de.13.6b031d07.E5OkzMW940mTXOsUX3h2Ww==@vm>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ready", "ready <>", "ready <no-at-sign>", "ready <@x>", "ready <x@>", "ready <a@b@c>",
      "ready <a b@c>", "ready <a@b> <c@d>", "ready <a\\x1B@b>", "ready <a@b", "ready a@b>", "ready <<a@b>"})
  void malformedTimestampsAreNoTimestampP01(String greeting) {
    assertNull(ApopDigest.timestamp(greeting));
  }

  @Test
  void overlongTimestampIsNoTimestampP01() {
    assertNull(ApopDigest.timestamp("ready <" + "a".repeat(300) + "@b>"));
    assertNull(ApopDigest.timestamp("ready <" + "a".repeat(10 * 1024) + "@b>"));
  }
}
