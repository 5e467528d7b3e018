package dev.mailroom.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.net.imap.IMAPClient;

/**
 * Apache Commons Net {@link IMAPClient} downloading every body: {@code FETCH n (BODY.PEEK[])} per message, each a
 * round trip whose reply Commons Net buffers as text (it has no literal streaming), counted in bytes.
 */
final class CommonsNetImapPeer implements AutoCloseable {
  private final IMAPClient imap = new IMAPClient();
  private final long messages;

  CommonsNetImapPeer(String host, int port, String user, String password, long messages) throws IOException {
    imap.setDefaultTimeout(60_000);
    imap.setCharset(StandardCharsets.ISO_8859_1);
    imap.connect(host, port);
    if (!imap.login(user, password) || !imap.examine("INBOX")) {
      throw new IOException("login/examine failed: " + imap.getReplyString());
    }
    this.messages = messages;
  }

  long download() throws IOException {
    long total = 0;
    for (long i = 1; i <= messages; i++) {
      if (!imap.fetch(Long.toString(i), "(BODY.PEEK[])")) {
        throw new IOException("FETCH failed: " + imap.getReplyString());
      }
      total += imap.getReplyString().length();
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    imap.logout();
    imap.disconnect();
  }
}
