package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.codec.EncodedWord;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxAddressTest {
  @Test
  void parseOneMailbox() {
    MailboxAddress m = MailboxAddress.parse("=?UTF-8?Q?Andr=C3=A9?= <andre@b\u00fccher.example>");
    assertEquals("Andr\u00e9", m.displayName());
    assertEquals("andre", m.localPart());
    assertEquals("b\u00fccher.example", m.domain());
    assertEquals(Optional.of("xn--bcher-kva.example"), m.asciiDomain());
    assertTrue(m.hasDisplayName());
    assertEquals("=?UTF-8?B?QW5kcsOp?= <andre@b\u00fccher.example>", m.toHeaderValue());
    assertEquals("Andr\u00e9 <andre@b\u00fccher.example>", m.toUtf8HeaderValue());
    assertEquals("Andr\u00e9 <andre@b\u00fccher.example>", m.toString());
  }

  @Test
  void parseRefusesAnythingButOneExactMailbox() {
    for (String s : new String[] {"", "a@b.example, c@d.example", "g: a@b.example;", "a@b@c", "Bob <bob@x.example",
        "alice@example.org)<bob@example.org>", "John john@example.org"}) {
      assertThrows(IllegalArgumentException.class, () -> MailboxAddress.parse(s), s);
    }
  }

  @Test
  void ofBareAddress() {
    assertEquals(new MailboxAddress("", "a.b", "example.org"), MailboxAddress.of("a.b@example.org"));
    assertEquals("Name", MailboxAddress.of("Name", "a@example.org").displayName());
    assertEquals("\"with space\"@example.org", MailboxAddress.of("\"with space\"@example.org").address());
    for (String s : new String[] {"Name <a@example.org>", "a@example.org, b@example.org", "a", "a@b\r\n.org",
        "a\0@b.org"}) {
      assertThrows(IllegalArgumentException.class, () -> MailboxAddress.of(s), s);
    }
  }

  @Test
  void constructorValidates() {
    assertThrows(IllegalArgumentException.class, () -> new MailboxAddress("", "", "x.org"));
    assertThrows(IllegalArgumentException.class, () -> new MailboxAddress("", "a\r\nb", "x.org"));
    assertThrows(IllegalArgumentException.class, () -> new MailboxAddress("", "a", "x..org"));
    assertThrows(IllegalArgumentException.class, () -> new MailboxAddress("", "a", "x org"));
    assertThrows(IllegalArgumentException.class, () -> new MailboxAddress("", "a", "[1.2\\.3]"));
    assertEquals("", new MailboxAddress(null, "a", "x.org").displayName());
  }

  @Test
  void displayNamesAreQuotedOrEncoded() {
    assertEquals("Bob Smith <b@x.org>", MailboxAddress.of("Bob Smith", "b@x.org").toHeaderValue());
    assertEquals("\"Bob Q. Smith\" <b@x.org>", MailboxAddress.of("Bob Q. Smith", "b@x.org").toHeaderValue());
    assertEquals("\"a \\\"b\\\" \\\\ c\" <b@x.org>", MailboxAddress.of("a \"b\" \\ c", "b@x.org").toHeaderValue());
    assertEquals("\" lead\" <b@x.org>", MailboxAddress.of(" lead", "b@x.org").toHeaderValue());
    String tricky = MailboxAddress.of("=?utf-8?q?x?=", "b@x.org").toHeaderValue();
    assertEquals("=?utf-8?q?x?=", MailboxAddress.parse(tricky).displayName());
  }

  /** SECURITY.md M01: a display name with CR/LF (e.g. decoded from an encoded word) is never written raw. */
  @Test
  void m01DisplayNameInjection() {
    MailboxAddress m = MailboxAddress.of("Eve\r\nBcc: victim@example.org", "eve@example.org");
    for (String value : new String[] {m.toHeaderValue(), m.toUtf8HeaderValue()}) {
      assertFalse(EncodedWord.containsLineBreak(value), value);
      Header.ofWireValue("From", value);
      assertEquals(m, MailboxAddress.parse(value));
    }
  }

  @Test
  void quotedLocalPartsRoundTrip() {
    MailboxAddress m = new MailboxAddress("", "john \"the\" doe", "example.org");
    assertEquals("\"john \\\"the\\\" doe\"@example.org", m.address());
    assertEquals(m, MailboxAddress.of(m.address()));
    assertEquals(".lead@example.org", new MailboxAddress("", ".lead", "example.org").address().replace("\"", ""));
    assertEquals("\".lead\"@example.org", new MailboxAddress("", ".lead", "example.org").address());
  }

  @Test
  void envelopeChecks() {
    assertEquals("a.b+c@example.org", MailboxAddress.checkEnvelopeAddress("a.b+c@example.org"));
    assertEquals("\"x y\"@example.org", MailboxAddress.checkEnvelopeAddress("\"x y\"@example.org"));
    assertEquals("user@[192.0.2.1]", MailboxAddress.checkEnvelopeAddress("user@[192.0.2.1]"));
    assertEquals("j\u00f6rg@b\u00fccher.example", MailboxAddress.checkEnvelopeAddress("j\u00f6rg@b\u00fccher.example"));
    for (String s : new String[] {"a@b.org\r\nRCPT TO:<x@y.org>", "a@b.org\n", "a\0@b.org", "a b@c.org",
        "a@b.org (comment)", "<a@b.org>", "a@b_c.org", "a@-b.org", "a@b.org,c@d.org", "a", "", "a@",
        "x".repeat(250) + "@b.org", "\"a\rb\"@c.org", "a@b\u0085.org"}) {
      assertThrows(IllegalArgumentException.class, () -> MailboxAddress.checkEnvelopeAddress(s), s);
    }
    assertEquals("bob@example.org", MailboxAddress.parse("Bob <bob@example.org>").envelopeAddress());
    assertThrows(IllegalArgumentException.class, () -> new MailboxAddress("", "a", "b#c.org").envelopeAddress());
  }

  @Test
  void asciiForms() {
    assertTrue(MailboxAddress.of("a@example.org").isAscii());
    assertEquals(Optional.of("[192.0.2.1]"), MailboxAddress.of("a@[192.0.2.1]").asciiDomain());
    assertEquals(Optional.of("example.org"), MailboxAddress.of("a@example.org").asciiDomain());
  }
}
