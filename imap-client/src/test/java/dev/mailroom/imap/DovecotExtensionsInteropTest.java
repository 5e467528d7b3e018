package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.FetchItem;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.ESearchResult;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchReturn;
import dev.mailroom.imap.search.SortKey;
import dev.mailroom.imap.search.ThreadAlgorithm;
import dev.mailroom.imap.search.ThreadNode;
import dev.mailroom.testkit.lab.MailLab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The IMAP extensions against the lab's Dovecot, one test per extension family, on alice's seeded INBOX read-only
 * (EXAMINE) unless a test says otherwise. Results are checked against what the core commands say about the same
 * messages, so a wrong parse cannot pass.
 */
@Tag("interop")
class DovecotExtensionsInteropTest {
  private MailLab lab;
  private TlsOptions tls;

  @BeforeEach
  void lab() throws Exception {
    lab = MailLab.require();
    tls = TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
  }

  private ImapSession connect(MailLab.User user) throws Exception {
    return ImapClient.builder().endpoint(Endpoint.implicitTls(lab.host(), MailLab.IMAPS)).tls(tls)
        .credentials(Credentials.password(user.name(), user.password())).build().connect();
  }

  private ImapSession inbox() throws Exception {
    ImapSession s = connect(MailLab.ALICE);
    s.examine(MailboxName.INBOX).await();
    return s;
  }

  @Test
  void esearchAndSearchres() throws Exception {
    try (ImapSession s = inbox()) {
      assertTrue(s.has(Capability.ESEARCH) && s.has(Capability.SEARCHRES));
      List<Long> plain = s.uidSearch(SearchCriteria.unseen()).await().numbers();
      ESearchResult e = s.uidSearch(SearchCriteria.unseen(), EnumSet.of(SearchReturn.MIN, SearchReturn.MAX,
          SearchReturn.COUNT, SearchReturn.ALL)).await();
      assertEquals(plain.size(), e.count().getAsLong());
      assertEquals(plain.get(0), e.min().getAsLong());
      assertEquals(plain.get(plain.size() - 1), e.max().getAsLong());
      assertEquals(UidSet.of(plain), e.allUids().orElseThrow());
      long runs = 1;
      for (int i = 1; i < plain.size(); i++) {
        if (plain.get(i) != plain.get(i - 1) + 1) {
          runs++;
        }
      }
      assertEquals(runs, e.allUids().orElseThrow().ranges().size(),
          "ranges, not a list: one range per run of consecutive UIDs (the old check measured the text, which depends "
              + "on how large the seeded UIDs are)");

      ImapCommand<ESearchResult> save = s.uidSearch(SearchCriteria.unseen(), EnumSet.of(SearchReturn.SAVE));
      ImapCommand<List<FetchedMessage>> viaDollar = s.fetch(UidSet.savedSearch(), FetchSpec.builder().uid().build());
      ImapCommand<ESearchResult> countDollar = s.uidSearch(SearchCriteria.savedSearch(),
          EnumSet.of(SearchReturn.COUNT));
      save.await();
      assertEquals(plain, viaDollar.await().stream().map(m -> m.uid().orElseThrow().value()).sorted().toList());
      assertEquals(plain.size(), countDollar.await().count().getAsLong());
    }
  }

