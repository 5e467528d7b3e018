package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** start/close: binding, idempotence, and no thread or socket left behind (SECURITY.md R09's "no leaks"). */
class LifecycleTest {
  @Test
  void closeEndsEveryThreadAndConnection() throws Exception {
    MockMailServer server = new MockMailServer(new QueueDispatcher(null)); // waits on an empty queue
    server.start(InetAddress.getLoopbackAddress(), 0);
    int port = server.port();
    server.enqueue(MockReply.stall(),
        MockReply.of("slow").onReplyStart(new SocketEffect.Throttle(1, Duration.ofSeconds(30))));
    QueueDispatcher queue = (QueueDispatcher) server.dispatcher();
    TestClient stalled = TestClient.connect(server);
    QueueDispatcherTest.waitFor(() -> queue.pendingReplies() == 1); // the stall went to this connection
    TestClient throttled = TestClient.connect(server);
    assertEquals('s', throttled.in().read());
    TestClient waiting = TestClient.connect(server); // no greeting left: waits in the dispatcher
    QueueDispatcherTest.waitFor(() -> serverThreads(port).size() >= 4); // accept + 3 connections

    assertTimeoutPreemptively(Duration.ofSeconds(4), server::close);

    // A pool thread may still be exiting right after the executor reports termination: allow it a moment.
    for (Thread thread : serverThreadObjects(port)) thread.join(1_000);
    assertEquals(List.of(), serverThreads(port));
    for (TestClient client : List.of(stalled, throttled, waiting)) {
      assertTrue(endsOrResets(client), "connection closed by the server");
      client.close();
    }
    assertThrows(ConnectException.class, () -> new Socket(server.host(), port).close());
    server.close(); // idempotent
    assertThrows(IllegalStateException.class, server::start);
  }

  @Test
  void threadFactoryIsUsed() throws Exception {
    try (MockMailServer server = new MockMailServer()) {
      server.setThreadFactory(runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        thread.setName("custom");
        return thread;
      });
      server.start();
      assertThrows(IllegalStateException.class, () -> server.setThreadFactory(Thread::new));
      server.enqueue(MockReply.of("hi"));
      try (TestClient client = TestClient.connect(server)) {
        assertEquals("hi", client.readLine());
      }
    }
  }

  @Test
  void hostAndPortDescribeTheLoopbackBinding() throws Exception {
    try (MockMailServer server = new MockMailServer()) {
      server.start();
      assertEquals("127.0.0.1", server.host());
      assertTrue(server.port() > 0);
      assertEquals(server.port(), server.socketAddress().getPort());
      assertTrue(server.socketAddress().getAddress().isLoopbackAddress());
    }
  }

  private static List<String> serverThreads(int port) {
    return serverThreadObjects(port).stream().map(Thread::getName).collect(Collectors.toList());
  }

  private static List<Thread> serverThreadObjects(int port) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> thread.getName().startsWith("MockMailServer " + port + " "))
        .collect(Collectors.toList());
  }

  private static boolean endsOrResets(TestClient client) throws IOException {
    try {
      return client.in().read() == -1 || client.in().read() == -1;
    } catch (SocketException e) {
      return true;
    }
  }
}
