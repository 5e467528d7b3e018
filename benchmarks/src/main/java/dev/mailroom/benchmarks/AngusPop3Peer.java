package dev.mailroom.benchmarks;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.lang.reflect.Method;
import java.util.Properties;
import java.util.Set;

/**
 * Eclipse Angus Mail ({@code pop3} provider) retrieving the benchmark messages as its documentation suggests: connect
 * the store, open INBOX read-only, fetch the UIDs with a {@link FetchProfile}, then write each wanted message out
 * ({@code writeTo}, one RETR each, waiting for every reply), close.
 */
final class AngusPop3Peer {
  private final Session session;
  private final String host;
  private final int port;
  private final Set<String> uids;
  private final CountingSink sink = new CountingSink();

  AngusPop3Peer(String host, int port, Set<String> uids) {
    Properties props = new Properties();
    props.setProperty("mail.pop3.host", host);
    props.setProperty("mail.pop3.port", String.valueOf(port));
    props.setProperty("mail.pop3.connectiontimeout", "10000");
    props.setProperty("mail.pop3.timeout", "60000");
    this.session = Session.getInstance(props);
    this.host = host;
    this.port = port;
    this.uids = uids;
  }

  long retrieve() throws Exception {
    long before = sink.count;
    Store store = session.getStore("pop3");
    store.connect(host, port, Pop3BenchMailbox.USER, Pop3BenchMailbox.PASSWORD);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        Message[] all = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(all, profile);
        Method getUid = inbox.getClass().getMethod("getUID", Message.class); // POP3Folder.getUID
        for (Message message : all) {
          if (uids.contains((String) getUid.invoke(inbox, message))) {
            message.writeTo(sink);
          }
        }
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
    return Pop3RetrieveBenchmark.checked(sink.count - before, uids.size());
  }
}
