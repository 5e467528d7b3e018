package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimeParseException;
import dev.mailroom.mime.MimePart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Jazzer fuzz target for the parser (SECURITY.md §C). The oracle: only {@link MimeParseException} (a limit) or
 * another {@link java.io.IOException} may escape, never a runtime exception or error; every input that parses writes
 * back byte for byte (M14); the streaming parser's events carry the same bytes; decoding every leaf terminates
 * without throwing.
 *
 * <p>In a normal {@code mvn test} this is regression mode: it replays the committed seeds in
 * {@code src/test/resources/dev/mailroom/mime/parse/MimeParserFuzzTestInputs/parse/} (and any finding saved there).
 * To fuzz, one target per JVM:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl mime test -Dtest=MimeParserFuzzTest#parse
 * </pre>
 *
 * Jazzer keeps its working corpus in {@code .cifuzz-corpus/} (git-ignored) and writes a crashing input next to the
 * seeds as {@code crash-<sha1>}: commit it, and it becomes a regression test.
 */
class MimeParserFuzzTest {
  private static final ParserLimits LIMITS = ParserLimits.defaults().withMaxParts(2_000).withMaxDepth(24);

  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) throws IOException {
    MimeMessage message;
    try {
      message = MimeMessage.parse(new ByteArrayInputStream(input), ParseOptions.inMemory().withLimits(LIMITS));
    } catch (MimeParseException limit) {
      return;
    }
    byte[] expected = RoundTripTest.expectedBytes(input, message);
    assertArrayEquals(expected, message.toByteArray(), "writeTo is not byte-identical");
    assertEquals(expected.length, message.byteSize().getAsLong());
    for (MimePart leaf : Messages.leaves(message)) {
      try (InputStream in = leaf.openDecoded()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    List<MimeEvent> events = Messages.events(Messages.trickle(input, 1 + input.length % 7), LIMITS);
    assertArrayEquals(expected, Messages.reassemble(events), "events do not carry the input");
  }
}
