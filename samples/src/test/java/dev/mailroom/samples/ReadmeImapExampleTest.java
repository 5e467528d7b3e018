package dev.mailroom.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import dev.mailroom.testkit.memory.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirrors README.md "Example: IMAP, pipelined" line for line, against the in-memory server over implicit TLS. */
class ReadmeImapExampleTest {
  @MailServer(tls = true) InMemoryMailServer server;

  @Test
  void imapExample(@TempDir Path inbox) throws Exception {
    try (SmtpSession smtp = SmtpClient.builder().endpoint(Endpoint.plain(server.host(), server.smtpPort())).build()
        .connect()) {
      for (int i = 1; i <= 4; i++) {
        smtp.send(Envelope.of("alice@example.test", "bob@example.test"),
            ("Subject: note " + i + "\r\nMessage-ID: <n" + i + "@example.test>\r\n\r\nbody " + i + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
    }
    List<StoredMessage> sent = server.mailbox("bob").awaitMessages(4, Duration.ofSeconds(5));
    try (ImapSession setup = ImapClient.builder().endpoint(Endpoint.plain(server.host(), server.imapPort()))
        .credentials(Credentials.password("bob", "bob-pw")).loginAllowed(true).build().connect()) {
      setup.select(MailboxName.INBOX).await();
      setup.store(UidSet.all(), StoreAction.ADD, Set.of(Flag.SEEN), true).await();   // 1 and 4 read, 2 and 3 new
      UidSet newOnes = setup.uidSearch(SearchCriteria.or(SearchCriteria.header("Message-ID", "<n2@example.test>"),
          SearchCriteria.header("Message-ID", "<n3@example.test>"))).await().uidSet().orElseThrow();
      setup.store(newOnes, StoreAction.REMOVE, Set.of(Flag.SEEN), true).await();
    }
    StringBuilder printed = new StringBuilder();

    // README: begin
    ImapClient client = ImapClient.builder()
        .endpoint(Endpoint.implicitTls(server.host(), server.imapsPort()))
        .tls(TlsOptions.builder().trustStore(server.trustStore()).build())
        .credentials(Credentials.password("bob", "bob-pw"))
        .build();
    try (ImapSession imap = client.connect()) {
      imap.select(MailboxName.INBOX).await();
      // Three commands in flight at once, each a typed handle; the session fences what RFC 9051 §5.5 says must wait.
      ImapCommand<SearchResult> unseen = imap.uidSearch(SearchCriteria.unseen());
      ImapCommand<MailboxStatus> archive = imap.status(MailboxName.of("Archive"), StatusItem.MESSAGES);
      ImapCommand<List<FetchedMessage>> list = imap.fetch(UidSet.all(), FetchSpec.builder().uid().envelope().build());
      for (FetchedMessage m : list.await()) {
        printed.append(m.uid().orElseThrow().value()).append(' ').append(m.envelope().subject()).append('\n');
      }
      printed.append(archive.await().messages().orElse(0)).append(" archived\n");
      Optional<UidSet> toRead = unseen.await().uidSet();            // "2:3": runs, not one number per match
      if (toRead.isPresent()) {
        // Bodies stream off the connection straight into files, in constant memory.
        imap.fetch(toRead.get(), FetchSpec.builder().uid().body(BodySection.whole()).build(), new FetchHandler() {
          @Override
          public void body(BodyPart part, InputStream content) throws IOException {
            Files.copy(content, inbox.resolve(part.uid().orElseThrow().value() + ".eml"));
          }
        }).await();
        imap.move(toRead.get(), MailboxName.of("Archive")).await();   // MOVE, or COPY + STORE + UID EXPUNGE
      }
    }
    // README: end

    assertTrue(printed.toString().startsWith("1 note 1\n2 note 2\n3 note 3\n4 note 4\n0 archived\n"),
        printed.toString());
    assertArrayEquals(sent.get(1).bytes(), Files.readAllBytes(inbox.resolve("2.eml")));
    assertArrayEquals(sent.get(2).bytes(), Files.readAllBytes(inbox.resolve("3.eml")));
    assertEquals(List.of("note 1", "note 4"),
        server.mailbox("bob").messages().stream().map(m -> m.subject().orElseThrow()).toList());
    assertEquals(List.of("note 2", "note 3"),
        server.mailbox("bob", "Archive").messages().stream().map(m -> m.subject().orElseThrow()).toList());
  }
}
