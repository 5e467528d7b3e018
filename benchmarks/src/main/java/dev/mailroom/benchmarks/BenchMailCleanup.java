package dev.mailroom.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the SMTP benchmark's mail from bob's INBOX in the lab (IMAP on 127.0.0.1:10143), so a run leaves the test
 * mailbox as it found it. Only messages carrying the {@link SmtpMessage#MARKER_HEADER} are touched, by UID
 * ({@code UID EXPUNGE}, so other clients' {@code \Deleted} messages stay). Postfix delivers behind the sender, so it
 * first waits until the number of benchmark messages stops growing. A raw IMAP exchange: Mailroom's IMAP client does
 * not exist yet.
 */
final class BenchMailCleanup {
  private final Socket socket = new Socket();
  private final BufferedReader in;
  private final OutputStream out;
  private int tag;

  private BenchMailCleanup(int port) throws IOException {
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    socket.setSoTimeout(60_000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    String greeting = in.readLine();
    if (greeting == null || !greeting.startsWith("* OK")) {
      throw new IOException("unexpected IMAP greeting " + greeting);
    }
  }

  /**
   * Waits for delivery to settle (at most {@code maxWaitMillis}), then expunges the benchmark mail; returns how many.
   */
  static int run(int imapPort, long maxWaitMillis) throws IOException, InterruptedException {
    BenchMailCleanup imap = new BenchMailCleanup(imapPort);
    try (Socket s = imap.socket) {
      imap.command("LOGIN bob bob-pw");
      imap.command("SELECT INBOX");
      List<String> uids = imap.search();
      long deadline = System.currentTimeMillis() + maxWaitMillis;
      while (System.currentTimeMillis() < deadline) {
        Thread.sleep(3_000);
        imap.command("NOOP");
        List<String> now = imap.search();
        boolean settled = now.size() == uids.size();
        uids = now;
        if (settled) {
          break;
        }
      }
      for (int from = 0; from < uids.size(); from += 500) {
        String set = String.join(",", uids.subList(from, Math.min(uids.size(), from + 500)));
        imap.command("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)");
        imap.command("UID EXPUNGE " + set);
      }
      imap.command("LOGOUT");
      return uids.size();
    }
  }

  private List<String> search() throws IOException {
    List<String> uids = new ArrayList<>();
    for (String line : command("UID SEARCH HEADER " + SmtpMessage.MARKER_HEADER + " smtp-send")) {
      if (line.startsWith("* SEARCH")) {
        for (String uid : line.substring("* SEARCH".length()).trim().split(" ")) {
          if (!uid.isEmpty()) {
            uids.add(uid);
          }
        }
      }
    }
    return uids;
  }

  /** Sends one command and returns its untagged lines; throws unless the tagged reply is OK. */
  private List<String> command(String command) throws IOException {
    String t = "c" + (++tag);
    out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    List<String> untagged = new ArrayList<>();
    while (true) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("IMAP connection closed after " + command);
      }
      if (line.startsWith(t + " ")) {
        if (!line.startsWith(t + " OK")) {
          throw new IOException(command + ": " + line);
        }
        return untagged;
      }
      untagged.add(line);
    }
  }

  /** {@code BenchMailCleanup [imapPort=10143]}: removes the benchmark's messages from bob's INBOX. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 10143;
    System.out.println("removed " + run(port, 120_000) + " benchmark messages from bob's INBOX");
  }
}
