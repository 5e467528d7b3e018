package dev.mailroom.mime.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated corpus ({@code gen.py --n 40 --seed 7}): for every message, the leaf count and the decoded byte total
 * equal the manifest (computed by Python's {@code email} package, {@code get_payload(decode=True)}), through the tree
 * (file ranges and spooled copies) and through the streaming parser; and the tree writes back byte for byte.
 *
 * <p>What the manifest implies, checked empirically: the line ending before a delimiter belongs to the delimiter
 * (RFC 2046 §5.1.1), so a body part's text ends without it; a message/rfc822 part is not a leaf, the message inside
 * is walked; quoted-printable soft breaks ({@code =CRLF}) vanish and hard CRLFs stay.
 */
class CorpusTest {
  private static final Path CORPUS = Path.of("target", "corpus");

  record Row(String file, long bytes, int leaves, long decoded, String kind) { }

  @BeforeAll
  static void generate() throws Exception {
    CorpusGenerator.generate("--n", "40", "--seed", "7", "--out", CORPUS.toString());
  }

  static List<Row> manifest() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      rows.add(new Row(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4]));
    }
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyMessageMatchesTheManifest() throws IOException {
    List<Row> rows = manifest();
    assertEquals(40, rows.size());
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.file() + " " + row.kind(), () -> check(row)));
  }

  private static void check(Row row) throws IOException {
    Path file = CORPUS.resolve(row.file());
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(row.bytes(), bytes.length);

    MimeMessage ranges = MimeMessage.parse(file, ParseOptions.defaults());
    assertTotals(row, ranges, "file ranges");
    assertArrayEquals(bytes, ranges.toByteArray(), "writeTo of the file-range tree");

    MimeMessage spooled = MimeMessage.parse(new ByteArrayInputStream(bytes), ParseOptions.defaults());
    assertTotals(row, spooled, "spooled");
    assertArrayEquals(bytes, spooled.toByteArray(), "writeTo of the spooled tree");
    assertEquals(bytes.length, spooled.byteSize().getAsLong());

    long[] streamed = streamTotals(bytes);
    assertEquals(row.leaves(), streamed[0], "leaves (pull parser)");
    assertEquals(row.decoded(), streamed[1], "decoded bytes (pull parser)");
  }

  private static void assertTotals(Row row, MimeMessage message, String how) throws IOException {
    List<MimePart> leaves = Messages.leaves(message);
    assertEquals(row.leaves(), leaves.size(), "leaves (" + how + ")");
    long decoded = 0;
    for (MimePart leaf : leaves) {
      try (InputStream in = leaf.openDecoded()) {
        decoded += in.transferTo(OutputStreamSink.INSTANCE);
      }
      assertTrue(leaf.defects().isEmpty(), leaf + " " + leaf.defects());
    }
    assertEquals(row.decoded(), decoded, "decoded bytes (" + how + ")");
    assertTrue(Messages.allDefects(message).isEmpty(), Messages.allDefects(message).toString());
  }

  /** Leaves and decoded bytes through {@link MimeParser#decodedBody()}. */
  static long[] streamTotals(byte[] bytes) throws IOException {
    MimeParser parser = MimeParser.of(new ByteArrayInputStream(bytes), ParserLimits.defaults());
    long leaves = 0;
    long decoded = 0;
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.HeadersEnd h && h.bodyKind() == MimeEvent.BodyKind.LEAF) {
        leaves++;
        try (InputStream in = parser.decodedBody()) {
          decoded += in.transferTo(OutputStreamSink.INSTANCE);
        }
      } else if (e instanceof MimeEvent.Defect d) {
        throw new AssertionError("defect in a generated message: " + d);
      }
    }
    return new long[] {leaves, decoded};
  }

  /** Discards bytes. */
  static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) { }

    @Override
    public void write(byte[] b, int off, int len) { }
  }
}
