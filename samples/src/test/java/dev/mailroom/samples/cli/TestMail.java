package dev.mailroom.samples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Messages for the fetch and check tests, and readers for what {@code fetch} stored. */
final class TestMail {
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: *(<[^>\r\n]+>)");

  private TestMail() { }

  /**
   * A message {@code <RUN.i@test.example>} with subject {@code message i} and a body of about {@code bodyBytes},
   * whose lines include one starting with {@code From } (mbox quoting).
   */
  static byte[] message(String run, int i, int bodyBytes) {
    StringBuilder body = new StringBuilder("From the test: message " + i + "\r\n");
    while (body.length() < bodyBytes) {
      body.append("line ").append(body.length()).append(" of message ").append(i).append(" in run ").append(run)
          .append("\r\n");
    }
    return ("From: Alice <alice@example.test>\r\nTo: bob@example.test\r\nSubject: message " + i + "\r\n"
        + "Message-ID: <" + run + "." + i + "@test.example>\r\nX-Test-Run: " + run + "\r\n"
        + "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
  }

  /** The CA certificate of a test server as a PEM file, for {@code --trust-pem}. */
  static Path caPem(dev.mailroom.testkit.TestCertificates certificates, Path dir) throws Exception {
    String pem = "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
            certificates.caCertificate().getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(dir.resolve("ca.pem"), pem);
  }

  /** The number of regular files in a directory (0 when it does not exist). */
  static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  /** The first Message-ID in {@code bytes}. */
  static String messageId(byte[] bytes) {
    Matcher m = MESSAGE_ID.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      throw new AssertionError("no Message-ID in " + new String(bytes, StandardCharsets.ISO_8859_1));
    }
    return m.group(1);
  }

  /** Every file in a Maildir's {@code new/} and {@code cur/}. */
  static List<byte[]> maildir(Path dir) throws IOException {
    List<byte[]> all = new ArrayList<>(files(dir.resolve("new"), "glob:*"));
    all.addAll(files(dir.resolve("cur"), "glob:*"));
    return all;
  }

  /** Every {@code .eml} file in a directory. */
  static List<byte[]> emlDirectory(Path dir) throws IOException {
    return files(dir, "glob:*.eml");
  }

  /** The messages of an mbox file, each without its From line and the blank line that ends it. */
  static List<String> mbox(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    List<String> messages = new ArrayList<>();
    for (String part : ("\n" + text).split("\nFrom ")) {
      if (!part.isEmpty()) {
        String message = part.substring(part.indexOf('\n') + 1);
        messages.add(message.endsWith("\n\n") ? message.substring(0, message.length() - 1) : message);
      }
    }
    return messages;
  }

  /** The Message-IDs of a list of messages. */
  static List<String> ids(List<byte[]> messages) {
    return messages.stream().map(TestMail::messageId).sorted().toList();
  }

  private static List<byte[]> files(Path dir, String glob) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    var matcher = dir.getFileSystem().getPathMatcher(glob);
    List<byte[]> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName())).sorted()
          .toList()) {
        all.add(Files.readAllBytes(f));
      }
    }
    return all;
  }
}
