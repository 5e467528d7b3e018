package dev.mailroom.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 6125 §6.4 name matching used after the JDK's own check (SECURITY.md T11). */
class HostnameCheckTest {
  @Test
  void exactNamesMatchCaseInsensitively() {
    assertTrue(HostnameCheck.dnsMatches("mail.example.org", "mail.example.org"));
    assertTrue(HostnameCheck.dnsMatches("MAIL.Example.org", "mail.example.ORG"));
    assertTrue(HostnameCheck.dnsMatches("mail.example.org.", "mail.example.org"));
    assertFalse(HostnameCheck.dnsMatches("other.example.org", "mail.example.org"));
    assertFalse(HostnameCheck.dnsMatches("example.org", "mail.example.org"));
  }

  @Test
  void wildcardCoversExactlyOneLeftMostLabel() {
    assertTrue(HostnameCheck.dnsMatches("imap.example.org", "*.example.org"));
    assertFalse(HostnameCheck.dnsMatches("a.imap.example.org", "*.example.org"));
    assertFalse(HostnameCheck.dnsMatches("example.org", "*.example.org"));
    assertFalse(HostnameCheck.dnsMatches("example.org", "*.org"));
    assertFalse(HostnameCheck.dnsMatches("a.b.org", "*.*.org"));
    assertFalse(HostnameCheck.dnsMatches("imap.example.org", "im*.example.org"));
  }

  @Test
  void ipLiteralsAreRecognised() {
    assertTrue(HostnameCheck.isIpLiteral("127.0.0.1"));
    assertTrue(HostnameCheck.isIpLiteral("::1"));
    assertFalse(HostnameCheck.isIpLiteral("localhost"));
    assertFalse(HostnameCheck.isIpLiteral("1.example.org"));
  }
}
