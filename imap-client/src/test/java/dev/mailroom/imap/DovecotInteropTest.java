package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.imap.MailboxStatus.StatusItem;
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
import dev.mailroom.testkit.lab.MailLab;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Against the lab's Dovecot (STARTTLS on 10143, implicit TLS on 10993). alice's INBOX (2000 seeded messages, seed 1)
 * is used read-only (EXAMINE, BODY.PEEK); mutations happen in {@code mailroom-test-*} folders of bob, removed
 * afterwards.
 */
@Tag("interop")
class DovecotInteropTest {
  private MailLab lab;
  private TlsOptions tls;

  @BeforeEach
  void lab() throws Exception {
    lab = MailLab.require();
    tls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
    try (ImapSession s = connect(MailLab.ALICE, true)) {
      long n = s.status(MailboxName.INBOX, StatusItem.MESSAGES).await().messages().getAsLong();
      if (n != 2000) {
        lab.seed(MailLab.ALICE, 2000, 1, true, true);
      }
    }
  }

  private ImapClient.Builder client(MailLab.User user, boolean startTls) {
    return ImapClient.builder()
        .endpoint(startTls ? Endpoint.startTls(lab.host(), MailLab.IMAP) : Endpoint.implicitTls(lab.host(),
            MailLab.IMAPS))
        .tls(tls)
        .credentials(Credentials.password(user.name(), user.password()));
  }

  private ImapSession connect(MailLab.User user, boolean startTls) throws Exception {
    return client(user, startTls).build().connect();
  }

  @Test
  void everySeededBodyIsByteIdentical() throws Exception {
    List<String> expected = expectedDigests();
    try (ImapSession s = connect(MailLab.ALICE, false)) {
      SelectedMailbox inbox = s.examine(MailboxName.INBOX).await();
      assertEquals(2000, inbox.exists());
      assertTrue(inbox.readOnly());
      String[] actual = new String[2000];
      long n = s.fetch(SeqSet.all(), FetchSpec.builder().uid().body(BodySection.whole().asPeek()).build(),
          new FetchHandler() {
            @Override
            public void body(BodyPart part, InputStream content) throws IOException {
              actual[(int) part.seq() - 1] = sha256(content);
            }
          }).await();
      assertEquals(2000, n);
      assertEquals(expected, List.of(actual));
    }
  }

  @Test
  void readOnlyCommandsOnAlice() throws Exception {
    try (ImapSession s = connect(MailLab.ALICE, true)) {
      assertTrue(s.has(Capability.IDLE));
      List<ListEntry> list = s.list("", "*").await();
      assertTrue(list.stream().anyMatch(e -> e.name().name().equals("Réunions")), list.toString());
      assertTrue(list.stream().anyMatch(e -> e.hasAttribute("\\Sent")));
      assertTrue(s.lsub("", "*").await().size() > 0);
      assertEquals(12, s.status(MailboxName.of("Réunions"), StatusItem.MESSAGES).await().messages().getAsLong());
      assertEquals("", s.namespace().await().personal().get(0).prefix());
      Map<String, String> id = s.id(Map.of("name", "Mailroom")).await();
      assertTrue(id.getOrDefault("name", "").contains("Dovecot"), id.toString());
      SelectedMailbox inbox = s.examine(MailboxName.INBOX).await();
      assertTrue(inbox.uidValidity() > 0);
      List<FetchedMessage> msgs = s.fetch(SeqSet.range(1, 50), FetchSpec.builder().uid().flags().envelope()
          .bodyStructure().internalDate().size().body(BodySection.headerFields("Subject", "Message-ID").asPeek())
          .build()).await();
      assertEquals(50, msgs.size());
      for (FetchedMessage m : msgs) {
        assertTrue(m.envelope().messageId().startsWith("<imap.1." + m.seq() + ".INBOX@"), m.envelope().messageId());
        assertTrue(m.size() > 0);
        assertTrue(m.bodyStructure() != null);
        assertTrue(new String(m.body(BodySection.headerFields()).orElseThrow(), StandardCharsets.UTF_8)
            .contains("Message-ID"));
      }
      SearchResult seq42 = s.uidSearch(SearchCriteria.header("Message-ID", "<imap.1.42.INBOX@gen.example.test>"))
          .await();
      assertEquals(1, seq42.numbers().size());
      SearchResult unseen = s.search(SearchCriteria.and(SearchCriteria.unseen(),
          SearchCriteria.since(java.time.LocalDate.of(2020, 1, 1)))).await();
      assertTrue(unseen.numbers().size() > 100 && unseen.numbers().size() < 2000);
      SearchResult utf8 = s.uidSearch(SearchCriteria.subject("Réunion")).await();
      assertFalse(utf8.numbers().isEmpty());
      // 100 pipelined UID FETCH handles, each with its own message.
      s.fetch(SeqSet.range(1, 100), FetchSpec.builder().uid().build()).await();
      List<ImapCommand<List<FetchedMessage>>> handles = new ArrayList<>();
      for (int i = 1; i <= 100; i++) {
        handles.add(s.fetch(UidSet.of(inbox.uid(i).orElseThrow().value()),
            FetchSpec.builder().envelope().build()));
      }
      for (int i = 1; i <= 100; i++) {
        assertTrue(handles.get(i - 1).await().get(0).envelope().messageId().contains(".1." + i + ".INBOX@"));
      }
      s.closeMailbox().await();
    }
  }

