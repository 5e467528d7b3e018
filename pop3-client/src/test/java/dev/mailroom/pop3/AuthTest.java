package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.err;
import static dev.mailroom.pop3.Pop3.greeting;
import static dev.mailroom.pop3.Pop3.ok;
import static dev.mailroom.pop3.Pop3.wire;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** USER/PASS and APOP (RFC 1939 §7), AUTH (RFC 5034): P01, P02, T13, T19. */
@ExtendWith(StartStopExtension.class)
class AuthTest {
  @StartStop final MockPop3Server server = new MockPop3Server();

  private static String md5(String text) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(UTF_8)));
  }

  @Test
  void userPassWithThePasswordRedactedInTheTrace() throws Exception {
    List<String> trace = Pop3.newTrace();
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(bye());
    Pop3.traced(Pop3.bob(server), trace).build().connect().close();
    assertEquals(List.of("CAPA", "USER bob", "PASS bob-pw", "CAPA", "QUIT"), wire(server));
    assertTrue(trace.stream().noneMatch(l -> l.contains("bob-pw")), trace.toString());
  }

  @Test
  void autoUsesUserPassWithoutSaslAndSaslWhenOffered() throws Exception {
    Pop3.enqueueLogin(server, "USER");
    server.enqueue(bye());
    Pop3.plain(server).credentials(Credentials.password("bob", "bob-pw")).build().connect().close();
    assertEquals("USER bob", wire(server).get(1));
  }

  @Test
  void refusedPasswordIsAnAuthenticationErrorWithTheCode() {
    server.enqueue(greeting(), MockPop3Server.capa("USER", "AUTH-RESP-CODE"), ok(""),
        err("[AUTH] invalid password"));
    Pop3AuthenticationException e = assertThrows(Pop3AuthenticationException.class,
        () -> Pop3.bob(server).build().connect());
    assertEquals(ResponseCode.AUTH, e.responseCode().orElseThrow());
  }

  @Test
  void apopUnderTlsSendsTheDigest() throws Exception {
    try (MockPop3Server tls = new MockPop3Server()) {
      tls.useTls(Pop3.CERTS);
      tls.start();
      tls.enqueue(greeting(), MockPop3Server.capa("USER"), ok("maildrop locked and ready"),
          MockPop3Server.capa("UIDL"), bye());
      Pop3.client(tls, Security.IMPLICIT_TLS).credentials(Credentials.password("mrose", "tanstaaf"))
          .authMethod(Pop3AuthMethod.APOP).build().connect().close();
      assertEquals("APOP mrose c4c9334bac560ecc979e58001b3e22fb", wire(tls).get(1));
      assertEquals(md5(Pop3.TIMESTAMP + "tanstaaf"), wire(tls).get(1).substring("APOP mrose ".length()));
    }
  }

  @Test
  void apopOnCleartextNeedsTheOptInAndNeverFallsBackP01() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("USER"));
    Pop3Client.Builder apop = Pop3.plain(server).credentials(Credentials.password("mrose", "tanstaaf"))
        .authMethod(Pop3AuthMethod.APOP);
    assertThrows(MailSecurityException.class, () -> apop.build().connect());
    assertEquals(List.of("CAPA"), wire(server));
    server.enqueue(greeting(), MockPop3Server.capa("USER"), ok(""), MockPop3Server.capa("UIDL"), bye());
    apop.allowApopWithoutTls(true).build().connect().close();
    assertEquals("APOP mrose c4c9334bac560ecc979e58001b3e22fb", wire(server).get(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+OK ready", "+OK ready <no-at>", "+OK ready <a@b> <c@d>",
      "+OK ready <aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b>"})
  void greetingWithoutAStrictTimestampMakesApopFailNotFallBackP01(String greetingLine) {
    server.enqueue(MockReply.of(greetingLine), MockPop3Server.capa("USER"));
    assertThrows(MailSecurityException.class, () -> Pop3.plain(server)
        .credentials(Credentials.password("mrose", "tanstaaf")).authMethod(Pop3AuthMethod.APOP)
        .allowApopWithoutTls(true).build().connect());
    assertEquals(List.of("CAPA"), wire(server));
  }

  @Test
  void timestampWithACarriageReturnOr10KbIsAProtocolErrorP01() {
    server.enqueue(MockReply.raw("+OK ready <a\rb@c>\r\n".getBytes(UTF_8)));
    Pop3Client.Builder apop = Pop3.plain(server).credentials(Credentials.password("mrose", "tanstaaf"))
        .authMethod(Pop3AuthMethod.APOP).allowApopWithoutTls(true);
    assertThrows(MailProtocolException.class, () -> apop.build().connect());
    server.enqueue(MockReply.of("+OK ready <" + "a".repeat(10 * 1024) + "@b>"));
    assertThrows(MailProtocolException.class, () -> apop.build().connect());
    assertEquals(List.of(), wire(server));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob\r\nDELE 1", "bob\nQUIT", "bob smith", "bob\u0000", "\u0085bob"})
  void userNamesThatCouldInjectAreRejectedBeforeAnyByteP02(String user) {
    server.enqueue(greeting(), MockPop3Server.capa("USER"));
    assertThrows(IllegalArgumentException.class, () -> Pop3.plain(server)
        .credentials(Credentials.password(user, "pw")).authMethod(Pop3AuthMethod.USER_PASS).build().connect());
    assertEquals(List.of("CAPA"), wire(server));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pw\r\nDELE 1", "pw word", "pw\u0000", ""})
  void passwordsThatCouldInjectAreRejectedBeforeAnyByteP02(String password) {
    server.enqueue(greeting(), MockPop3Server.capa("USER"));
    assertThrows(IllegalArgumentException.class, () -> Pop3.plain(server)
        .credentials(Credentials.password("bob", password)).authMethod(Pop3AuthMethod.USER_PASS).build().connect());
    assertEquals(List.of("CAPA"), wire(server));
  }

  @Test
  void saslPlainWithInitialResponseRedacted() throws Exception {
    List<String> trace = Pop3.newTrace();
    String ir = Base64.getEncoder().encodeToString("\0carol\0p\u00e4ssw\u00f6rd".getBytes(UTF_8));
    server.enqueue(greeting(), MockPop3Server.capa("SASL PLAIN"), ok(""), MockPop3Server.capa("UIDL"), bye());
    Pop3.traced(Pop3.plain(server), trace).credentials(Credentials.password("carol", "p\u00e4ssw\u00f6rd"))
        .build().connect().close();
    assertEquals(List.of("CAPA", "AUTH PLAIN " + ir, "CAPA", "QUIT"), wire(server));
    assertTrue(trace.stream().noneMatch(l -> l.contains(ir)), trace.toString());
  }

  @Test
  void initialResponseOver255OctetsWaitsForTheEmptyChallengeRfc5034() throws Exception {
    String user = "u".repeat(200);
    String ir = Base64.getEncoder().encodeToString(("\0" + user + "\0pw").getBytes(UTF_8));
    server.enqueue(greeting(), MockPop3Server.capa("SASL PLAIN"), MockReply.of("+ "), ok(""),
        MockPop3Server.capa(), bye());
    Pop3.plain(server).credentials(Credentials.password(user, "pw")).build().connect().close();
    assertEquals(List.of("CAPA", "AUTH PLAIN", ir, "CAPA", "QUIT"), wire(server));
  }

  @Test
  void loginMechanismAnswersChallenges() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("SASL LOGIN"), MockReply.of("+ VXNlcm5hbWU6"),
        MockReply.of("+ UGFzc3dvcmQ6"), ok(""), MockPop3Server.capa(), bye());
    Pop3.plain(server).credentials(Credentials.password("bob", "bob-pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.login())).build().connect().close();
    assertEquals(List.of("CAPA", "AUTH LOGIN", "Ym9i", "Ym9iLXB3", "CAPA", "QUIT"), wire(server));
  }

  @Test
  void cramMd5AnswersTheChallenge() throws Exception {
    String challenge = "<1896.697170952@postoffice.example.net>";
    server.enqueue(greeting(), MockPop3Server.capa("SASL CRAM-MD5"),
        MockReply.of("+ " + Base64.getEncoder().encodeToString(challenge.getBytes(UTF_8))), ok(""),
        MockPop3Server.capa(), bye());
    Pop3.plain(server).credentials(Credentials.password("bob", "bob-pw"))
        .saslPolicy(SaslPolicy.of(SaslMechanism.cramMd5())).build().connect().close();
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacMD5");
    mac.init(new javax.crypto.spec.SecretKeySpec("bob-pw".getBytes(UTF_8), "HmacMD5"));
    String expected = "bob " + HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(UTF_8)));
    assertEquals(List.of("CAPA", "AUTH CRAM-MD5", Base64.getEncoder().encodeToString(expected.getBytes(UTF_8)),
        "CAPA", "QUIT"), wire(server));
  }

  @Test
  void xoauth2SendsTheBearerTokenAsInitialResponse() throws Exception {
    server.enqueue(greeting(), MockPop3Server.capa("SASL XOAUTH2"), ok(""), MockPop3Server.capa(), bye());
    Pop3.plain(server).credentials(Credentials.oauth2("bob@example.test", refresh -> "ya29.token")).build()
        .connect().close();
    String ir = Base64.getEncoder().encodeToString("user=bob@example.test\u0001auth=Bearer ya29.token\u0001\u0001"
        .getBytes(UTF_8));
    assertEquals(List.of("CAPA", "AUTH XOAUTH2 " + ir, "CAPA", "QUIT"), wire(server));
  }

  @Test
  void garbageChallengeIsCancelledWithAStarT19() {
    server.enqueue(greeting(), MockPop3Server.capa("SASL LOGIN"), MockReply.of("+ !!!not-base64!!!"),
        err("cancelled"), bye());
    assertThrows(MailAuthenticationException.class, () -> Pop3.plain(server)
        .credentials(Credentials.password("bob", "bob-pw")).saslPolicy(SaslPolicy.of(SaslMechanism.login()))
        .build().connect());
    assertEquals(List.of("CAPA", "AUTH LOGIN", "*"), wire(server));
  }

  @Test
  void saslRefusalIsAnAuthenticationErrorWithThePop3Cause() {
    server.enqueue(greeting(), MockPop3Server.capa("SASL PLAIN"), err("[AUTH] bad credentials"));
    MailAuthenticationException e = assertThrows(MailAuthenticationException.class,
        () -> Pop3.plain(server).credentials(Credentials.password("bob", "x")).build().connect());
    assertInstanceOf(Pop3AuthenticationException.class, e.getCause());
  }

  @Test
  void cleartextCredentialsToANonLoopbackHostAreRefusedT13() throws Exception {
    InetAddress external = nonLoopbackAddress();
    assumeTrue(external != null, "no non-loopback IPv4 address on this machine");
    try (MockPop3Server remote = new MockPop3Server()) {
      remote.start(external, 0);
      remote.enqueue(greeting(), MockPop3Server.capa("USER"), greeting(), MockPop3Server.capa("SASL PLAIN"));
      Pop3Client.Builder builder = Pop3Client.builder().timeouts(Pop3.plain(server).build().timeouts())
          .endpoint(Endpoint.plain(external.getHostAddress(), remote.port()))
          .credentials(Credentials.password("bob", "bob-pw"));
      assertThrows(MailSecurityException.class, () -> builder.authMethod(Pop3AuthMethod.USER_PASS).build().connect());
      assertThrows(MailSecurityException.class, () -> builder.authMethod(Pop3AuthMethod.SASL).build().connect());
      assertEquals(List.of("CAPA", "CAPA"), wire(remote));
    }
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
