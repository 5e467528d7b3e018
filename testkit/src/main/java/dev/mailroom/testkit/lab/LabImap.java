package dev.mailroom.testkit.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately tiny IMAP reader for interop tests (plain IMAP on the lab's loopback port): log in, find a message
 * by Message-ID, fetch its exact bytes, optionally expunge it. It shares nothing with Mailroom's IMAP client, so a
 * test that sends with Mailroom and reads back here is not checking Mailroom against itself.
 */
final class LabImap implements AutoCloseable {
  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
  private static final Pattern SEARCH = Pattern.compile("^\\* SEARCH((?: \\d+)*)$");

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int tag;

  LabImap(String host, int port, MailLab.User user) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 5000);
    socket.setSoTimeout(30_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    line(); // greeting
    command("LOGIN " + quoted(user.name()) + " " + quoted(user.password()));
    command("SELECT INBOX");
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The UIDs of the messages with this Message-ID (one per delivered copy), maybe none. */
  java.util.List<Long> find(String messageId) throws IOException {
    String[] reply = command("UID SEARCH HEADER Message-ID " + quoted(messageId)).split("\r\n");
    java.util.List<Long> uids = new java.util.ArrayList<>();
    for (String l : reply) {
      Matcher m = SEARCH.matcher(l);
      if (m.matches() && !m.group(1).isBlank()) {
        for (String uid : m.group(1).trim().split(" ")) {
          uids.add(Long.parseLong(uid));
        }
      }
    }
    return uids;
  }

  /** The exact bytes of message {@code uid}. */
  byte[] fetch(long uid) throws IOException {
    String t = "t" + (++tag);
    send(t + " UID FETCH " + uid + " BODY.PEEK[]");
    byte[] body = null;
    while (true) {
      String l = line();
      Matcher m = LITERAL.matcher(l);
      if (m.find()) {
        body = in.readNBytes(Integer.parseInt(m.group(1)));
        continue;
      }
      if (l.startsWith(t + " ")) {
        if (!l.startsWith(t + " OK") || body == null) {
          throw new IOException("FETCH failed: " + l);
        }
        return body;
      }
    }
  }

  void expunge(long uid) throws IOException {
    command("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
    command("UID EXPUNGE " + uid);
  }

  private String command(String command) throws IOException {
    String t = "t" + (++tag);
    send(t + " " + command);
    StringBuilder all = new StringBuilder();
    while (true) {
      String l = line();
      all.append(l).append("\r\n");
      if (l.startsWith(t + " ")) {
        if (!l.startsWith(t + " OK")) {
          throw new IOException(command.split(" ")[0] + " failed: " + l);
        }
        return all.toString();
      }
    }
  }

  private void send(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
      }
      if (b.size() > 1_000_000) {
        throw new IOException("IMAP line too long");
      }
      b.write(c);
    }
    throw new IOException("IMAP connection closed");
  }

  @Override
  public void close() throws IOException {
    try {
      send("t" + (++tag) + " LOGOUT");
    } finally {
      socket.close();
    }
  }

  /** Polls until the message arrives or {@code timeout} passes; returns its bytes and, if asked, expunges it. */
  static byte[] await(String host, int port, MailLab.User user, String messageId, Duration timeout, boolean remove)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (LabImap imap = new LabImap(host, port, user)) {
        java.util.List<Long> uids = imap.find(messageId);
        if (!uids.isEmpty()) {
          byte[] bytes = imap.fetch(uids.get(0));
          if (remove) {
            for (long uid : uids) {
              imap.expunge(uid);
            }
          }
          return bytes;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("no message " + messageId + " for " + user.name() + " within " + timeout);
      }
      Thread.sleep(200);
    }
  }
}
