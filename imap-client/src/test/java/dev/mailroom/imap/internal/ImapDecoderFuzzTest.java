package dev.mailroom.imap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailroom.client.Limits;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.internal.wire.EncodedCommand;
import dev.mailroom.imap.internal.wire.ImapEncoder;
import dev.mailroom.imap.internal.wire.LiteralMode;
import dev.mailroom.imap.internal.wire.ModifiedUtf7;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets (SECURITY.md §C). In a normal {@code mvn test} they replay the committed seeds under
 * {@code src/test/resources/dev/mailroom/imap/internal/ImapDecoderFuzzTestInputs/<method>/}; to fuzz, one target per
 * JVM: {@code JAZZER_FUZZ=1 mvn -pl imap-client test -Dtest=ImapDecoderFuzzTest#responses}.
 */
class ImapDecoderFuzzTest {
  private static final Limits LIMITS = Limits.defaults().withMaxLineBytes(4096).withMaxInMemoryBytes(64 * 1024);

  /** The decoder ends only in {@link MailProtocolException}: never NPE, AIOOBE, StackOverflowError or OOM. */
  @FuzzTest(maxDuration = "60s")
  void responses(byte[] wire) {
    try {
      ResponseDecoding.decodeAll(wire, LIMITS);
    } catch (MailProtocolException expected) {
      // a grammar error is the only allowed failure
    } catch (dev.mailroom.client.MailException other) {
      throw new AssertionError("unexpected exception type", other);
    }
  }

  /** A mailbox name never injects a command: one line, or literals whose pieces hold no CR/LF. */
  @FuzzTest(maxDuration = "30s")
  void mailboxEncoding(FuzzedDataProvider data) {
    String name = data.consumeRemainingAsString();
    if (name.isEmpty() || name.indexOf('\0') >= 0
        || !name.equals(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))) {
      return;
    }
    EncodedCommand c = new ImapEncoder("SELECT", LiteralMode.SYNCHRONIZING, false).sp().mailbox(name).build();
    for (EncodedCommand.Piece p : c.pieces()) {
      String s = new String(p.bytes(), StandardCharsets.UTF_8);
      assertFalse(s.contains("\r") || s.contains("\n"), s);
    }
    assertEquals(name.equalsIgnoreCase("INBOX") ? "INBOX" : name,
        name.equalsIgnoreCase("INBOX") ? "INBOX" : ModifiedUtf7.decode(ModifiedUtf7.encode(name)));
  }
}
