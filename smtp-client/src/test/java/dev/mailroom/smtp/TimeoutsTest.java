package dev.mailroom.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Security;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Default timeouts and limits: R06 (RFC 5321 §4.5.3.2) and S11. */
class TimeoutsTest {
  @Test
  void defaultsAreTheRfc5321MinimumsR06() {
    SmtpTimeouts t = SmtpClient.builder().build().smtpTimeouts();
    assertEquals(Duration.ofMinutes(5), t.greeting());
    assertEquals(Duration.ofMinutes(5), t.mailRcpt());
    assertEquals(Duration.ofMinutes(2), t.dataInit());
    assertEquals(Duration.ofMinutes(3), t.dataBlock());
    assertEquals(Duration.ofMinutes(10), t.dataTermination(), "a short final timeout creates duplicates");
  }

  @Test
  void theIdleReadTimerNeverCutsTheFinalDotWaitR06() {
    SmtpClient client = SmtpClient.builder().build();
    assertTrue(client.transportTimeouts().readIdle().compareTo(Duration.ofMinutes(10)) >= 0);
    assertEquals(Duration.ofMinutes(3), client.transportTimeouts().write());
  }

  @Test
  void replyLimitsAre2000ByteLinesAnd100KbRepliesS11() {
    SmtpClient client = SmtpClient.builder().build();
    assertEquals(2_000, client.limits().maxLineBytes());
    assertEquals(100_000, client.limits().maxResponseBytes());
  }

  @Test
  void defaultEndpointIsImplicitTls() {
    assertEquals(Security.IMPLICIT_TLS, SmtpClient.builder().build().endpoint().security());
    assertTrue(SmtpClient.builder().build().pipelining());
  }
}
