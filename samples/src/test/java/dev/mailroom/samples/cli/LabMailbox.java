package dev.mailroom.samples.cli;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.imap.AppendRequest;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.testkit.lab.MailLab;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One lab user's mailboxes through Mailroom's IMAP client (STARTTLS on the lab's 10143): seeding with APPEND,
 * counting, reading Message-IDs and cleaning up, for the interop tests of {@code fetch} and {@code check}.
 */
final class LabMailbox implements AutoCloseable {
  private final ImapSession session;

  LabMailbox(MailLab lab, MailLab.User user) throws Exception {
    session = ImapClient.builder().endpoint(Endpoint.startTls(lab.host(), MailLab.IMAP))
        .tls(TlsOptions.builder().trustCertificates(lab.caCertificate()).build())
        .credentials(Credentials.password(user.name(), user.password())).build().connect();
  }

  void create(String folder) throws Exception {
    session.create(MailboxName.of(folder)).await();
  }

  void deleteFolder(String folder) throws Exception {
    session.delete(MailboxName.of(folder)).await();
  }

  /** APPENDs the messages, pipelined. */
  void append(String folder, List<byte[]> messages) throws Exception {
    List<ImapCommand<?>> pending = new ArrayList<>();
    for (byte[] m : messages) {
      pending.add(session.append(MailboxName.of(folder), AppendRequest.of(m)));
    }
    for (ImapCommand<?> c : pending) {
      c.await();
    }
  }

  long count(String folder) throws Exception {
    return session.status(MailboxName.of(folder), StatusItem.MESSAGES).await().messages().orElseThrow();
  }

  /** The Message-IDs in a folder, one per message (duplicates stay), sorted. */
  List<String> messageIds(String folder) throws Exception {
    session.examine(MailboxName.of(folder)).await();
    List<String> ids = new ArrayList<>();
    if (session.selected().orElseThrow().exists() > 0) {
      BodySection header = BodySection.header().asPeek();
      for (FetchedMessage m : session.fetch(UidSet.all(), FetchSpec.builder().body(header).build()).await()) {
        ids.add(TestMail.messageId(m.body(header).orElseThrow()));
      }
    }
    session.unselect().await();
    return ids.stream().sorted().toList();
  }

  /** Deletes (UID STORE \Deleted, UID EXPUNGE) the messages of a folder whose {@code field} contains {@code text}. */
  int deleteWhere(String folder, String field, String text) throws Exception {
    session.select(MailboxName.of(folder)).await();
    List<Long> uids = session.uidSearch(SearchCriteria.header(field, text)).await().numbers();
    if (!uids.isEmpty()) {
      UidSet set = UidSet.of(uids.stream().mapToLong(Long::longValue).toArray());
      session.store(set, StoreAction.ADD, Set.of(Flag.DELETED), true).await();
      session.expunge(set).await();
    }
    session.unselect().await();
    return uids.size();
  }

  @Override
  public void close() {
    session.close();
  }
}
