package dev.mailroom.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine and checks what {@link StartStopExtension} did. */
class StartStopExtensionTest {
  static final List<MockMailServer> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void startsBeforeEachTestAndClosesAfter() {
    SEEN.clear();
    run(InstanceFieldFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertEquals(2, SEEN.size());
    assertTrue(SEEN.get(0) != SEEN.get(1), "a new server per test");
    SEEN.forEach(StartStopExtensionTest::assertClosed);
  }

  @Test
  void staticFieldsLiveForTheWholeClass() {
    SEEN.clear();
    run(StaticFieldFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertEquals(2, SEEN.size());
    assertTrue(SEEN.get(0) == SEEN.get(1), "one server for the class");
    assertClosed(SEEN.get(0));
  }

  @Test
  void failsTheTestThatCausedAFailFastFailure() {
    SEEN.clear();
    EngineExecutionResults results = run(FailFastFixture.class);
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    Event failed = results.testEvents().failed().list().get(0);
    assertEquals("unexpectedConnection", failed.getTestDescriptor().getLegacyReportingName().replace("()", ""));
    Throwable thrown = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertInstanceOf(AssertionError.class, thrown);
    assertTrue(thrown.getMessage().contains("no greeting is enqueued"), thrown.getMessage());
    SEEN.forEach(StartStopExtensionTest::assertClosed);
  }

  @Test
  void startsAndClosesAnyAutoCloseableWithStart() {
    GenericServer.STARTS.set(0);
    GenericServer.CLOSES.set(0);
    run(GenericFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertEquals(1, GenericServer.STARTS.get());
    assertEquals(1, GenericServer.CLOSES.get());
  }

  @Test
  void nestedTestsSeeTheOuterServerStarted() {
    SEEN.clear();
    run(OuterFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertEquals(1, SEEN.size());
    assertClosed(SEEN.get(0));
  }

  @Test
  void aNullFieldIsAConfigurationError() {
    EngineExecutionResults results = run(NullFieldFixture.class);
    results.testEvents().assertStatistics(stats -> stats.failed(1));
    Throwable thrown = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow();
    assertTrue(thrown.getMessage().contains("is null"), thrown.getMessage());
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private static void assertClosed(MockMailServer server) {
    IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
    assertEquals("closed", e.getMessage());
  }

  static String greeting(MockMailServer server) throws Exception {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(5000);
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) line.append((char) b);
      return line.toString();
    }
  }

  // Fixtures: static nested classes, run only through EngineTestKit (Surefire skips nested classes).

  static class InstanceFieldFixture {
    @StartStop final MockMailServer server = new MockMailServer();

    @Test
    void first() throws Exception {
      use();
    }

    @Test
    void second() throws Exception {
      use();
    }

    private void use() throws Exception {
      SEEN.add(server);
      server.enqueue(MockReply.of("+OK ready"));
      assertEquals("+OK ready", greeting(server));
    }
  }

  static class StaticFieldFixture {
    @StartStop static final MockMailServer SERVER = new MockMailServer();

    @Test
    void first() throws Exception {
      use();
    }

    @Test
    void second() throws Exception {
      use();
    }

    private void use() throws Exception {
      SEEN.add(SERVER);
      SERVER.enqueue(MockReply.of("* OK"));
      assertEquals("* OK", greeting(SERVER));
    }
  }

  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class FailFastFixture {
    @StartStop final MockMailServer server = new MockMailServer();

    @Test
    void expectedConnection() throws Exception {
      SEEN.add(server);
      server.enqueue(MockReply.of("220 hi"));
      assertEquals("220 hi", greeting(server));
    }

    @Test
    void unexpectedConnection() throws Exception {
      SEEN.add(server);
      assertEquals("", greeting(server)); // fail-fast closes at once; the test body itself passes
    }
  }

  /** Not a MockMailServer: anything AutoCloseable with start(). */
  public static class GenericServer implements AutoCloseable {
    static final AtomicInteger STARTS = new AtomicInteger();
    static final AtomicInteger CLOSES = new AtomicInteger();

    public void start() {
      STARTS.incrementAndGet();
    }

    @Override
    public void close() {
      CLOSES.incrementAndGet();
    }
  }

  static class GenericFixture {
    @StartStop final GenericServer server = new GenericServer();

    @Test
    void started() {
      assertNotNull(server);
      assertEquals(1, GenericServer.STARTS.get());
      assertEquals(0, GenericServer.CLOSES.get());
    }
  }

  static class OuterFixture {
    @StartStop final MockMailServer outer = new MockMailServer();

    @org.junit.jupiter.api.Nested
    class Inner {
      @Test
      void outerIsStarted() throws Exception {
        SEEN.add(outer);
        outer.enqueue(MockReply.of("+OK nested"));
        assertEquals("+OK nested", greeting(outer));
      }
    }
  }

  static class NullFieldFixture {
    @StartStop final MockMailServer server = null;

    @Test
    void neverRuns() {
    }
  }
}