  @Test
  void sortAgreesWithFetchedSizesAndArrival() throws Exception {
    try (ImapSession s = inbox()) {
      List<Long> bySize = s.uidSort(List.of(SortKey.of(SortKey.Criterion.SIZE),
          SortKey.of(SortKey.Criterion.ARRIVAL)), SearchCriteria.sequence(SeqSet.range(1, 300))).await().numbers();
      Map<Long, Long> size = new HashMap<>();
      for (FetchedMessage m : s.fetch(SeqSet.range(1, 300), FetchSpec.builder().uid().size().build()).await()) {
        size.put(m.uid().orElseThrow().value(), m.size());
      }
      assertEquals(size.size(), bySize.size());
      for (int i = 1; i < bySize.size(); i++) {
        assertTrue(size.get(bySize.get(i - 1)) <= size.get(bySize.get(i)), "sorted by RFC822.SIZE");
      }
      List<Long> newestFirst = s.uidSort(List.of(SortKey.reverse(SortKey.Criterion.ARRIVAL)),
          SearchCriteria.sequence(SeqSet.range(1, 300))).await().numbers();
      List<Long> ascending = new ArrayList<>(newestFirst);
      ascending.sort(null);
      java.util.Collections.reverse(newestFirst = new ArrayList<>(newestFirst));
      assertEquals(ascending, newestFirst, "REVERSE ARRIVAL is descending UID order");
      List<Long> byName = new ArrayList<>(s.uidSort(List.of(SortKey.of(SortKey.Criterion.DISPLAYFROM)),
          SearchCriteria.sequence(SeqSet.range(1, 300))).await().numbers());
      byName.sort(null);
      assertEquals(ascending, byName, "SORT=DISPLAY returns a permutation of the matches");
    }
  }

  @Test
  void extendedSortKeepsTheSortOrder() throws Exception {
    try (ImapSession s = inbox()) {
      List<Long> plain = s.uidSort(List.of(SortKey.of(SortKey.Criterion.SIZE)),
          SearchCriteria.sequence(SeqSet.range(1, 200))).await().numbers();
      ESearchResult e = s.uidSort(List.of(SortKey.of(SortKey.Criterion.SIZE)), SearchCriteria.sequence(SeqSet.range(1,
          200)), EnumSet.of(SearchReturn.ALL, SearchReturn.COUNT, SearchReturn.MIN, SearchReturn.MAX)).await();
      List<Long> expanded = new ArrayList<>();
      for (long[] r : e.allUids().orElseThrow().ranges()) {
        for (long n = r[0]; n <= r[1]; n++) {
          expanded.add(n);
        }
      }
      assertEquals(plain, expanded, "ESORT ALL in SORT order");
      assertEquals(plain.size(), e.count().getAsLong());
      assertEquals(plain.get(0), e.min().getAsLong());
      assertEquals(plain.get(plain.size() - 1), e.max().getAsLong());
    }
  }

