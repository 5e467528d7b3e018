package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Start, ports and close: every listener and connection ends and every thread stops. */
class LifecycleTest {
  @Test
  void closeEndsOpenConnectionsAndListeners() throws Exception {
    InMemoryMailServer server = InMemoryMailServer.builder().user("bob", "pw").build().start();
    assertEquals(server, server.start());
    int smtp = server.smtpPort();
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.imap("a", "LOGIN bob pw");
      server.close();
      assertEquals("", w.rest());
    }
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", smtp).close());
    assertThrows(IllegalStateException.class, server::start);
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().startsWith(server.threadPrefix()) && t.isAlive()), "threads left running");
  }

  @Test
  void portsNeedStart() {
    InMemoryMailServer server = InMemoryMailServer.builder().build();
    IllegalStateException e = assertThrows(IllegalStateException.class, server::smtpPort);
    assertEquals("not started", e.getMessage());
    server.close();
  }

  @Test
  void everyServiceHasItsOwnPort() throws IOException {
    try (InMemoryMailServer server = InMemoryMailServer.builder()
        .tls(dev.mailroom.testkit.TestCertificates.localhost()).build().start()) {
      assertEquals(7, java.util.stream.IntStream.of(server.smtpPort(), server.submissionPort(),
          server.submissionsPort(), server.pop3Port(), server.pop3sPort(), server.imapPort(), server.imapsPort())
          .distinct().count());
      assertEquals("127.0.0.1", server.host());
    }
  }
}
