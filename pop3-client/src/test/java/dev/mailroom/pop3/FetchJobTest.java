package dev.mailroom.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.Credentials;
import dev.mailroom.testkit.MockPop3Maildrop;
import dev.mailroom.testkit.MockPop3Server;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FetchJob: the download-store-delete job without faults. */
class FetchJobTest {
  private static MockPop3Maildrop drop(int count) {
    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "bob-pw").pipelining(true);
    for (int i = 1; i <= count; i++) {
      drop.add(i == 2 ? "../../etc/passwd" : "uid-" + i, FetchJobFaultMatrixTest.message(i));
    }
    return drop;
  }

  @Test
  void keepsMailOnTheServerUnlessAskedAndSkipsSeenUids() throws Exception {
    MockPop3Maildrop drop = drop(3);
    FetchJobFaultMatrixTest.RecordingSink sink = new FetchJobFaultMatrixTest.RecordingSink();
    SeenUidStore seen = SeenUidStore.inMemory();
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      FetchJob job = FetchJob.builder(Pop3.bob(server).build()).sink(sink).seenUids(seen).build();
      FetchReport first = job.run();
      assertEquals(3, first.listed());
      assertEquals(3, first.stored().size());
      assertTrue(first.committed());
      assertEquals(List.of(), first.deleteRequested());
      assertEquals(3, drop.uids().size());
      FetchReport second = job.run();
      assertEquals(3, second.alreadySeen());
      assertEquals(List.of(), second.stored());
      assertEquals(1, drop.retrieveCount("uid-1"), "a seen message is not downloaded again");
      assertTrue(seen.contains("../../etc/passwd"), "a path-like UID is kept as an opaque value (P07)");
      assertArrayEquals(FetchJobFaultMatrixTest.message(2), sink.stored.get("../../etc/passwd"));
    }
  }

  @Test
  void withoutAStoreEveryRunDeliversEverythingStillThere() throws Exception {
    MockPop3Maildrop drop = drop(2);
    FetchJobFaultMatrixTest.RecordingSink sink = new FetchJobFaultMatrixTest.RecordingSink();
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      FetchJob job = FetchJob.builder(Pop3.bob(server).build()).sink(sink).build();
      job.run();
      job.run();
      assertEquals(2, sink.confirmations.get("uid-1"));
    }
  }

  @Test
  void aSinkThatStopsReadingEarlyIsNotBelievedAndNothingIsDeleted() throws Exception {
    MockPop3Maildrop drop = drop(3);
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      FetchReport report = FetchJob.builder(Pop3.bob(server).build()).sink((ref, body) -> body.read())
          .deleteAfterStore(true).build().run();
      assertEquals(3, report.notStored().size());
      assertEquals(List.of(), report.deleteRequested());
      assertEquals(3, drop.uids().size());
    }
  }

  @Test
  void deletesConfirmedMessagesAndCommits() throws Exception {
    MockPop3Maildrop drop = drop(4);
    List<Integer> order = new ArrayList<>();
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      FetchReport report = FetchJob.builder(Pop3.bob(server).build())
          .sink((ref, body) -> {
            order.add(ref.number());
            body.readAllBytes();
          }).deleteAfterStore(true).build().run();
      assertTrue(report.committed());
      assertEquals(List.of(1, 2, 3, 4), order);
      assertEquals(4, report.deleteRequested().size());
      assertEquals(List.of(), drop.uids());
    }
  }

  @Test
  void aLoginFailureThrowsAndTouchesNothing() throws Exception {
    MockPop3Maildrop drop = drop(1);
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      Pop3Client wrong = Pop3.bob(server).credentials(Credentials.password("bob", "wrong")).build();
      assertThrows(MailAuthenticationException.class,
          () -> FetchJob.builder(wrong).sink((ref, body) -> body.readAllBytes()).build().run());
      assertEquals(0, drop.retrieveCount("uid-1"));
      assertFalse(drop.uids().isEmpty());
    }
  }
}
