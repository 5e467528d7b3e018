package dev.mailroom.benchmarks;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.pop3.Pop3AuthMethod;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3Session;
import dev.mailroom.pop3.UidlEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The POP3 benchmark's mailbox: {@value #COUNT} messages seeded into bob's INBOX by the lab's {@code seed.py} with the
 * dedicated seed {@value #SEED} (Message-IDs {@code <imap.61.i.INBOX@gen.example.test>}), found again by UIDL and
 * Message-ID. Their unique-ids are kept in a file, so later runs reuse them; {@link #remove} deletes exactly them.
 * bob's other mail is never read: other sessions deliver there at the same time.
 */
final class Pop3BenchMailbox {
  static final int COUNT = 500;
  static final int SEED = 61;
  static final String USER = "bob";
  static final String PASSWORD = "bob-pw";

  private Pop3BenchMailbox() { }

  static Pop3Client client(String host, int port) {
    return Pop3Client.builder().endpoint(Endpoint.plain(host, port))
        .credentials(Credentials.password(USER, PASSWORD)).authMethod(Pop3AuthMethod.USER_PASS).build();
  }

  /** The unique-ids of the benchmark's messages, seeding them first if they are not all there. */
  static List<String> prepare(Path shared, Path uidFile, int pop3Port) throws Exception {
    Pop3Client client = client("127.0.0.1", pop3Port);
    if (Files.isRegularFile(uidFile)) {
      List<String> cached = Files.readAllLines(uidFile, StandardCharsets.US_ASCII);
      Set<String> present = uids(client);
      if (cached.size() == COUNT && present.containsAll(cached)) {
        return cached;
      }
      remove(uidFile, pop3Port);
    }
    Set<String> before = uids(client);
    Process seed = new ProcessBuilder("python3", shared.resolve("lab/seed.py").toString(), Integer.toString(COUNT),
        "--seed", Integer.toString(SEED), "--user", USER, "--password", PASSWORD, "--port", "10143", "--no-reset",
        "--no-folders", "-q").redirectErrorStream(true).start();
    byte[] output = seed.getInputStream().readAllBytes();
    if (seed.waitFor() != 0) {
      throw new IOException("seed.py failed: " + new String(output, StandardCharsets.UTF_8));
    }
    Map<Integer, String> bySeq = new LinkedHashMap<>();
    try (Pop3Session session = client.connect()) {
      List<UidlEntry> fresh = new ArrayList<>();
      for (UidlEntry entry : session.uidl()) {
        if (!before.contains(entry.uid())) {
          fresh.add(entry);
        }
      }
      List<Integer> numbers = fresh.stream().map(UidlEntry::number).toList();
      Map<Integer, String> uidByNumber = new LinkedHashMap<>();
      fresh.forEach(e -> uidByNumber.put(e.number(), e.uid()));
      session.topAll(numbers, 0, (number, head) -> {
        String id = messageId(head);
        for (int i = 1; i <= COUNT; i++) {
          if (id.equals("<imap." + SEED + "." + i + ".INBOX@gen.example.test>")) {
            bySeq.put(i, uidByNumber.get(number));
          }
        }
      });
      session.quit();
    }
    if (bySeq.size() != COUNT) {
      throw new IOException("found " + bySeq.size() + " of the " + COUNT + " seeded benchmark messages");
    }
    List<String> result = new ArrayList<>();
    for (int i = 1; i <= COUNT; i++) {
      result.add(bySeq.get(i));
    }
    Files.createDirectories(uidFile.toAbsolutePath().getParent());
    Files.write(uidFile, result, StandardCharsets.US_ASCII);
    return result;
  }

  /** Deletes the messages whose unique-ids are in {@code uidFile} (only those) and the file; returns how many. */
  static int remove(Path uidFile, int pop3Port) throws Exception {
    if (!Files.isRegularFile(uidFile)) {
      return 0;
    }
    Set<String> ours = new HashSet<>(Files.readAllLines(uidFile, StandardCharsets.US_ASCII));
    try (Pop3Session session = client("127.0.0.1", pop3Port).connect()) {
      List<Integer> numbers = new ArrayList<>();
      for (UidlEntry entry : session.uidl()) {
        if (ours.contains(entry.uid())) {
          numbers.add(entry.number());
        }
      }
      session.deleteAll(numbers);
      if (!session.quit().committed()) {
        throw new IOException("QUIT was not committed: the benchmark messages are still in bob's INBOX");
      }
      Files.delete(uidFile);
      return numbers.size();
    }
  }

  /** Total octets of the benchmark messages (LIST sizes). */
  static long totalBytes(List<String> uids, int pop3Port) throws Exception {
    Set<String> ours = new HashSet<>(uids);
    try (Pop3Session session = client("127.0.0.1", pop3Port).connect()) {
      Map<Integer, Long> sizes = new LinkedHashMap<>();
      session.list().forEach(e -> sizes.put(e.number(), e.sizeOctets()));
      long total = 0;
      for (UidlEntry entry : session.uidl()) {
        if (ours.contains(entry.uid())) {
          total += sizes.get(entry.number());
        }
      }
      session.quit();
      return total;
    }
  }

  private static Set<String> uids(Pop3Client client) throws Exception {
    Set<String> uids = new HashSet<>();
    try (Pop3Session session = client.connect()) {
      session.uidl().forEach(e -> uids.add(e.uid()));
      session.quit();
    }
    return uids;
  }

  private static String messageId(InputStream head) throws IOException {
    String text = new String(head.readAllBytes(), StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        return line.substring(11).trim();
      }
    }
    return "";
  }
}
