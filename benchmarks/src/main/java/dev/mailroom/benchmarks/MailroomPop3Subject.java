package dev.mailroom.benchmarks;

import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3Session;
import dev.mailroom.pop3.UidlEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mailroom retrieving the benchmark messages as a user would: log in, UIDL, then {@code retrieveAll} (RETR pipelined
 * in a window when the server offers PIPELINING, as Dovecot does), each body streamed into a counting sink, QUIT.
 */
final class MailroomPop3Subject {
  private final Pop3Client client;
  private final Set<String> uids;
  private final CountingSink sink = new CountingSink();

  MailroomPop3Subject(String host, int port, Set<String> uids) {
    this.client = Pop3BenchMailbox.client(host, port);
    this.uids = uids;
  }

  /** One session: returns the bytes retrieved. */
  long retrieve() throws Exception {
    long before = sink.count;
    try (Pop3Session session = client.connect()) {
      List<Integer> numbers = new ArrayList<>(uids.size());
      for (UidlEntry entry : session.uidl()) {
        if (uids.contains(entry.uid())) {
          numbers.add(entry.number());
        }
      }
      session.retrieveAll(numbers, (number, body) -> sink.drain(body));
      session.quit();
    }
    return Pop3RetrieveBenchmark.checked(sink.count - before, uids.size());
  }
}
