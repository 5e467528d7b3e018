package dev.mailroom.smtp;

import static dev.mailroom.smtp.Smtp.CERTS;
import static dev.mailroom.smtp.Smtp.ehlo;
import static dev.mailroom.smtp.Smtp.greeting;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.Security;
import dev.mailroom.client.Timeouts;
import dev.mailroom.testkit.MockMailServer;
import dev.mailroom.testkit.MockReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Deadlines over TLS: a server that stops answering inside a TLS session must end in {@link MailTimeoutException}
 * when the deadline passes, exactly as on a plain connection (SECURITY.md R01, R02). Closing only the TLS socket from
 * the watchdog does not unblock a thread reading from it, so the transport closes the TCP socket underneath too.
 */
class TlsDeadlineTest {
  @Test
  void aSilentServerInsideImplicitTlsTimesOutR01() throws Exception {
    try (MockMailServer tls = new MockMailServer()) {
      tls.useTls(CERTS);
      tls.start();
      tls.enqueue(greeting(), ehlo("PIPELINING"), MockReply.stall());
      SmtpClient client = Smtp.client(tls, Security.IMPLICIT_TLS)
          .timeouts(Timeouts.defaults().newBuilder().all(Duration.ofSeconds(5)).build())
          .smtpTimeouts(SmtpTimeouts.all(Duration.ofMillis(500)))
          .build();
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        try (SmtpSession session = client.connect()) {
          assertThrows(MailTimeoutException.class, session::noop);
          assertFalse(session.isOpen());
        }
      });
    }
  }
}
