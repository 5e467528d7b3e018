package dev.mailroom.mime.parse;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimeParseException;
import dev.mailroom.mime.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Run by {@link MemoryBoundTest} in a JVM with a 64 MiB heap (SECURITY.md R11): hostile 100 MB inputs generated as
 * they are read, every body streamed to a counting sink. Prints one {@code ok <case> ...} line per case; any failure
 * is an exception and a non-zero exit.
 */
public final class HostileBatteryMain {
  private static final long HUNDRED_MB = 100_000_000L;

  private HostileBatteryMain() { }

  public static void main(String[] args) throws IOException {
    Path spool = Path.of(args[0]);
    byte[] buffer = new byte[8192];

    // 1. a 100 MB base64 attachment, decoded by the streaming parser
    byte[] line = (Base64.getEncoder().encodeToString(new byte[57]) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    long lines = HUNDRED_MB / line.length;
    String head = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    long decoded = streamDecoded(BoundaryAbuseTest.repeat(head, new String(line, StandardCharsets.US_ASCII), lines,
        "--b--\r\n"), buffer);
    expect(decoded == lines * 57, "base64 decoded " + decoded);
    System.out.println("ok base64-100MB decoded=" + decoded);

    // 2. the same, parsed into a tree that spools the body, then decoded
    MimeMessage tree = MimeMessage.parse(BoundaryAbuseTest.repeat(head, new String(line, StandardCharsets.US_ASCII),
        lines, "--b--\r\n"), ParseOptions.defaults().withSpoolDirectory(spool));
    MimePart part = Messages.leaves(tree).get(0);
    expect(count(part.openDecoded(), buffer) == lines * 57, "spooled tree");
    System.out.println("ok spooled-tree-100MB");

    // 3. a 100 MB body without any line ending
    decoded = streamDecoded(BoundaryAbuseTest.repeat("Subject: x\r\n\r\n", "x".repeat(1000), HUNDRED_MB / 1000, ""),
        buffer);
    expect(decoded == HUNDRED_MB, "no line endings");
    System.out.println("ok no-line-endings-100MB");

    // 4. 100 MB of near-miss delimiter lines in a preamble and a body
    long nearMisses = streamDecoded(BoundaryAbuseTest.repeat("Content-Type: multipart/mixed; boundary=bb\r\n\r\n",
        "--b\r\n--bbx\r\n--bb-\r\n", HUNDRED_MB / 20, "--bb\r\n\r\nx\r\n--bb--\r\n"), buffer);
    expect(nearMisses == 1, "near-miss delimiters: leaf bytes " + nearMisses);
    System.out.println("ok near-miss-delimiters-100MB");

    // 5. 100 MB of folded header continuation lines: a limit error, early
    try {
      streamDecoded(BoundaryAbuseTest.repeat("Subject: x", "\r\n y", HUNDRED_MB / 4, "\r\n\r\n"), buffer);
      throw new AssertionError("no limit error for a 100 MB header");
    } catch (MimeParseException expected) {
      System.out.println("ok header-bomb-100MB " + expected.getMessage());
    }

    // 6. 100 MB of empty parts: the part limit
    try {
      MimeMessage.parse(BoundaryAbuseTest.repeat("Content-Type: multipart/mixed; boundary=b\r\n\r\n", "--b\r\n",
          HUNDRED_MB / 5, ""), ParseOptions.defaults().withSpoolDirectory(spool));
      throw new AssertionError("no limit error for 20 million parts");
    } catch (MimeParseException expected) {
      System.out.println("ok empty-parts " + expected.getMessage());
    }

    // 7. 100,000-deep nesting
    MimeMessage deep = MimeMessage.parse(NestingTest.deepMultipart(100_000));
    expect(Messages.leaves(deep).size() == 1, "deep nesting");
    System.out.println("ok nesting-100000");
  }

  private static long streamDecoded(InputStream in, byte[] buffer) throws IOException {
    MimeParser parser = MimeParser.of(in, ParserLimits.defaults());
    long total = 0;
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.HeadersEnd h && h.bodyKind() == MimeEvent.BodyKind.LEAF) {
        total += count(parser.decodedBody(), buffer);
      }
    }
    return total;
  }

  private static long count(InputStream in, byte[] buffer) throws IOException {
    long total = 0;
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
    }
    return total;
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  static List<String> cases() {
    return List.of("base64-100MB", "spooled-tree-100MB", "no-line-endings-100MB", "near-miss-delimiters-100MB",
        "header-bomb-100MB", "empty-parts", "nesting-100000");
  }
}