  @Test
  void contextSearchPagesAndLiveUpdates() throws Exception {
    try (ImapSession s = inbox()) {
      List<Long> all = s.uidSearch(SearchCriteria.all()).await().numbers();
      dev.mailroom.imap.search.SearchPage page = s.uidSearchPage(SearchCriteria.all(), 101, 150).await();
      assertEquals(UidSet.of(all.subList(100, 150)), page.uids().orElseThrow());
    }
    MailboxName box = MailboxName.of("mailroom-context-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    try (ImapSession writer = connect(MailLab.BOB); ImapSession reader = connect(MailLab.BOB)) {
      writer.create(box).await();
      try {
        Uid first = writer.append(box, AppendRequest.of("Subject: a\r\n\r\na\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))).await().uid().orElseThrow();
        reader.select(box).await();
        java.util.concurrent.LinkedBlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        dev.mailroom.imap.search.SearchSubscription sub = reader.uidSearchUpdates(SearchCriteria.unseen(),
            new dev.mailroom.imap.search.SearchUpdateListener() {
              @Override
              public void added(long position, UidSet uids) {
                heard.add("+" + uids);
              }

              @Override
              public void removed(long position, UidSet uids) {
                heard.add("-" + uids);
              }
            }).await();
        assertEquals(first.toSet(), sub.initial().orElseThrow());
        Uid second = writer.append(box, AppendRequest.of("Subject: b\r\n\r\nb\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))).await().uid().orElseThrow();
        writer.select(box).await();
        writer.store(first.toSet(), StoreAction.ADD, java.util.Set.of(Flag.SEEN), true).await();
        writer.unselect().await();
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (got.size() < 2 && System.nanoTime() < deadline) {
          reader.noop().await();
          String h = heard.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
          if (h != null) {
            got.add(h);
          }
        }
        assertTrue(got.contains("+" + second.value()) && got.contains("-" + first.value()), got.toString());
        sub.close();
      } finally {
        reader.unselect().await();
        writer.delete(box).await();
      }
    }
  }

  @Test
  void threadCoversEveryMatchOnce() throws Exception {
    try (ImapSession s = inbox()) {
      for (ThreadAlgorithm a : List.of(ThreadAlgorithm.REFERENCES, ThreadAlgorithm.ORDEREDSUBJECT,
          ThreadAlgorithm.REFS)) {
        List<ThreadNode> threads = s.uidThread(a, SearchCriteria.sequence(SeqSet.range(1, 500))).await();
        List<Long> seen = new ArrayList<>();
        for (ThreadNode t : threads) {
          collect(t, seen);
        }
        seen.sort(null);
        assertEquals(s.uidSearch(SearchCriteria.sequence(SeqSet.range(1, 500))).await().numbers(), seen, a.toString());
        assertTrue(threads.size() < 500 || a == ThreadAlgorithm.ORDEREDSUBJECT, a + ": some replies are threaded");
      }
    }
  }

  private static void collect(ThreadNode n, List<Long> out) {
    if (n.number() != 0) {
      out.add(n.number());
    }
    n.children().forEach(c -> collect(c, out));
  }

  @Test
  void listExtendedStatusAndSpecialUse() throws Exception {
    try (ImapSession s = connect(MailLab.ALICE)) {
      List<ListEntry> special = s.list("", List.of("*"), ListOptions.builder()
          .select(ListOptions.Selection.SPECIAL_USE).build()).await();
      assertEquals(java.util.Set.of("Archive", "Drafts", "Junk", "Sent", "Trash"),
          special.stream().map(e -> e.name().name()).collect(java.util.stream.Collectors.toSet()));
      assertTrue(special.stream().allMatch(e -> e.specialUse().size() == 1), special.toString());
      List<ListEntry> withStatus = s.list("", List.of("Réunions", "Work", "Work/%"), ListOptions.builder()
          .returning(ListOptions.Return.CHILDREN).status(StatusItem.MESSAGES, StatusItem.UIDNEXT).build()).await();
      Map<String, ListEntry> byName = new HashMap<>();
      withStatus.forEach(e -> byName.put(e.name().name(), e));
      assertEquals(java.util.Set.of("Réunions", "Work", "Work/Projects"), byName.keySet());
      assertEquals(12, byName.get("Réunions").status().orElseThrow().messages().getAsLong());
      assertEquals(s.status(MailboxName.of("Work"), StatusItem.MESSAGES).await().messages(),
          byName.get("Work").status().orElseThrow().messages());
      assertTrue(byName.get("Work").hasAttribute("\\HasChildren"));
      List<ListEntry> subscribed = s.list("", List.of("*"), ListOptions.builder()
          .select(ListOptions.Selection.SUBSCRIBED, ListOptions.Selection.RECURSIVEMATCH).build()).await();
      assertTrue(subscribed.stream().allMatch(e -> e.hasAttribute("\\Subscribed")), subscribed.toString());
      assertTrue(subscribed.stream().anyMatch(e -> e.name().name().equals("Sent")));
    }
  }

  @Test
  void quotaAclAndMetadata() throws Exception {
    try (ImapSession s = connect(MailLab.BOB)) {
      QuotaRoots roots = s.quotaRoot(MailboxName.INBOX).await();
      assertEquals(List.of("User quota"), roots.roots());
      Quota.Resource storage = roots.quotas().get(0).resource("STORAGE").orElseThrow();
      assertTrue(storage.limit() > 0 && storage.usage() <= storage.limit(), storage.toString());
      assertEquals(storage.limit(), s.quota("User quota").await().resource("STORAGE").orElseThrow().limit());
      String mine = s.myRights(MailboxName.INBOX).await();
      assertTrue(mine.contains("l") && mine.contains("r") && mine.contains("a"), mine);
      assertTrue(s.acl(MailboxName.INBOX).await().stream().anyMatch(e -> e.identifier().equals("bob")
          && e.rights().equals(mine)));
      assertTrue(s.listRights(MailboxName.INBOX, "anyone").await().optional().size() > 0);
      MailboxName box = MailboxName.of("mailroom-meta-" + java.util.UUID.randomUUID().toString().substring(0, 8));
      s.create(box).await();
      try {
        byte[] value = "line 1\r\nline 2 ünï".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s.setMetadata(java.util.Optional.of(box), "/private/comment", java.util.Optional.of(value)).await();
        Map<String, byte[]> got = s.metadata(java.util.Optional.of(box), List.of("/private/comment",
            "/shared/comment")).await();
        org.junit.jupiter.api.Assertions.assertArrayEquals(value, got.get("/private/comment"));
        assertEquals(1, got.size());
        s.setMetadata(java.util.Optional.of(box), "/private/comment", java.util.Optional.empty()).await();
        assertTrue(s.metadata(java.util.Optional.of(box), List.of("/private/comment")).await().isEmpty());
      } finally {
        s.delete(box).await();
      }
    }
  }

  @Test
  void multiAppendBinaryPreviewAndSaveDate() throws Exception {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String b64 = java.util.Base64.getMimeEncoder().encodeToString(all);
    byte[] multipart = ("Message-ID: <bin@mailroom.test>\r\nSubject: binary\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/octet-stream\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
        + "Hello Bob, this is the preview text.\r\n--b--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] eightBit = ("Message-ID: <8bit@mailroom.test>\r\nSubject: 8bit\r\nContent-Type: text/plain; "
        + "charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nRéunion à 10 h\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    MailboxName box = MailboxName.of("mailroom-ext-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    try (ImapSession s = connect(MailLab.BOB)) {
      s.create(box).await();
      try {
        AppendResult r = s.append(box, List.of(AppendRequest.of(multipart), AppendRequest.of(eightBit).asBinary(),
            AppendRequest.of(multipart).withFlags(java.util.Set.of(Flag.SEEN)))).await();
        assertEquals(3, r.uids().orElseThrow().size());
        s.examine(box).await();
        List<FetchedMessage> got = s.fetch(r.uids().orElseThrow(), FetchSpec.builder().uid().flags().binary("1")
            .binarySize("1").preview().item(FetchItem.SAVEDATE).body(BodySection.whole().asPeek()).build()).await();
        assertEquals(3, got.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(all, got.get(0).binary("1").orElseThrow(),
            "BINARY[1] is the decoded base64");
        assertEquals(256L, got.get(0).extensions().binarySizes().get("1"));
        assertTrue(got.get(0).extensions().preview().orElseThrow().contains("Hello Bob"),
            got.get(0).extensions().toString());
        assertTrue(got.get(0).extensions().saveDate().orElseThrow().isAfter(
            java.time.OffsetDateTime.now().minusHours(1)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(eightBit, got.get(1).body(BodySection.whole())
            .orElseThrow(), "the literal8 APPEND stored the 8-bit bytes as they were");
        assertTrue(got.get(2).flags().orElseThrow().contains(Flag.SEEN));
        // CATENATE: a new message from text plus the binary part of the first one, built by the server.
        SelectedMailbox sel = s.selected().orElseThrow();
        byte[] head = "Subject: catenated\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Uid first = Uid.of(r.uids().orElseThrow().ranges().get(0)[0]);
        AppendResult cat = s.append(box, java.util.Set.of(Flag.DRAFT), List.of(CatenatePart.text(head),
            CatenatePart.message(box, sel.uidValidity(), first, "2"))).await();
        byte[] built = s.fetch(cat.uids().orElseThrow(), FetchSpec.builder().body(BodySection.whole().asPeek())
            .build()).await().get(0).body(BodySection.whole()).orElseThrow();
        byte[] part2 = s.fetch(first.toSet(), FetchSpec.builder().body(BodySection.part("2").asPeek()).build())
            .await().get(0).body(BodySection.part("2")).orElseThrow();
        byte[] expected = new byte[head.length + part2.length];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(part2, 0, expected, head.length, part2.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, built, "CATENATE of TEXT and URL");
      } finally {
        s.unselect().await();
        s.delete(box).await();
      }
    }
  }

  @Test
  void compressDeflateGivesTheSameBytes() throws Exception {
    ImapClient.Builder b = ImapClient.builder().endpoint(Endpoint.implicitTls(lab.host(), MailLab.IMAPS)).tls(tls)
        .credentials(Credentials.password(MailLab.ALICE.name(), MailLab.ALICE.password()));
    List<byte[]> plain;
    List<byte[]> switched;
    List<byte[]> fromStart;
    try (ImapSession s = b.build().connect()) {
      s.examine(MailboxName.INBOX).await();
      plain = fetch40(s);
      s.compress().await(); // mid-session, with a mailbox selected
      switched = fetch40(s);
    }
    try (ImapSession s = b.compression(true).build().connect()) {
      assertThrows(IllegalStateException.class, s::compress, "already compressed after login");
      s.examine(MailboxName.INBOX).await();
      fromStart = fetch40(s);
    }
    for (int i = 0; i < 40; i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(plain.get(i), switched.get(i));
      org.junit.jupiter.api.Assertions.assertArrayEquals(plain.get(i), fromStart.get(i));
    }
  }

  private static List<byte[]> fetch40(ImapSession s) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (FetchedMessage m : s.fetch(SeqSet.range(1, 40), FetchSpec.builder().body(BodySection.whole().asPeek())
        .build()).await()) {
      out.add(m.body(BodySection.whole()).orElseThrow());
    }
    assertEquals(40, out.size());
    return out;
  }

  @Test
  void watcherSeesAnotherConnectionsAppendWithNotifyAndByPolling() throws Exception {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    MailboxName a = MailboxName.of("mailroom-watch-a-" + suffix);
    MailboxName b = MailboxName.of("mailroom-watch-b-" + suffix);
    try (ImapSession writer = connect(MailLab.BOB)) {
      writer.create(a).await();
      writer.create(b).await();
      try {
        for (MailboxWatcher.Mode mode : MailboxWatcher.Mode.values()) {
          java.util.concurrent.LinkedBlockingQueue<MailboxStatus> changes =
              new java.util.concurrent.LinkedBlockingQueue<>();
          try (ImapSession watching = connect(MailLab.BOB);
              MailboxWatcher w = MailboxWatcher.start(watching, List.of(a, b), Duration.ofMillis(200),
                  changes::add, mode)) {
            assertEquals(mode, w.mode());
            if (mode == MailboxWatcher.Mode.POLL) {
              assertEquals(2, List.of(changes.poll(10, java.util.concurrent.TimeUnit.SECONDS),
                  changes.poll(10, java.util.concurrent.TimeUnit.SECONDS)).size(), "first status of each");
            }
            changes.clear();
            writer.append(b, AppendRequest.of(("Subject: watch " + mode + "\r\n\r\nx\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII))).await();
            MailboxStatus seen = changes.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            while (seen != null && !seen.mailbox().equals(b)) {
              seen = changes.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertTrue(seen != null, mode + ": the append to " + b + " was reported");
            assertEquals(mode.ordinal() + 1L, seen.messages().getAsLong(), mode + " " + seen);
          }
        }
      } finally {
        writer.delete(a).await();
        writer.delete(b).await();
      }
    }
  }

  @Test
  void withinAndStatusSize() throws Exception {
    try (ImapSession s = inbox()) {
      long all = s.selected().orElseThrow().exists();
      assertEquals(all, s.uidSearch(SearchCriteria.youngerThan(Duration.ofDays(3650))).await().numbers().size());
      assertEquals(0, s.uidSearch(SearchCriteria.olderThan(Duration.ofDays(3650))).await().numbers().size());
      MailboxStatus st = s.status(MailboxName.of("Réunions"), StatusItem.MESSAGES, StatusItem.SIZE,
          StatusItem.HIGHESTMODSEQ).await();
      assertEquals(12, st.messages().getAsLong());
      assertTrue(st.size().getAsLong() > 12 * 100, "STATUS=SIZE");
      assertTrue(st.highestModSeq().getAsLong() > 0);
    }
  }
}
