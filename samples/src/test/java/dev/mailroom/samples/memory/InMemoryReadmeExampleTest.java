package dev.mailroom.samples.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import dev.mailroom.testkit.memory.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's in-memory server example, line for line, so the snippet keeps compiling and working. */
class InMemoryReadmeExampleTest {
  // --- README: "Testing with the in-memory server" ---
  @MailServer(tls = true) InMemoryMailServer server;   // per test: SMTP/POP3/IMAP on 127.0.0.1, users alice and bob

  @Test
  void sendsTheWelcomeMail() throws Exception {
    SmtpClient smtp = SmtpClient.builder()
        .endpoint(Endpoint.startTls(server.host(), server.submissionPort()))
        .tls(TlsOptions.builder().trustStore(server.trustStore()).build())
        .credentials(Credentials.password("alice", "alice-pw"))
        .build();
    server.faults().rejectRecipient("carol@.*", 550, "5.1.1 no such user");     // failures on purpose
    SendReport report;
    try (SmtpSession session = smtp.connect()) {
      report = session.send(Envelope.of("alice@example.test", List.of("bob@example.test", "carol@example.test")),
          MimeMessage.builder().from("alice@example.test").to("bob@example.test").subject("Welcome")
              .text("Hi Bob\n").build());
    }
    StoredMessage got = server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5)).get(0);
    assertEquals(Optional.of("Welcome"), got.subject());
    assertEquals(Optional.of("alice"), got.envelope().orElseThrow().authenticatedUser());
    assertEquals(550, report.rejectedRecipients().get(0).reply().code());
  }
  // --- end of README example ---
}
