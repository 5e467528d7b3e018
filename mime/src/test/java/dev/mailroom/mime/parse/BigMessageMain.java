package dev.mailroom.mime.parse;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a forked JVM with a tiny heap by {@link BigMessageTest}: parses one large message three ways and prints
 * {@code <mode> leaves=N decoded=M ms=T} per way. Modes: {@code stream} ({@link MimeParser#decodedBody()} to a
 * counting sink), {@code file} ({@link MimeMessage#parse(Path, ParseOptions)}: bodies as file ranges), {@code spool}
 * (parse from a stream, large bodies spooled to a temporary directory).
 */
public final class BigMessageMain {
  private BigMessageMain() { }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Path spool = Path.of(args[1]);
    byte[] buffer = new byte[16 * 1024];

    long start = System.nanoTime();
    long leaves = 0;
    long decoded = 0;
    try (InputStream in = Files.newInputStream(file)) {
      MimeParser parser = MimeParser.of(in, ParserLimits.defaults());
      for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
        if (e instanceof MimeEvent.HeadersEnd h && h.bodyKind() == MimeEvent.BodyKind.LEAF) {
          leaves++;
          decoded += count(parser.decodedBody(), buffer);
        }
      }
    }
    report("stream", leaves, decoded, start);

    start = System.nanoTime();
    report("file", MimeMessage.parse(file, ParseOptions.defaults()), buffer, start);

    start = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage message = MimeMessage.parse(in, ParseOptions.defaults().withSpoolDirectory(spool));
      report("spool", message, buffer, start);
    }
  }

  private static void report(String mode, MimeMessage message, byte[] buffer, long start) throws IOException {
    long leaves = 0;
    long decoded = 0;
    for (MimePart leaf : Messages.leaves(message)) {
      leaves++;
      decoded += count(leaf.openDecoded(), buffer);
    }
    report(mode, leaves, decoded, start);
  }

  private static void report(String mode, long leaves, long decoded, long start) {
    System.out.println(mode + " leaves=" + leaves + " decoded=" + decoded + " ms="
        + (System.nanoTime() - start) / 1_000_000);
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
}
