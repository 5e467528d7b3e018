package dev.mailroom.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MockPop3Server: scripted multi-line replies and the stateful maildrop with its faults. */
class MockPop3ServerTest {
  @Test
  void multiLineStuffsDotsAndTerminates() {
    assertEquals("+OK\r\n..a\r\nb\r\n...\r\n.\r\n",
        new String(MockPop3Server.multiLineBytes("+OK", ".a\r\nb\r\n..".getBytes(UTF_8)), UTF_8));
    assertArrayEquals("x\n.y\r\n".getBytes(UTF_8), MockPop3Server.stuff("x\n.y".getBytes(UTF_8)));
    assertEquals("+OK caps\r\nTOP\r\nUSER\r\n.\r\n",
        MockPop3Server.multiLine("+OK caps", "TOP", "USER").text());
  }

  @Test
  void scriptedServerFailsFastWithErr() throws Exception {
    try (MockPop3Server server = new MockPop3Server()) {
      server.enqueueGreeting("ready");
      server.start();
      try (TestClient client = TestClient.connect(server)) {
        assertEquals("+OK ready", client.readLine());
        client.write("STAT\r\n");
        assertEquals("-ERR unexpected command", client.readLine());
      }
      assertEquals(1, server.failures().size());
      assertThrows(AssertionError.class, server::verifyNoFailures);
    }
  }

  private static void login(TestClient client) throws Exception {
    assertTrue(client.readLine().startsWith("+OK mock POP3 ready <"));
    client.write("USER bob\r\nPASS pw\r\n");
    assertEquals("+OK send PASS", client.readLine());
    assertTrue(client.readLine().startsWith("+OK maildrop has"));
  }

  @Test
  void maildropServesAndRemovesOnlyOnQuit() throws Exception {
    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "pw").pipelining(true)
        .add("u1", "Subject: a\r\n\r\n.dot\r\n".getBytes(UTF_8)).add("u2", "Subject: b\r\n\r\nx\r\n".getBytes(UTF_8));
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      try (TestClient client = TestClient.connect(server)) {
        login(client);
        client.write("UIDL\r\nRETR 1\r\nDELE 2\r\nSTAT\r\n");
        assertEquals(List.of("+OK listing follows", "1 u1", "2 u2", "."), List.of(client.readLine(),
            client.readLine(), client.readLine(), client.readLine()));
        assertEquals("+OK 20 octets", client.readLine());
        assertEquals(List.of("Subject: a", "", "..dot", "."), List.of(client.readLine(), client.readLine(),
            client.readLine(), client.readLine()));
        assertEquals("+OK marked", client.readLine());
        assertEquals("+OK 1 20", client.readLine());
      }
      assertEquals(List.of("u1", "u2"), drop.uids(), "no QUIT, nothing removed");
      try (TestClient client = TestClient.connect(server)) {
        login(client);
        client.write("DELE 2\r\nQUIT\r\n");
        assertEquals("+OK marked", client.readLine());
        assertEquals("+OK bye", client.readLine());
      }
      assertEquals(List.of("u2"), drop.removedUids());
      assertEquals(1, drop.retrieveCount("u1"));
    }
  }

  @Test
  void faultsFireOnceErrToQuitRemovesNothing() throws Exception {
    MockPop3Maildrop drop = new MockPop3Maildrop("bob", "pw").add("u1", "Subject: a\r\n\r\nbody\r\n".getBytes(UTF_8));
    drop.fault(new MockPop3Maildrop.ErrToQuit());
    drop.fault(new MockPop3Maildrop.DropMidRetr(1, 8));
    try (MockPop3Server server = new MockPop3Server(drop)) {
      server.start();
      try (TestClient client = TestClient.connect(server)) {
        login(client);
        client.write("RETR 1\r\n");
        assertEquals("+OK 20 o", new String(client.readToEnd(), UTF_8));
      }
      try (TestClient client = TestClient.connect(server)) {
        login(client);
        client.write("DELE 1\r\nQUIT\r\n");
        assertEquals("+OK marked", client.readLine());
        assertEquals("-ERR some deleted messages not removed", client.readLine());
      }
      assertEquals(List.of("u1"), drop.uids());
      assertTrue(drop.pendingFaults().isEmpty());
    }
  }
}
