package dev.mailroom.pop3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockPop3Maildrop;
import dev.mailroom.testkit.MockPop3Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fetch job under a drop at every stage (mid-RETR, after RETR, mid-DELE batch, before QUIT, QUIT {@code -ERR}),
 * followed by re-runs, pipelined and not, with and without a seen-UID store: every message reaches the sink at least
 * once, exactly once with the store, and nothing is removed from the server before the sink confirmed it
 * (SECURITY.md P05, P06).
 */
class FetchJobFaultMatrixTest {
  private static final int MESSAGES = 6;

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (MockPop3Maildrop.Fault fault : List.of(new MockPop3Maildrop.DropMidRetr(3, 120),
        new MockPop3Maildrop.DropAfterRetr(3), new MockPop3Maildrop.DropAtDele(3),
        new MockPop3Maildrop.DropBeforeQuit(), new MockPop3Maildrop.ErrToQuit())) {
      for (boolean store : new boolean[] {true, false}) {
        for (boolean pipelining : new boolean[] {true, false}) {
          cases.add(Arguments.of(fault, store, pipelining));
        }
      }
    }
    return cases.stream();
  }

  /** A durable store that remembers, per UID, how often it was confirmed and what it got. */
  static final class RecordingSink implements MessageSink {
    final Map<String, Integer> confirmations = new HashMap<>();
    final Map<String, byte[]> stored = new HashMap<>();

    @Override
    public void store(MessageRef message, java.io.InputStream body) throws java.io.IOException {
      byte[] bytes = body.readAllBytes(); // throws if the connection is cut mid-RETR (P05)
      stored.put(message.uid(), bytes);
      confirmations.merge(message.uid(), 1, Integer::sum);
    }
  }

  static byte[] message(int i) {
    return ("Subject: fetch " + i + "\r\nMessage-ID: <fetch." + i + "@mock.test>\r\n\r\n" + ".dot line\r\n"
        + "body ".repeat(40 * i) + "\r\n").getBytes(UTF_8);
  }

  @ParameterizedTest(name = "{0} store={1} pipelining={2}")
  @MethodSource("matrix")
  void dropAtEveryStageThenRerunLosesNothingP05P06(MockPop3Maildrop.Fault fault, boolean useStore,
      boolean pipelining) throws Exception {
    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "bob-pw").pipelining(pipelining);
    for (int i = 1; i <= MESSAGES; i++) {
      drop.add("uid/" + i, message(i));
    }
    drop.fault(fault);
    RecordingSink sink = new RecordingSink();
    SeenUidStore seen = useStore ? SeenUidStore.inMemory() : null;
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      FetchJob job = FetchJob.builder(Pop3.bob(server).build()).sink(sink).seenUids(seen).deleteAfterStore(true)
          .build();

      FetchReport first = job.run();
      assertFalse(first.committed(), "the faulty run never commits: " + first);
      assertEquals(List.of(), drop.removedUids(), "nothing removed by a run that did not commit");
      assertTrue(drop.pendingFaults().isEmpty(), "the fault fired");

      FetchReport second = job.run();
      assertTrue(second.committed(), second.toString());
      assertTrue(second.error().isEmpty(), second.toString());
      for (String uid : drop.removedUids()) {
        assertTrue(sink.confirmations.containsKey(uid), "removed only after the sink confirmed " + uid);
      }
      assertEquals(List.of(), drop.uids(), "the re-run empties the maildrop");

      for (int i = 1; i <= MESSAGES; i++) {
        String uid = "uid/" + i;
        assertTrue(sink.confirmations.getOrDefault(uid, 0) >= 1, uid + " delivered at least once");
        assertArrayEquals(message(i), sink.stored.get(uid), uid + " delivered whole");
        if (useStore) {
          assertEquals(1, sink.confirmations.get(uid), uid + " delivered exactly once with the seen-UID store");
        }
      }
      FetchReport third = job.run();
      assertEquals(0, third.listed());
      assertTrue(third.committed());
    }
  }

  @ParameterizedTest(name = "pipelining={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void aMessageWhoseSinkFailedIsNeverDeletedAndComesBackNextRun(boolean pipelining) throws Exception {
    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "bob-pw").pipelining(pipelining);
    for (int i = 1; i <= MESSAGES; i++) {
      drop.add("uid-" + i, message(i));
    }
    RecordingSink recording = new RecordingSink();
    boolean[] failOnce = {true};
    MessageSink sink = (ref, body) -> {
      if (ref.uid().equals("uid-4") && failOnce[0]) {
        failOnce[0] = false;
        body.read(new byte[10]);
        throw new java.io.IOException("disk full");
      }
      recording.store(ref, body);
    };
    SeenUidStore seen = SeenUidStore.inMemory();
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      FetchJob job = FetchJob.builder(Pop3.bob(server).build()).sink(sink).seenUids(seen).deleteAfterStore(true)
          .build();
      FetchReport first = job.run();
      assertTrue(first.committed(), first.toString());
      assertEquals(1, first.notStored().size());
      assertEquals("uid-4", first.notStored().get(0).message().uid());
      assertEquals(List.of("uid-1", "uid-2", "uid-3", "uid-5", "uid-6"), drop.removedUids());
      assertEquals(List.of("uid-4"), drop.uids());
      FetchReport second = job.run();
      assertEquals(1, second.stored().size());
      assertEquals(List.of(), drop.uids());
      assertEquals(MESSAGES, recording.confirmations.size());
    }
  }
}
