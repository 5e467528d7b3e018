package dev.mailroom.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3MessageInfo;

/**
 * Apache Commons Net {@link POP3Client} retrieving the benchmark messages: connect, USER/PASS, UIDL, then
 * {@code retrieveMessage} (one RETR each, waiting for every reply) read to the end as characters, QUIT.
 */
final class CommonsNetPop3Peer {
  private final String host;
  private final int port;
  private final Set<String> uids;
  private final char[] buffer = new char[16 * 1024];

  CommonsNetPop3Peer(String host, int port, Set<String> uids) {
    this.host = host;
    this.port = port;
    this.uids = uids;
  }

  long retrieve() throws IOException {
    POP3Client client = new POP3Client();
    client.setDefaultTimeout(10_000);
    client.connect(host, port);
    long count = 0;
    try {
      client.setSoTimeout(60_000);
      if (!client.login(Pop3BenchMailbox.USER, Pop3BenchMailbox.PASSWORD)) {
        throw new IOException("login refused: " + client.getReplyString());
      }
      POP3MessageInfo[] listing = client.listUniqueIdentifiers();
      for (POP3MessageInfo info : listing) {
        if (!uids.contains(info.identifier)) {
          continue;
        }
        try (Reader reader = client.retrieveMessage(info.number)) {
          int n;
          while ((n = reader.read(buffer)) != -1) {
            count += n;
          }
        }
      }
      client.logout();
    } finally {
      client.disconnect();
    }
    return Pop3RetrieveBenchmark.checked(count, uids.size());
  }
}
