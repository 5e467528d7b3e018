package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.bye;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static dev.mailroom.smtp.Smtp.wire;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUTH (RFC 4954): S20, T13, T19. */
@ExtendWith(StartStopExtension.class)
class AuthTest {
  private static final String SECRET = "s3cret-pw";
  private static final String PLAIN_IR = Base64.getEncoder().encodeToString(("\0alice\0" + SECRET).getBytes(UTF_8));

  @StartStop final MockMailServer server = new MockMailServer();

  private SmtpClient client(List<String> trace) {
    return Smtp.plain(server, trace).credentials(Credentials.password("alice", SECRET)).build();
  }

  @Test
  void plainWithInitialResponseThenEhloAgain() throws Exception {
    List<String> trace = Smtp.newTrace();
    server.enqueue(greeting(), ehlo("AUTH PLAIN"), MockReply.of("235 2.7.0 Authentication successful"),
        ehlo("AUTH PLAIN", "SIZE 10"), bye());
    try (SmtpSession session = client(trace).connect()) {
      assertEquals(10, session.capabilities().maxSize());
    }
    assertEquals(List.of("EHLO client.test", "AUTH PLAIN " + PLAIN_IR, "EHLO client.test", "QUIT"), wire(server));
    assertTrue(trace.stream().noneMatch(l -> l.contains(PLAIN_IR)), "secret never in the trace");
  }

  @Test
  void loginAnswersChallengesWithSecretLines() throws Exception {
    List<String> trace = Smtp.newTrace();
    server.enqueue(greeting(), ehlo("AUTH LOGIN"), MockReply.of("334 VXNlcm5hbWU6"), MockReply.of("334 UGFzc3dvcmQ6"),
        MockReply.of("235 ok"), ehlo(), bye());
    Smtp.plain(server, trace).credentials(Credentials.password("alice", SECRET))
        .saslPolicy(SaslPolicy.of(SaslMechanism.login())).build().connect().close();
    String pw = Base64.getEncoder().encodeToString(SECRET.getBytes(UTF_8));
    assertEquals(pw, wire(server).get(3));
    assertTrue(trace.stream().noneMatch(l -> l.contains(pw)), trace.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"535 5.7.8 Authentication credentials invalid", "534 5.7.9 Authentication mechanism is "
      + "too weak", "454 4.7.0 Temporary authentication failure", "530 5.7.0 Authentication required"})
  void authRefusalsAreAuthenticationErrorsS20(String refusal) {
    List<String> trace = Smtp.newTrace();
    server.enqueue(greeting(), ehlo("AUTH PLAIN"), MockReply.of(refusal));
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class, () -> client(trace).connect());
    assertInstanceOf(SmtpCommandException.class, e.getCause());
    assertEquals(Integer.parseInt(refusal.substring(0, 3)), ((SmtpCommandException) e.getCause()).code());
    assertFalse(e.getMessage().contains(SECRET) || String.join("\n", trace).contains(PLAIN_IR));
    assertEquals(2, wire(server).size(), "no other mechanism is tried (T19)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"501 5.5.4 syntax error", "504 5.5.4 unrecognized authentication type"})
  void authCommandErrorsAreCommandErrorsNotAuthenticationErrorsS20(String refusal) {
    server.enqueue(greeting(), ehlo("AUTH PLAIN"), MockReply.of(refusal));
    MailException e = assertThrows(MailException.class, () -> client(Smtp.newTrace()).connect());
    assertInstanceOf(SmtpCommandException.class, e);
    assertFalse(e instanceof MailAuthenticationException);
  }

  @Test
  void garbageChallengeIsCancelledWithStarT19() {
    server.enqueue(greeting(), ehlo("AUTH LOGIN"), MockReply.of("334 !!not*base64!!"),
        MockReply.of("501 5.7.0 cancelled"));
    SmtpClient c = Smtp.plain(server).credentials(Credentials.password("alice", SECRET))
        .saslPolicy(SaslPolicy.of(SaslMechanism.login(), SaslMechanism.plain())).build();
    assertThrows(MailAuthenticationException.class, c::connect);
    assertEquals(List.of("EHLO client.test", "AUTH LOGIN", "*"), wire(server));
  }

  @Test
  void dropInMidExchangeFailsWithoutRetryT19() {
    server.enqueue(greeting(), ehlo("AUTH LOGIN PLAIN"), MockReply.of("334 VXNlcm5hbWU6")
        .onReplyEnd(dev.mailroom.testkit.SocketEffect.CLOSE));
    SmtpClient c = Smtp.plain(server).credentials(Credentials.password("alice", SECRET))
        .saslPolicy(SaslPolicy.of(SaslMechanism.login())).build();
    assertThrows(MailException.class, c::connect);
    assertEquals(1, server.connectionCount());
  }

  @Test
  void credentialsNeverCrossCleartextToARemoteHostT13() throws Exception {
    InetAddress remote = nonLoopbackAddress();
    assumeTrue(remote != null, "no non-loopback IPv4 address on this machine");
    try (MockMailServer lan = new MockMailServer()) {
      lan.start(remote, 0);
      lan.enqueue(greeting(), ehlo("AUTH PLAIN LOGIN"));
      SmtpClient c = Smtp.plain(lan).endpoint(Endpoint.plain(remote.getHostAddress(), lan.port()))
          .credentials(Credentials.password("alice", SECRET)).build();
      assertThrows(MailSecurityException.class, c::connect);
      assertEquals(List.of("EHLO client.test"), wire(lan), "no AUTH over cleartext");
    }
  }

  @Test
  void credentialsWithoutAuthOfferedFail() {
    server.enqueue(greeting(), ehlo("PIPELINING"));
    assertThrows(MailAuthenticationException.class, () -> client(Smtp.newTrace()).connect());
    assertEquals(List.of("EHLO client.test"), wire(server));
  }

  private static InetAddress nonLoopbackAddress() throws Exception {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return a;
        }
      }
    }
    return null;
  }
}
