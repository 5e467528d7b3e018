package dev.mailroom.pop3;

import dev.mailroom.testkit.lab.MailLab;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact bytes {@code seed.py N --seed S} appends, produced by the lab's own generator (its {@code generate}
 * function), so interop tests can check that RETR returns every byte of what was seeded.
 */
final class SeededMessages {
  private SeededMessages() { }

  /** The messages {@code seed.py count --seed seed} appends to INBOX, in order (index 0 is X-Lab-Seq 1). */
  static List<byte[]> generate(int count, int seed) throws IOException, InterruptedException {
    String script = "import sys, struct\n"
        + "sys.path.insert(0, sys.argv[1])\n"
        + "import seed\n"
        + "out = sys.stdout.buffer\n"
        + "for i, raw, *_ in seed.generate(int(sys.argv[2]), sys.argv[3], 'imap', 'INBOX'):\n"
        + "    out.write(struct.pack('>I', len(raw))); out.write(raw)\n";
    Process process = new ProcessBuilder("python3", "-c", script, MailLab.seedScript().getParent().toString(),
        Integer.toString(count), Integer.toString(seed)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<byte[]> messages = new ArrayList<>();
    try (InputStream in = process.getInputStream()) {
      DataInputStream data = new DataInputStream(in);
      for (int i = 0; i < count; i++) {
        byte[] raw = new byte[data.readInt()];
        data.readFully(raw);
        messages.add(raw);
      }
    }
    if (process.waitFor() != 0) {
      throw new IOException("seed.py generate failed: " + process.exitValue());
    }
    return messages;
  }

  /** The Message-ID seed.py gives message {@code i} of seed {@code seed} in INBOX. */
  static String messageId(int seed, int i) {
    return "<imap." + seed + "." + i + ".INBOX@gen.example.test>";
  }

  /** The Message-ID header value in a header block, or "" (ASCII scan, no parsing library). */
  static String messageIdOf(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        return line.substring(11).trim();
      }
      if (line.isEmpty()) {
        break;
      }
    }
    return "";
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
