package dev.mailroom.imap.internal;

import static dev.mailroom.imap.internal.ResponseDecodingTest.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodySection;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SECURITY.md A.4 rows about what the decoder accepts from a hostile server. */
class HostileResponsesTest {

  @Test
  @DisplayName("I07: absurd, negative, empty and spaced literal sizes are protocol errors; {0} is handled")
  void i07LiteralSizes() throws MailException {
    rejects("* 1 FETCH (BODY[] {99999999999999999999})\r\n");
    rejects("* 1 FETCH (BODY[] {-1}\r\n)\r\n");
    rejects("* 1 FETCH (BODY[] {}\r\n)\r\n");
    rejects("* 1 FETCH (BODY[] { 5}\r\n)\r\n");
    // A huge announced literal is streamed, never preallocated: the input simply ends (I08 below).
    rejects("* 1 FETCH (BODY[] {2147483648}\r\nabc");
    List<Response> r = ResponseDecoding.decodeAll("* 1 FETCH (BODY[] {0}\r\n)\r\n".getBytes(StandardCharsets.UTF_8),
        Limits.defaults());
    assertEquals(0, assertInstanceOf(Response.Fetch.class, r.get(0)).message().body(BodySection.whole())
        .orElseThrow().length);
  }

  @Test
  @DisplayName("I07/MEM: a literal larger than the in-memory limit is not buffered where a string is needed")
  void i07InMemoryBound() {
    rejects("* LIST () \"/\" {2000000}\r\n" + "x".repeat(100));
  }

  @Test
  @DisplayName("I08: a literal cut short by the end of the connection is a protocol error, not a partial body")
  void i08TruncatedLiteral() {
    rejects("* 1 FETCH (BODY[] {5000}\r\n" + "x".repeat(100));
  }

  @Test
  @DisplayName("I13: numbers beyond their RFC ranges are protocol errors")
  void i13Numbers() {
    rejects("* 4294967296 EXISTS\r\n");
    rejects("* 1 FETCH (UID 0)\r\n");
    rejects("* 1 FETCH (UID 4294967296)\r\n");
    rejects("* 0 FETCH (FLAGS ())\r\n");
    rejects("* 0 EXPUNGE\r\n");
    rejects("* STATUS x (MESSAGES 99999999999999999999)\r\n");
  }

  @Test
  @DisplayName("I14: COPYUID/APPENDUID/ESEARCH set bombs stay ranges; ESEARCH ALL 1:* is refused")
  void i14SetBombs() throws MailException {
    UidSet huge = UidSet.parse("1:4294967295");
    assertEquals(4294967295L, huge.size());
    assertEquals(1, huge.ranges().size());
    var result = MessageCommands.copyUid(new dev.mailroom.imap.ResponseCode("COPYUID",
        "1 1:4294967295 1:4294967295"));
    assertEquals("1:4294967295", result.destinationUids().orElseThrow().toString());
    rejects("* ESEARCH (TAG \"A1\") UID ALL 1:*\r\n");
    // Kept as text until someone asks: a plain SEARCH refuses to expand it, ESearchResult keeps it as a range.
    Response.ESearch e = assertInstanceOf(Response.ESearch.class, ResponseDecoding.decodeAll(
        "* ESEARCH (TAG \"A1\") UID ALL 1:4294967295\r\n".getBytes(StandardCharsets.UTF_8), Limits.defaults()).get(0));
    assertEquals("1:4294967295", e.all());
    List<Long> out = new java.util.ArrayList<>();
    assertThrows(dev.mailroom.client.MailProtocolException.class, () -> SearchCommands.expand(e.all(), out));
  }

  @Test
  @DisplayName("I15: malformed sequence sets are refused")
  void i15SetSyntax() {
    for (String bad : new String[] {"1,2,", "1:", "*:*:", ":5", "0", "1::2", ""}) {
      assertThrows(IllegalArgumentException.class, () -> UidSet.parse(bad), bad);
    }
    rejects("* ESEARCH UID ALL 1,2,\r\n");
    rejects("* ESEARCH UID ALL :5\r\n");
  }

  @Test
  @DisplayName("I16: BODYSTRUCTURE 100,000 levels deep and 1 MiB of '(' end in a protocol error, no stack overflow")
  void i16Nesting() {
    rejects("* 1 FETCH (BODYSTRUCTURE " + "(".repeat(100_000) + ")".repeat(100_000) + ")\r\n");
    rejects("* 1 FETCH (X-UNKNOWN " + "(".repeat(1 << 20) + ")\r\n");
  }

  @Test
  @DisplayName("I17: malformed data (empty STATUS, NIL for a string, 100 KB INTERNALDATE, bare CR) → protocol error")
  void i17Malformed() {
    rejects("* STATUS \"x\" ()\r\n");
    rejects("* 1 FETCH (INTERNALDATE \"" + "9".repeat(100_000) + "\")\r\n");
    rejects("* 1 FETCH (RFC822.SIZE " + "9".repeat(100_000) + ")\r\n");
    rejects("* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL))\r\n");
    rejects("* LIST () \"/\" \"a\rb\"\r\n");
    rejects("* 1 FETCH (BODYSTRUCTURE (NIL \"plain\" NIL NIL NIL \"7bit\" 1 1))\r\n");
    rejects("A1 MAYBE done\r\n");
  }

  @Test
  @DisplayName("I17: '* NO' without text is accepted as an empty text, not an NPE")
  void i17NoWithoutText() throws MailException {
    List<Response> r = ResponseDecoding.decodeAll("* NO\r\n".getBytes(StandardCharsets.US_ASCII),
        Limits.defaults());
    assertEquals("", assertInstanceOf(Response.Status.class, r.get(0)).text());
  }

  @Test
  @DisplayName("I22: a line longer than the limit is a protocol error; nothing unbounded is buffered")
  void i22LineBound() {
    InputStream endless = new InputStream() {
      private long served;

      @Override
      public int read() {
        return served++ < 3 ? "* x".charAt((int) served - 1) : 'a';
      }
    };
    assertThrows(MailProtocolException.class, () -> ResponseDecoding.decodeAll(endless,
        Limits.defaults().withMaxLineBytes(4096)));
  }

  @Test
  @DisplayName("I19: broken modified UTF-7 names from the server are protocol errors, never crashes")
  void i19BrokenNames() {
    for (String name : new String[] {"&", "&AGE", "&AGE-&AGE-", "&Jjo!", "caf\u00e9"}) {
      rejects("* LIST () \"/\" \"" + name + "\"\r\n");
    }
  }

  @Test
  @DisplayName("I27: a capability flood is bounded and unknown capabilities are kept harmlessly")
  void i27CapabilityFlood() throws MailProtocolException {
    StringBuilder caps = new StringBuilder("IMAP4rev1");
    for (int i = 0; i < 1000; i++) {
      caps.append(" AUTH=X").append(i);
    }
    caps.append(" IMAP4rev1 X-UNKNOWN");
    assertEquals(ResponseParser.MAX_CAPABILITIES, ResponseParser.capabilities(caps.toString()).size());
  }
}
