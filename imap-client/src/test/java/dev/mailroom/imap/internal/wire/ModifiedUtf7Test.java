package dev.mailroom.imap.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {
  @Test
  void encodesTheRfcExamples() {
    assertEquals("~peter/mail/&U,BTFw-/&ZeVnLIqe-", ModifiedUtf7.encode("~peter/mail/台北/日本語"));
    assertEquals("R&AOk-unions", ModifiedUtf7.encode("Réunions"));
    assertEquals("&-", ModifiedUtf7.encode("&"));
    assertEquals("a&-b", ModifiedUtf7.encode("a&b"));
    assertEquals("&2D3eAA-", ModifiedUtf7.encode("\uD83D\uDE00"));
  }

  @Test
  void roundTrips() {
    for (String s : new String[] {"INBOX", "Réunions", "台北/日本語", "&&", "x\u0001y", "\uD83D\uDE00 ok", "~"}) {
      assertEquals(s, ModifiedUtf7.decode(ModifiedUtf7.encode(s)));
    }
  }

  @Test
  @DisplayName("I19: '&', '&AGE', '&AGE-&AGE-', '&Jjo!' are refused; '&2D3dAA-' (a valid pair) decodes; canonical")
  void i19Malformed() {
    assertEquals("\uD83D\uDD00", ModifiedUtf7.decode("&2D3dAA-"));
    assertEquals("&2D3dAA-", ModifiedUtf7.encode("\uD83D\uDD00"));
    for (String bad : new String[] {"&", "&AGE", "&AGE-&AGE-", "&Jjo!", "&AGEA-", "caf\u00e9", "&AGE,-", "&AGE-"}) {
      assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(bad), bad);
    }
  }
}
