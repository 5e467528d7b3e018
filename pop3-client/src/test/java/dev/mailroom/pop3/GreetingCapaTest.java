package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.err;
import static dev.mailroom.pop3.Pop3.greeting;
import static dev.mailroom.pop3.Pop3.wire;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Greeting and CAPA (RFC 1939 §4, RFC 2449 §5-6): P09, P10, P12. */
@ExtendWith(StartStopExtension.class)
class GreetingCapaTest {
  @StartStop final MockPop3Server server = new MockPop3Server();

  @Test
  void capaIsTypedAndSessionQuits() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("TOP", "UIDL", "USER", "SASL PLAIN scram-sha-256",
        "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "EXPIRE 31 USER", "LOGIN-DELAY 900", "UTF8 USER", "LANG",
        "STLS", "IMPLEMENTATION Shlemazle-Plotz-v302", "X-PRIVATE 1"), bye());
    Pop3Capabilities caps;
    try (Pop3Session session = Pop3.plain(server).build().connect()) {
      caps = session.capabilities();
      assertEquals("POP3 server ready " + Pop3.TIMESTAMP, session.greeting().text());
      assertFalse(session.isTls());
    }
    assertTrue(caps.announced() && caps.top() && caps.uidl() && caps.user() && caps.respCodes()
        && caps.authRespCode() && caps.pipelining() && caps.utf8() && caps.utf8User() && caps.lang() && caps.stls());
    assertEquals(Set.of("PLAIN", "SCRAM-SHA-256"), caps.saslMechanisms());
    assertEquals(new Pop3Capabilities.Expire(false, 31, true), caps.expire().orElseThrow());
    assertEquals(Duration.ofSeconds(900), caps.loginDelay().orElseThrow().minimum());
    assertEquals("Shlemazle-Plotz-v302", caps.implementation().orElseThrow());
    assertEquals(14, caps.lines().size());
    assertEquals(List.of("CAPA", "QUIT"), wire(server));
  }

  @Test
  void expireNeverAndServerWithoutCapa() throws Exception {
    assertTrue(Pop3Capabilities.parse(List.of("EXPIRE NEVER")).expire().orElseThrow().never());
    assertTrue(Pop3Capabilities.parse(List.of("EXPIRE soon")).expire().isEmpty());
    server.enqueue(greeting(), err("unknown command"), bye());
    try (Pop3Session session = Pop3.plain(server).build().connect()) {
      assertFalse(session.capabilities().announced());
      assertFalse(session.pipelined());
    }
  }

  @Test
  void errGreetingIsATypedErrorAndNothingIsSentP12() {
    server.enqueue(MockReply.of("-ERR [SYS/TEMP] too busy"));
    Pop3SystemTemporaryException e = assertThrows(Pop3SystemTemporaryException.class,
        () -> Pop3.plain(server).build().connect());
    assertEquals("too busy", e.reply().text());
    assertEquals(List.of(), wire(server));
  }

  @Test
  void escapeBytesInTheGreetingAreEscapedInMessagesAndTraceP12() {
    List<String> trace = Pop3.newTrace();
    server.enqueue(MockReply.raw("-ERR \u001b]0;owned\u0007 go away\r\n".getBytes(UTF_8)));
    Pop3CommandException e = assertThrows(Pop3CommandException.class,
        () -> Pop3.traced(Pop3.plain(server), trace).build().connect());
    assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    assertTrue(e.getMessage().contains("\\x1B]0;owned\\x07"), e.getMessage());
    assertTrue(trace.stream().noneMatch(l -> l.contains("\u001b") || l.contains("\u0007")), trace.toString());
  }

  @Test
  void greetingNeverSentIsATimeoutP12() {
    server.enqueue(MockReply.stall());
    Timeouts quick = Timeouts.defaults().newBuilder().all(Pop3.QUICK).greeting(Duration.ofMillis(300)).build();
    assertThrows(MailTimeoutException.class, () -> Pop3.plain(server).timeouts(quick).build().connect());
  }

  @Test
  void unsolicitedScanListingAfterTheGreetingIsAProtocolErrorP09() {
    server.enqueue(MockReply.raw("+OK ready\r\n1 120\r\n2 200\r\n.\r\n".getBytes(UTF_8)), bye());
    assertThrows(MailProtocolException.class, () -> Pop3.plain(server).build().connect());
    server.verifyNoFailures();
  }

  @Test
  void megabyteStatusLineIsAProtocolErrorP10() {
    server.enqueue(MockReply.of("+OK " + "x".repeat(1024 * 1024)));
    assertThrows(MailProtocolException.class, () -> Pop3.plain(server).build().connect());
  }

  @Test
  void capaThatNeverEndsIsAProtocolErrorAtTheBoundP10() {
    server.enqueue(greeting(), MockReply.raw(("+OK\r\n" + "X-FLOOD capability\r\n".repeat(20_000)).getBytes(UTF_8)));
    MailProtocolException e = assertThrows(MailProtocolException.class, () -> Pop3.plain(server).build().connect());
    assertTrue(e.getMessage().contains("P10"), e.getMessage());
  }
}
