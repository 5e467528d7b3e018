package dev.mailroom.pop3;

import static dev.mailroom.pop3.Pop3.bye;
import static dev.mailroom.pop3.Pop3.greeting;
import static dev.mailroom.pop3.Pop3.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.testkit.MockPop3Server;
import dev.mailroom.testkit.MockReply;
import dev.mailroom.testkit.junit5.StartStop;
import dev.mailroom.testkit.junit5.StartStopExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Extended response codes (RFC 2449 §8, RFC 3206): P11, each code its own typed error with the code exposed. */
@ExtendWith(StartStopExtension.class)
class ResponseCodesTest {
  @StartStop final MockPop3Server server = new MockPop3Server();

  static Stream<Arguments> codes() {
    return Stream.of(
        Arguments.of("-ERR [IN-USE] maildrop locked", Pop3MaildropInUseException.class, ResponseCode.IN_USE),
        Arguments.of("-ERR [LOGIN-DELAY] wait 15 minutes", Pop3LoginDelayException.class, ResponseCode.LOGIN_DELAY),
        Arguments.of("-ERR [SYS/TEMP] disk busy", Pop3SystemTemporaryException.class, ResponseCode.SYS_TEMP),
        Arguments.of("-ERR [SYS/PERM] account disabled", Pop3SystemPermanentException.class, ResponseCode.SYS_PERM));
  }

  @ParameterizedTest
  @MethodSource("codes")
  void passRefusalsCarryTypedCodesP11(String reply, Class<? extends Pop3CommandException> type, ResponseCode code) {
    server.enqueue(greeting(), MockPop3Server.capa("USER", "RESP-CODES"), ok(""), MockReply.of(reply));
    Pop3CommandException e = assertThrows(type, () -> Pop3.bob(server).build().connect());
    assertEquals(code, e.responseCode().orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("codes")
  void authRefusalsCarryTypedCodesP11(String reply, Class<? extends Pop3CommandException> type, ResponseCode code) {
    server.enqueue(greeting(), MockPop3Server.capa("SASL PLAIN", "RESP-CODES"), MockReply.of(reply));
    Pop3CommandException e = assertThrows(type,
        () -> Pop3.plain(server).credentials(Credentials.password("bob", "bob-pw")).build().connect());
    assertTrue(e.reply().hasCode(code));
  }

  @Test
  void authCodeIsAnAuthenticationErrorP11() {
    server.enqueue(greeting(), MockPop3Server.capa("USER", "AUTH-RESP-CODE"), ok(""),
        MockReply.of("-ERR [AUTH] wrong password"));
    Pop3AuthenticationException e = assertThrows(Pop3AuthenticationException.class,
        () -> Pop3.bob(server).build().connect());
    assertTrue(e.reply().hasCode(ResponseCode.AUTH));
  }

  @Test
  void codesOnTransactionCommandsKeepTheSessionUsableP11() throws Exception {
    Pop3.enqueueLogin(server, "USER", "RESP-CODES");
    server.enqueue(MockReply.of("-ERR [SYS/TEMP/IO] try later"), ok("still here"), bye());
    try (Pop3Session session = Pop3.bob(server).build().connect()) {
      Pop3CommandException e = assertThrows(Pop3CommandException.class, () -> session.retrieve(1));
      assertInstanceOf(Pop3SystemTemporaryException.class, e);
      assertEquals("SYS/TEMP/IO", e.responseCode().orElseThrow().value());
      assertEquals("still here", session.noop().text());
    }
  }
}
