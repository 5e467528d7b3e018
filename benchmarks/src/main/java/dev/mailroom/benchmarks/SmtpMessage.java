package dev.mailroom.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The message every library sends in the SMTP benchmark: fixed headers and a 7-bit text/plain body of exactly the
 * requested size, CRLF line endings, 76-character lines, no line starting with a dot. Sender and recipient are both
 * {@value #MAILBOX} (the lab's test mailbox; any bounce would land there too). The header {@value #MARKER_HEADER}
 * marks benchmark mail so it can be removed from the mailbox afterwards.
 */
final class SmtpMessage {
  static final String MAILBOX = "bob@example.test";
  static final String MARKER_HEADER = "X-Mailroom-Bench";
  static final String CLIENT_NAME = "bench.example.test";

  private SmtpMessage() { }

  /** Headers plus a body of exactly {@code bodyBytes} bytes. */
  static byte[] build(int bodyBytes) {
    String headers = "From: Mailroom Bench <" + MAILBOX + ">\r\n"
        + "To: Bob <" + MAILBOX + ">\r\n"
        + "Subject: SMTP send benchmark, " + bodyBytes + " byte body\r\n"
        + "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
        + "Message-ID: <smtp-send-" + bodyBytes + "@bench.example.test>\r\n"
        + MARKER_HEADER + ": smtp-send\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=us-ascii\r\n"
        + "Content-Transfer-Encoding: 7bit\r\n"
        + "\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(headers.length() + bodyBytes);
    out.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
    if (bodyBytes < 3) {
      throw new IllegalArgumentException("body too small for one line: " + bodyBytes);
    }
    // lines of 76 characters + CRLF; when the remainder would be a line shorter than one character, the last two
    // lines share it
    int full = bodyBytes / 78;
    int rest = bodyBytes % 78;
    String words = "The quick brown fox jumps over the lazy dog while the mail queue drains. ";
    int line = 0;
    int lines = rest >= 3 || rest == 0 ? full : full - 1;
    for (; line < lines; line++) {
      writeLine(out, words, line, 76);
    }
    if (rest >= 3) {
      writeLine(out, words, line, rest - 2);
    } else if (rest > 0) {
      int both = rest + 78 - 4;
      writeLine(out, words, line, both / 2);
      writeLine(out, words, line + 1, both - both / 2);
    }
    byte[] message = out.toByteArray();
    if (message.length != headers.length() + bodyBytes) {
      throw new IllegalStateException("built " + message.length + " bytes, wanted " + (headers.length() + bodyBytes));
    }
    return message;
  }

  private static void writeLine(ByteArrayOutputStream out, String words, int line, int length) {
    StringBuilder text = new StringBuilder(length);
    int offset = (line * 7) % words.length();
    while (text.length() < length) {
      text.append(words.charAt((offset + text.length()) % words.length()));
    }
    if (text.charAt(0) == ' ' || text.charAt(0) == '.') {
      text.setCharAt(0, 'M');
    }
    out.writeBytes(text.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {'\r', '\n'});
  }
}
