package dev.mailroom.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.search.ESearchResult;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.SearchPage;
import dev.mailroom.imap.search.SearchReturn;
import dev.mailroom.imap.search.SearchSubscription;
import dev.mailroom.imap.search.SearchUpdateListener;
import dev.mailroom.imap.search.SortKey;
import dev.mailroom.imap.search.ThreadAlgorithm;
import dev.mailroom.imap.search.ThreadNode;
import dev.mailroom.testkit.MockImapResponse;
import dev.mailroom.testkit.MockImapServer;
import dev.mailroom.testkit.junit5.StartStop;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ESEARCH (RFC 4731), SEARCHRES (RFC 5182), SORT and THREAD (RFC 5256), WITHIN (RFC 5032). */
class SearchExtensionsTest {
  static final String CAPS = Imap.CAPS + " ESEARCH SEARCHRES SORT SORT=DISPLAY THREAD=REFERENCES THREAD=ORDEREDSUBJECT"
      + " WITHIN";

  @StartStop final MockImapServer imap = new MockImapServer();

  private ImapSession selected(String caps) throws Exception {
    ImapSession s = Imap.connect(imap, caps);
    imap.enqueue(Imap.selected(500, 1));
    s.select(MailboxName.INBOX).await();
    imap.takeImapCommand();
    return s;
  }

