package dev.mailroom.pop3.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.pop3.ListEntry;
import dev.mailroom.pop3.MaildropStat;
import dev.mailroom.pop3.Pop3Reply;
import dev.mailroom.pop3.UidlEntry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drop, scan and unique-id listings (RFC 1939 §5, §7): P07, P08. */
class ListingsTest {
  private static List<byte[]> lines(String... lines) {
    return Arrays.stream(lines).map(l -> l.getBytes(UTF_8)).toList();
  }

  @Test
  void parsesWellFormedListings() throws Exception {
    assertEquals(new MaildropStat(2, 320), Listings.stat(new Pop3Reply(true, null, "2 320")));
    assertEquals(List.of(new ListEntry(1, 120), new ListEntry(3, 200)),
        Listings.scanListing(lines("1 120", "3 200 extra"), 3));
    assertEquals(List.of(new UidlEntry(1, "whqtswO00WBw418f9t5JxYwZ"), new UidlEntry(2, "../x"),
        new UidlEntry(3, "a/b")), Listings.uidListing(lines("1 whqtswO00WBw418f9t5JxYwZ", "2 ../x", "3 a/b"), 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999 1", "1 99999999999999999999", "-1 5", "2 -1", "x 1", "1", "",
      "2147483648 1"})
  void overflowingOrMalformedStatIsAProtocolErrorP08(String text) {
    assertThrows(MailProtocolException.class, () -> Listings.stat(new Pop3Reply(true, null, text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 -1", "1 99999999999999999999", "0 10", "1 1e3", "1"})
  void badScanListingIsAProtocolErrorP08(String line) {
    assertThrows(MailProtocolException.class, () -> Listings.scanListing(lines(line), 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 ", "1", "0 abc", "1 a b", "1 a\u0001b", "1 \u00e9t\u00e9"})
  void badUniqueIdIsAProtocolErrorP07(String line) {
    assertThrows(MailProtocolException.class, () -> Listings.uidListing(lines(line), 0));
  }

  @Test
  void uniqueIdOf71CharactersIsAProtocolErrorP07() throws Exception {
    Listings.uidListing(lines("1 " + "u".repeat(70)), 0);
    assertThrows(MailProtocolException.class, () -> Listings.uidListing(lines("1 " + "u".repeat(71)), 0));
  }

  @Test
  void duplicatesRepeatsAndNumbersBeyondStatAreProtocolErrorsP07() {
    assertThrows(MailProtocolException.class, () -> Listings.uidListing(lines("1 a", "2 a"), 0));
    assertThrows(MailProtocolException.class, () -> Listings.uidListing(lines("1 a", "1 b"), 0));
    assertThrows(MailProtocolException.class, () -> Listings.uidListing(lines("2 a", "1 b"), 0));
    assertThrows(MailProtocolException.class, () -> Listings.uidListing(lines("1 a", "3 b"), 2));
    assertThrows(MailProtocolException.class, () -> Listings.scanListing(lines("1 5", "3 5"), 2));
  }
}
