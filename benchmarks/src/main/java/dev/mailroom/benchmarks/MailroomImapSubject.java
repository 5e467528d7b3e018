package dev.mailroom.benchmarks;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import java.io.IOException;
import java.io.InputStream;

/**
 * Mailroom downloading every body of a mailbox: one session, EXAMINE, then one {@code FETCH 1:* (BODY.PEEK[])} whose
 * literals are streamed to a {@link CountingSink} on the reader thread (constant memory, one round trip).
 */
final class MailroomImapSubject implements AutoCloseable {
  private final ImapSession session;
  private final CountingSink sink = new CountingSink();
  private final long messages;

  MailroomImapSubject(String host, int port, String user, String password) throws Exception {
    session = ImapClient.builder().endpoint(Endpoint.plain(host, port).allowingCleartextCredentials())
        .credentials(Credentials.password(user, password)).loginAllowed(true).build().connect();
    messages = session.examine(MailboxName.INBOX).await().exists();
  }

  long messages() {
    return messages;
  }

  /** Downloads every body; returns the byte count. */
  long download() throws Exception {
    long before = sink.count;
    session.fetch(SeqSet.all(), FetchSpec.builder().body(BodySection.whole().asPeek()).build(), new FetchHandler() {
      @Override
      public void body(BodyPart part, InputStream content) throws IOException {
        sink.drain(content);
      }
    }).await();
    return sink.count - before;
  }

  @Override
  public void close() {
    session.close();
  }
}