  @Test
  @DisplayName("I14: ESEARCH ALL stays ranges, MIN/MAX/COUNT typed, the TAG correlates pipelined searches")
  void esearchReturnOptions() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID MIN 7 MAX 3800 COUNT 1500 "
          + "ALL 7,9:1000,1002:4294967295"));
      ESearchResult r = s.uidSearch(SearchCriteria.unseen(), EnumSet.of(SearchReturn.MIN, SearchReturn.MAX,
          SearchReturn.COUNT, SearchReturn.ALL)).await();
      assertEquals("UID SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN", imap.takeImapCommand().command());
      assertEquals(7, r.min().getAsLong());
      assertEquals(3800, r.max().getAsLong());
      assertEquals(1500, r.count().getAsLong());
      assertEquals("7,9:1000,1002:4294967295", r.allUids().orElseThrow().toString(), "never expanded");
      assertTrue(r.allSeqs().isEmpty());

      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") COUNT 0"));
      ESearchResult none = s.search(SearchCriteria.flagged(), EnumSet.of(SearchReturn.COUNT)).await();
      assertEquals("SEARCH RETURN (COUNT) FLAGGED", imap.takeImapCommand().command());
      assertEquals(0, none.count().getAsLong());
      assertTrue(none.min().isEmpty());

      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"other\") UID COUNT 3"));
      assertThrows(MailProtocolException.class,
          () -> s.uidSearch(SearchCriteria.all(), EnumSet.of(SearchReturn.COUNT)).await(),
          "an ESEARCH for another tag is not this command's result, and its own is missing");
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("done"));
      assertTrue(s.uidSearch(SearchCriteria.all(), EnumSet.of(SearchReturn.SAVE)).await().count().isEmpty(),
          "RFC 5182 §2.4: no ESEARCH for SAVE alone");
    }
  }

  @Test
  void plainSearchAcceptsEsearchShapedAnswersBounded() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID ALL 3:5,9"));
      assertEquals(List.of(3L, 4L, 5L, 9L), s.uidSearch(SearchCriteria.all()).await().numbers());
      imap.takeImapCommand();
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID ALL 1:4294967295"));
      MailProtocolException e = assertThrows(MailProtocolException.class,
          () -> s.uidSearch(SearchCriteria.all()).await());
      assertTrue(e.getMessage().contains("I14"), e.getMessage());
    }
  }

  @Test
  @DisplayName("RFC 5182: RETURN (SAVE), then $ in a UID FETCH and in a SEARCH, pipelined")
  void searchResSavedResult() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done"), MockImapResponse.ok("done", "* 2 FETCH (UID 44 FLAGS ())"),
          MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID COUNT 1"));
      ImapCommand<ESearchResult> save = s.uidSearch(SearchCriteria.from("alice"), EnumSet.of(SearchReturn.SAVE));
      ImapCommand<List<dev.mailroom.imap.fetch.FetchedMessage>> fetch = s.fetch(UidSet.savedSearch(),
          FetchSpec.builder().flags().build());
      ImapCommand<ESearchResult> again = s.uidSearch(SearchCriteria.and(SearchCriteria.savedSearch(),
          SearchCriteria.unseen()), EnumSet.of(SearchReturn.COUNT));
      save.await();
      assertEquals(44, fetch.await().get(0).uid().orElseThrow().value());
      assertEquals(1, again.await().count().getAsLong());
      assertEquals("UID SEARCH RETURN (SAVE) FROM \"alice\"", imap.takeImapCommand().command());
      assertEquals("UID FETCH $ (FLAGS)", imap.takeImapCommand().command());
      assertEquals("UID SEARCH RETURN (COUNT) $ UNSEEN", imap.takeImapCommand().command());
      assertThrows(IllegalStateException.class, () -> UidSet.savedSearch().contains(1, 10));
      assertThrows(IllegalStateException.class, () -> UidSet.savedSearch().union(UidSet.of(1)));
    }
  }

  @Test
  void sortWithTypedKeys() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* SORT 5 3 4 1 2"));
      assertEquals(List.of(5L, 3L, 4L, 1L, 2L), s.uidSort(List.of(SortKey.reverse(SortKey.Criterion.DATE),
          SortKey.of(SortKey.Criterion.DISPLAYFROM)), SearchCriteria.since(java.time.LocalDate.of(2024, 1, 1)))
          .await().numbers());
      assertEquals("UID SORT (REVERSE DATE DISPLAYFROM) UTF-8 SINCE 1-Jan-2024", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("done", "* SORT 2 1 (MODSEQ 10)"));
      assertEquals(List.of(2L, 1L), s.sort(List.of(SortKey.of(SortKey.Criterion.SIZE)),
          SearchCriteria.subject("Réunion")).await().numbers());
      assertEquals("SORT (SIZE) UTF-8 SUBJECT {8+}", imap.takeImapCommand().command());
    }
  }

  @Test
  @DisplayName("RFC 5267 ESORT: SORT RETURN gives one ESEARCH whose ALL keeps the sort order")
  void extendedSort() throws Exception {
    try (ImapSession s = selected(CAPS + " ESORT")) {
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID MIN 9 MAX 2 COUNT 5 ALL 9,5:7,2"));
      ESearchResult r = s.uidSort(List.of(SortKey.reverse(SortKey.Criterion.ARRIVAL)), SearchCriteria.all(),
          EnumSet.of(SearchReturn.ALL, SearchReturn.MIN, SearchReturn.MAX, SearchReturn.COUNT)).await();
      assertEquals("UID SORT RETURN (MIN MAX COUNT ALL) (REVERSE ARRIVAL) UTF-8 ALL",
          imap.takeImapCommand().command());
      assertEquals("9,5:7,2", r.allUids().orElseThrow().toString(), "sort order kept");
      assertEquals(9, r.min().getAsLong(), "MIN is the first in sort order (RFC 5267 §3.1)");
      assertEquals(5, r.count().getAsLong());
    }
    try (ImapSession s = selected(CAPS)) {
      assertThrows(IllegalStateException.class, () -> s.uidSort(List.of(SortKey.of(SortKey.Criterion.DATE)),
          SearchCriteria.all(), EnumSet.of(SearchReturn.COUNT)), "needs ESORT");
    }
  }

  @Test
  @DisplayName("RFC 5267 §4.4 PARTIAL pages and §4.3 UPDATE: ADDTO/REMOVEFROM to the listener until CANCELUPDATE")
  void contextSearch() throws Exception {
    try (ImapSession s = selected(CAPS + " CONTEXT=SEARCH")) {
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID PARTIAL (1:100 200:250,300)"),
          MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID PARTIAL (101:200 NIL)"));
      SearchPage page = s.uidSearchPage(SearchCriteria.all(), 100, 1).await();
      assertEquals("UID SEARCH RETURN (PARTIAL 1:100) ALL", imap.takeImapCommand().command());
      assertEquals("200:250,300", page.uids().orElseThrow().toString());
      assertTrue(s.uidSearchPage(SearchCriteria.all(), 101, 200).await().uids().isEmpty());
      imap.takeImapCommand();

      java.util.concurrent.LinkedBlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
      SearchUpdateListener listener = new SearchUpdateListener() {
        @Override
        public void added(long position, UidSet uids) {
          heard.add("+" + position + " " + uids);
        }

        @Override
        public void removed(long position, UidSet uids) {
          heard.add("-" + position + " " + uids);
        }
      };
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"$tag\") UID ALL 3:5"));
      SearchSubscription sub = s.uidSearchUpdates(SearchCriteria.unseen(), listener).await();
      String tag = imap.takeImapCommand().tag();
      assertEquals(tag, sub.tag());
      assertEquals("3:5", sub.initial().orElseThrow().toString());
      imap.enqueue(MockImapResponse.ok("done", "* 6 EXISTS", "* ESEARCH (TAG \"" + tag + "\") UID ADDTO (0 9)",
          "* ESEARCH (TAG \"" + tag + "\") UID REMOVEFROM (0 4) ADDTO (0 10:11)"));
      s.noop().await();
      assertEquals(List.of("+0 9", "-0 4", "+0 10:11"), List.of(heard.take(), heard.take(), heard.take()));
      imap.enqueue(MockImapResponse.ok("done"));
      sub.close();
      imap.takeImapCommand();
      assertEquals("CANCELUPDATE \"" + tag + "\"", imap.takeImapCommand().command());
      imap.enqueue(MockImapResponse.ok("done", "* ESEARCH (TAG \"" + tag + "\") UID ADDTO (0 12)"));
      s.noop().await();
      assertTrue(heard.isEmpty(), "no updates after CANCELUPDATE");
      imap.takeImapCommand();
    }
    for (String bad : new String[] {"* ESEARCH (TAG \"$tag\") UID PARTIAL (1 2)",
        "* ESEARCH (TAG \"$tag\") UID PARTIAL (1:2 1:*)", "* ESEARCH (TAG \"x\") UID ADDTO (0 1:*)"}) {
      try (ImapSession s = selected(CAPS + " CONTEXT=SEARCH")) {
        imap.enqueue(MockImapResponse.ok("done", bad));
        assertThrows(MailProtocolException.class, () -> s.uidSearchPage(SearchCriteria.all(), 1, 2).await(), bad);
        imap.takeImapCommand();
      }
    }
    try (ImapSession s = selected(CAPS)) {
      assertThrows(IllegalStateException.class, () -> s.uidSearchPage(SearchCriteria.all(), 1, 2));
    }
  }

  @Test
  @DisplayName("RFC 5256 §4: THREAD trees, including a missing parent; I16: depth bounded")
  void threadTrees() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* THREAD (2)(3 6 (4 23)(44 7 96))((11)(12 13))"));
      List<ThreadNode> t = s.uidThread(ThreadAlgorithm.REFERENCES, SearchCriteria.all()).await();
      assertEquals("UID THREAD REFERENCES UTF-8 ALL", imap.takeImapCommand().command());
      assertEquals(3, t.size());
      assertEquals(new ThreadNode(2, List.of()), t.get(0));
      ThreadNode three = t.get(1);
      assertEquals(3, three.number());
      ThreadNode six = three.children().get(0);
      assertEquals(6, six.number());
      assertEquals(List.of(4L, 44L), six.children().stream().map(ThreadNode::number).toList());
      assertEquals(23, six.children().get(0).children().get(0).number());
      assertEquals(96, six.children().get(1).children().get(0).children().get(0).number());
      assertEquals(7, three.size());
      assertEquals(0, t.get(2).number(), "missing parent");
      assertEquals(3, t.get(2).size());

      imap.enqueue(MockImapResponse.ok("done", "* THREAD"));
      assertEquals(List.of(), s.thread(ThreadAlgorithm.ORDEREDSUBJECT, SearchCriteria.deleted()).await());
      imap.takeImapCommand();
    }
    for (String bad : new String[] {"* THREAD " + "(".repeat(2000) + "1" + ")".repeat(2000),
        "* THREAD (" + "1 ".repeat(1500) + "2)", "* THREAD ()", "* THREAD (1 (2) 3)", "* THREAD (0)"}) {
      try (ImapSession s = selected(CAPS)) {
        imap.enqueue(MockImapResponse.ok("done", bad));
        assertThrows(MailProtocolException.class,
            () -> s.uidThread(ThreadAlgorithm.REFERENCES, SearchCriteria.all()).await(), bad.substring(0, Math.min(20, bad.length())));
        imap.takeImapCommand();
      }
    }
  }

  @Test
  void withinKeys() throws Exception {
    try (ImapSession s = selected(CAPS)) {
      imap.enqueue(MockImapResponse.ok("done", "* SEARCH 9"));
      s.uidSearch(SearchCriteria.and(SearchCriteria.youngerThan(Duration.ofHours(1)),
          SearchCriteria.not(SearchCriteria.olderThan(Duration.ofDays(2))))).await();
      assertEquals("UID SEARCH YOUNGER 3600 NOT OLDER 172800", imap.takeImapCommand().command());
    }
    assertThrows(IllegalArgumentException.class, () -> SearchCriteria.olderThan(Duration.ZERO));
  }

  @Test
  void extensionsAreCapabilityGated() throws Exception {
    try (ImapSession s = selected(Imap.CAPS)) {
      assertThrows(IllegalStateException.class,
          () -> s.uidSearch(SearchCriteria.all(), EnumSet.of(SearchReturn.COUNT)));
      assertThrows(IllegalStateException.class,
          () -> s.uidSort(List.of(SortKey.of(SortKey.Criterion.DATE)), SearchCriteria.all()));
      assertThrows(IllegalStateException.class, () -> s.uidThread(ThreadAlgorithm.REFS, SearchCriteria.all()));
    }
    try (ImapSession s = selected(Imap.CAPS + " ESEARCH SORT")) {
      assertThrows(IllegalStateException.class,
          () -> s.uidSearch(SearchCriteria.all(), EnumSet.of(SearchReturn.SAVE)), "SAVE needs SEARCHRES");
      assertThrows(IllegalStateException.class,
          () -> s.uidSort(List.of(SortKey.of(SortKey.Criterion.DISPLAYTO)), SearchCriteria.all()));
      assertThrows(IllegalArgumentException.class, () -> s.uidSearch(SearchCriteria.all(), Set.of()));
    }
  }
}
