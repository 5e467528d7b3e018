package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.mailroom.testkit.junit5.MailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @MailServer} on static fields, instance fields and parameters, run through the JUnit engine test kit. */
class MailServerExtensionTest {
  static final List<InMemoryMailServer> SEEN = new ArrayList<>();

  /** Run by the engine test kit, not directly. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Sample {
    @MailServer(tls = true) static InMemoryMailServer shared;
    @MailServer(users = "carol:pw", domains = "example.org") InMemoryMailServer perTest;

    @Test
    @Order(1)
    void first(@MailServer(users = {}) InMemoryMailServer parameter) throws Exception {
      SEEN.add(shared);
      SEEN.add(perTest);
      SEEN.add(parameter);
      assertTrue(perTest.store().hasUser("carol"));
      assertEquals(Set.of("example.org"), perTest.domains());
      assertTrue(parameter.store().users().isEmpty());
      assertTrue(shared.imapsPort() > 0);
      shared.faults().tempFailData(5);
      shared.store().append("bob", "INBOX", "S: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
    }

    @Test
    @Order(2)
    void second() throws Exception {
      SEEN.add(shared);
      SEEN.add(perTest);
      assertEquals(1, shared.mailbox("bob").awaitMessages(1, Duration.ofSeconds(1)).size());
      try (Wire w = Wire.connect(shared.smtpPort())) { // faults were cleared after the first test
        w.line();
        w.smtp("HELO c");
        w.smtp("MAIL FROM:<a@example.test>");
        w.smtp("RCPT TO:<bob@example.test>");
        w.smtp("DATA");
        w.raw("\r\nx\r\n.\r\n");
        assertTrue(w.line().startsWith("250 "));
      }
    }
  }

  /** A field that cannot be injected. */
  static class FinalField {
    @MailServer final InMemoryMailServer server = null;

    @Test
    void never() {
    }
  }

  @Test
  void staticFieldsArePerClassInstanceFieldsAndParametersPerTestAndAllAreClosed() throws Exception {
    SEEN.clear();
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class)).execute()
        .testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertEquals(5, SEEN.size());
    assertTrue(SEEN.get(0) == SEEN.get(3), "one server per class for a static field");
    assertNotSame(SEEN.get(1), SEEN.get(4));
    assertNotEquals(SEEN.get(1), SEEN.get(2));
    for (InMemoryMailServer server : SEEN) {
      assertTrue(server.toString().contains("["));
      org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
          () -> new java.net.Socket("127.0.0.1", portOf(server)).close(), server + " still listening");
    }
  }

  private static int portOf(InMemoryMailServer server) {
    return server.smtpPort();
  }

  @Test
  void aFinalFieldIsAConfigurationError() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(FinalField.class)).execute()
        .testEvents().assertStatistics(s -> s.failed(1));
  }
}
