package dev.mailroom.client.internal.transport;

import static dev.mailroom.client.internal.transport.MockServers.QUICK;
import static dev.mailroom.client.internal.transport.MockServers.line;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailEventListener;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.Security;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.SocketEffect;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lost and garbled connections: truncation (T17), over-long lines, bare LF and garbage on a real socket. */
@ExtendWith(StartStopExtension.class)
class ConnectionFaultTransportTest {
  @StartStop final MockMailServer server = new MockMailServer();

  @Test
  void closeInTheMiddleOfALineIsAProtocolErrorT17() throws Exception {
    server.enqueue(MockReply.of("250 this reply is cut").onReplyStart(new SocketEffect.CloseMidReply(7)));
    LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null);
    t.commandDeadline();
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> t.readLine());
    assertTrue(e.getMessage().contains("middle of a line"), e.getMessage());
    assertFalse(t.isOpen());
  }

  @Test
  void truncationWithoutCloseNotifyOverTlsIsAProtocolErrorT17() throws Exception {
    server.useTls(MockServers.LOCALHOST);
    server.enqueue(MockReply.of("* OK this reply is cut").onReplyStart(new SocketEffect.CloseMidReply(9)));
    LineTransport t = MockServers.connect(server, Security.IMPLICIT_TLS, QUICK, null);
    t.commandDeadline();
    assertThrows(MailProtocolException.class, () -> t.readLine());
    assertFalse(t.isOpen());
  }

  @Test
  void resetInTheMiddleOfAReplyIsAProtocolError() throws Exception {
    // the delay lets the client's connect finish before the reset (an RST can otherwise beat connect())
    server.enqueue(MockReply.of("250 reset soon").withDelay(java.time.Duration.ofMillis(100))
        .onReplyStart(new SocketEffect.ResetMidReply(4)));
    LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null);
    t.commandDeadline();
    assertThrows(MailProtocolException.class, () -> t.readLine());
  }

  @Test
  void oversizedLineFailsAtTheLimit() throws Exception {
    server.enqueue(MockReply.of("250 ok").onReplyStart(new SocketEffect.OversizedLine(1_000_000)));
    LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null);
    t.commandDeadline();
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> t.readLine(2000));
    assertTrue(e.getMessage().startsWith("line longer than 2000 bytes"), e.getMessage());
  }

  @Test
  void bareLfFromTheServerIsAProtocolErrorS12() throws Exception {
    server.enqueue(MockReply.raw("250 ok\n250 again\r\n".getBytes(US_ASCII)));
    LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null);
    t.commandDeadline();
    assertThrows(MailProtocolException.class, () -> t.readLine());
  }

  @Test
  void garbageIsReadAsBytesAndEscapedInErrors() throws Exception {
    server.enqueue(MockReply.of("").onReplyStart(new SocketEffect.Garbage(new byte[] {0x1b, 0x00, (byte) 0xff, '\n'})));
    LineTransport t = MockServers.connect(server, Security.PLAIN, QUICK, null);
    t.commandDeadline();
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> t.readLine());
    assertTrue(e.getMessage().contains("\\x1B\\x00\uFFFD\\n"), e.getMessage());
  }

  @Test
  void eventsAreReportedInOrder() throws Exception {
    server.useTls(MockServers.LOCALHOST);
    server.enqueue(MockReply.of("* OK"));
    List<String> events = new ArrayList<>();
    MailEventListener listener = new MailEventListener() {
      @Override
      public void connectStart(Endpoint endpoint) {
        events.add("connectStart");
      }

      @Override
      public void connectEnd(Endpoint endpoint, InetSocketAddress remote) {
        events.add("connectEnd " + remote.getAddress().getHostAddress());
      }

      @Override
      public void secureConnectStart(Endpoint endpoint) {
        events.add("secureConnectStart");
      }

      @Override
      public void secureConnectEnd(Endpoint endpoint, String protocol, String cipherSuite) {
        events.add("secureConnectEnd " + protocol);
        throw new IllegalStateException("a throwing listener is ignored");
      }

      @Override
      public void connectionClosed(Endpoint endpoint) {
        events.add("connectionClosed");
      }
    };
    Endpoint endpoint = Endpoint.implicitTls("localhost", server.port());
    try (LineTransport t = LineTransport.connect(MockServers.options(endpoint).withListener(listener))) {
      assertEquals("* OK", line(t));
    }
    assertEquals(List.of("connectStart", "connectEnd 127.0.0.1", "secureConnectStart", "secureConnectEnd TLSv1.3",
        "connectionClosed"), events);
  }

  @Test
  void connectionRefusedIsAMailException() throws Exception {
    int port = server.port();
    server.close();
    MailException e = assertThrows(MailException.class,
        () -> LineTransport.connect(MockServers.options(Endpoint.plain("127.0.0.1", port))));
    assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port), e.getMessage());
  }
}
