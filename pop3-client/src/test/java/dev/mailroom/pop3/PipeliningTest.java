package dev.mailroom.pop3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.MockPop3Maildrop;
import dev.mailroom.testkit.MockPop3Server;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PIPELINING (RFC 2449 §6.8): RETR, TOP and DELE batches in a bounded window, same results as one by one. */
class PipeliningTest {
  private static final int MESSAGES = 20;

  private static MockPop3Maildrop maildrop(boolean pipelining) {
    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "bob-pw").pipelining(pipelining);
    for (int i = 1; i <= MESSAGES; i++) {
      drop.add("uid-" + i, message(i));
    }
    return drop;
  }

  static byte[] message(int i) {
    StringBuilder body = new StringBuilder("Subject: message " + i + "\r\nX-Lab-Seq: " + i + "\r\n\r\n");
    for (int line = 0; line < i * 37; line++) {
      body.append(line % 7 == 0 ? "." : "").append("line ").append(line).append(" of message ").append(i)
          .append("\r\n");
    }
    return body.toString().getBytes(UTF_8);
  }

  private record Outcome(Map<Integer, byte[]> bodies, List<Pop3Reply> retr, List<Pop3Reply> dele,
      List<String> removed, List<String> trace) { }

  private static Outcome run(boolean serverPipelining, boolean clientPipelining) throws Exception {
    MockPop3Maildrop drop = maildrop(serverPipelining);
    List<String> trace = Pop3.newTrace();
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      Map<Integer, byte[]> bodies = new LinkedHashMap<>();
      List<Pop3Reply> retr;
      List<Pop3Reply> dele;
      try (Pop3Session session = Pop3.traced(Pop3.bob(server), trace).pipelining(clientPipelining)
          .pipelineWindow(4).build().connect()) {
        assertEquals(serverPipelining && clientPipelining, session.pipelined());
        List<Integer> numbers = new ArrayList<>(IntStream.rangeClosed(1, MESSAGES).boxed().toList());
        numbers.add(99);
        retr = session.retrieveAll(numbers, (n, body) -> bodies.put(n, body.readAllBytes()));
        dele = session.deleteAll(List.of(2, 4, 6, 99));
        assertTrue(session.quit().committed());
      }
      return new Outcome(bodies, retr, dele, drop.removedUids(), trace);
    }
  }

  @Test
  void pipelinedAndOneByOneGiveIdenticalResults() throws Exception {
    Outcome pipelined = run(true, true);
    Outcome serverWithout = run(false, true);
    Outcome clientWithout = run(true, false);
    for (Outcome o : List.of(pipelined, serverWithout, clientWithout)) {
      assertEquals(MESSAGES, o.bodies().size());
      for (int i = 1; i <= MESSAGES; i++) {
        assertArrayEquals(message(i), o.bodies().get(i), "message " + i);
      }
      assertEquals(MESSAGES + 1, o.retr().size());
      assertFalse(o.retr().get(MESSAGES).ok(), "RETR 99 is refused, in its place");
      assertEquals(List.of(true, true, true, false), o.dele().stream().map(Pop3Reply::ok).toList());
      assertEquals(List.of("uid-2", "uid-4", "uid-6"), o.removed());
    }
    assertTrue(maxInFlight(pipelined.trace()) > 1, "pipelined: several RETR before the first reply");
    assertEquals(1, maxInFlight(serverWithout.trace()));
    assertEquals(1, maxInFlight(clientWithout.trace()));
  }

  @Test
  void windowBoundsCommandsInFlight() throws Exception {
    Outcome pipelined = run(true, true);
    assertEquals(4, maxInFlight(pipelined.trace()));
  }

  @Test
  void consumerFailureStopsTheBatchButKeepsTheSessionInStep() throws Exception {
    try (MockPop3Server server = new MockPop3Server(maildrop(true))) {
      server.start();
      try (Pop3Session session = Pop3.bob(server).pipelineWindow(8).build().connect()) {
        List<Integer> seen = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> session.retrieveAll(List.of(1, 2, 3, 4, 5),
            (n, body) -> {
              seen.add(n);
              if (n == 2) {
                throw new IOException("disk full");
              }
            }));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of(1, 2), seen);
        assertEquals(new UidlEntry(3, "uid-3"), session.uidl(3));
        assertEquals(new MaildropStat(MESSAGES, session.list().stream().mapToLong(ListEntry::sizeOctets).sum()),
            session.stat());
      }
    }
  }

  @Test
  void topAllIsPipelinedToo() throws Exception {
    try (MockPop3Server server = new MockPop3Server(maildrop(true))) {
      server.start();
      try (Pop3Session session = Pop3.bob(server).build().connect()) {
        List<String> subjects = new ArrayList<>();
        session.topAll(List.of(3, 1, 2), 0, (n, body) -> subjects.add(new String(body.readAllBytes(), UTF_8)
            .lines().findFirst().orElseThrow()));
        assertEquals(List.of("Subject: message 3", "Subject: message 1", "Subject: message 2"), subjects);
      }
    }
  }

  /** The most RETR/DELE commands written before their status lines were read, from the trace. */
  private static int maxInFlight(List<String> trace) {
    int inFlight = 0;
    int max = 0;
    boolean batch = false;
    for (String line : trace) {
      if (line.startsWith("C: RETR") || line.startsWith("C: DELE")) {
        batch = true;
        max = Math.max(max, ++inFlight);
      } else if (batch && (line.startsWith("S: +OK") || line.startsWith("S: -ERR"))) {
        inFlight--;
      }
    }
    return max;
  }
}