  @Test
  void mutatingCommandsOnBob() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    MailboxName a = MailboxName.of("mailroom-test-" + suffix);
    MailboxName b = MailboxName.of("mailroom-test-" + suffix + "-é");
    MailboxName c = MailboxName.of("mailroom-test-" + suffix + "-c");
    try (ImapSession s = connect(MailLab.BOB, true)) {
      s.create(a).await();
      s.create(b).await();
      try {
        byte[] big = twentyMegabytes();
        AppendResult r = s.append(a, AppendRequest.of(big.length, () -> new java.io.ByteArrayInputStream(big))
            .withFlags(Set.of(Flag.SEEN))).await();
        Uid bigUid = r.uid().orElseThrow();
        byte[] small = "Subject: small\r\nMessage-ID: <small@x>\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);
        Uid smallUid = s.append(a, AppendRequest.of(small)).await().uid().orElseThrow();
        SelectedMailbox box = s.select(a).await();
        assertEquals(2, box.exists());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        s.fetch(bigUid.toSet(), FetchSpec.builder().body(BodySection.whole().asPeek()).build(), new FetchHandler() {
          @Override
          public void body(BodyPart part, InputStream content) throws IOException {
            content.transferTo(got);
          }
        }).await();
        assertArrayEquals(big, got.toByteArray());
        s.store(smallUid.toSet(), StoreAction.ADD, Set.of(Flag.FLAGGED, Flag.keyword("$Mailroom")), false).await();
        assertEquals(List.of(smallUid.value()), s.uidSearch(SearchCriteria.keyword(Flag.keyword("$Mailroom")))
            .await().numbers());
        CopyResult copied = s.copy(smallUid.toSet(), b).await();
        assertTrue(copied.destinationUids().isPresent());
        CopyResult moved = s.move(bigUid.toSet(), b).await();
        assertTrue(moved.destinationUids().isPresent());
        assertEquals(1, box.exists());
        s.store(SeqSet.of(1), StoreAction.ADD, Set.of(Flag.DELETED), true).await();
        assertEquals(List.of(1L), s.expunge().await());
        s.unselect().await();
        assertEquals(2, s.status(b, StatusItem.MESSAGES).await().messages().getAsLong());
        s.rename(a, c).await();
        s.subscribe(c).await();
        s.unsubscribe(c).await();
      } finally {
        for (MailboxName m : List.of(a, b, c)) {
          try {
            s.delete(m).await();
          } catch (ImapCommandException ignored) {
            // already renamed or never created
          }
        }
      }
    }
  }

  @Test
  void idleSeesMailSentBySmtp() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    long[] before = {Long.MAX_VALUE};
    String messageId = "<mailroom-idle-" + UUID.randomUUID() + "@example.test>";
    try (ImapSession s = client(MailLab.BOB, true).unsolicitedListener(new UnsolicitedListener() {
      @Override
      public void exists(long count) {
        if (count > before[0]) {
          arrived.countDown();
        }
      }
    }).build().connect()) {
      before[0] = s.select(MailboxName.INBOX).await().exists();
      IdleHandle idle = s.idle();
      try (SmtpSession smtp = SmtpClient.builder().endpoint(Endpoint.plain(lab.host(), MailLab.SMTP)).tls(tls)
          .clientName("client.test").build().connect()) {
        smtp.send(Envelope.of("alice@example.test", "bob@example.test"),
            ("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: idle\r\nMessage-ID: " + messageId
                + "\r\n\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      assertTrue(arrived.await(30, TimeUnit.SECONDS));
      idle.stop();
      SearchResult found = s.uidSearch(SearchCriteria.header("Message-ID", messageId)).await();
      assertEquals(1, found.numbers().size());
      UidSet uid = UidSet.of(found.numbers().get(0));
      s.store(uid, StoreAction.ADD, Set.of(Flag.DELETED), true).await();
      s.expunge(uid).await();
    }
  }

  @Test
  void carolsNonAsciiPassword() throws Exception {
    try (ImapSession s = client(MailLab.CAROL, true).saslPolicy(SaslPolicy.of(SaslMechanism.plain())).build()
        .connect()) {
      assertTrue(s.status(MailboxName.INBOX, StatusItem.MESSAGES).await().messages().isPresent());
    }
    try (ImapSession s = client(MailLab.CAROL, false).saslPolicy(SaslPolicy.of(SaslMechanism.scramSha256()))
        .build().connect()) {
      assertTrue(s.status(MailboxName.INBOX, StatusItem.MESSAGES).await().messages().isPresent());
    }
  }

  private static byte[] twentyMegabytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(21 * 1024 * 1024);
    out.writeBytes("Subject: big\r\nMessage-ID: <big@x>\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] line = ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    while (out.size() < 20 * 1024 * 1024) {
      out.writeBytes(line);
    }
    return out.toByteArray();
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** sha256 of each message seed.py generates for (2000, seed 1), in order. */
  private static List<String> expectedDigests() throws Exception {
    String dir = MailLab.seedScript().getParent().toString();
    Process p = new ProcessBuilder("python3", "-c", "import sys, hashlib; sys.path.insert(0, sys.argv[1]); "
        + "import seed\nfor i, raw, *rest in seed.generate(2000, 1): print(hashlib.sha256(raw).hexdigest())", dir)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    return List.of(out.trim().split("\n"));
  }
}
