package dev.mailroom.benchmarks;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Properties;

/**
 * Eclipse Angus Mail (IMAP provider) downloading every body as an application would: open INBOX read-only and write
 * each message's raw bytes ({@code Message.writeTo}). With its default {@code mail.imap.partialfetch=true} Angus
 * fetches each body in {@code BODY.PEEK[]<offset.16384>} chunks, one round trip per 16 KB; {@code partialFetch=false}
 * fetches each body whole, still one round trip per message.
 */
final class AngusImapPeer implements AutoCloseable {
  private final Store store;
  private final Folder inbox;
  private final CountingSink sink = new CountingSink();

  AngusImapPeer(String host, int port, String user, String password, boolean partialFetch) throws MessagingException {
    Properties props = new Properties();
    props.setProperty("mail.imap.host", host);
    props.setProperty("mail.imap.port", String.valueOf(port));
    props.setProperty("mail.imap.partialfetch", String.valueOf(partialFetch));
    props.setProperty("mail.imap.peek", "true"); // never set \\Seen on the shared mailbox
    props.setProperty("mail.imap.connectiontimeout", "10000");
    props.setProperty("mail.imap.timeout", "60000");
    Session session = Session.getInstance(props);
    store = session.getStore("imap");
    store.connect(host, port, user, password);
    inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
  }

  long download() throws MessagingException, IOException {
    long before = sink.count;
    for (Message m : inbox.getMessages()) {
      m.writeTo(sink);
      ((jakarta.mail.internet.MimeMessage) m).getSize(); // touch; no refetch of the body
    }
    return sink.count - before;
  }

  @Override
  public void close() throws MessagingException {
    inbox.close(false);
    store.close();
  }
}
