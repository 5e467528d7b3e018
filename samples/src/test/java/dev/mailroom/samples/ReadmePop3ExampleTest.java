package dev.mailroom.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.pop3.FetchJob;
import dev.mailroom.pop3.FetchReport;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.SeenUidStore;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.testkit.junit5.MailServer;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirrors README.md "Example: fetching over POP3" line for line, against the in-memory server. */
class ReadmePop3ExampleTest {
  @MailServer(tls = true) InMemoryMailServer server;

  @Test
  void fetchExample(@TempDir Path inbox) throws Exception {
    try (SmtpSession smtp = SmtpClient.builder().endpoint(Endpoint.plain(server.host(), server.smtpPort())).build()
        .connect()) {
      for (int i = 0; i < 3; i++) {
        smtp.send(Envelope.of("alice@example.test", "bob@example.test"),
            ("Subject: " + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    server.mailbox("bob").awaitMessages(3, Duration.ofSeconds(5));
    SeenUidStore seenStore = SeenUidStore.inMemory();

    // README: begin
    Pop3Client client = Pop3Client.builder()
        .endpoint(Endpoint.implicitTls(server.host(), server.pop3sPort()))
        .tls(TlsOptions.builder().trustStore(server.trustStore()).build())
        .credentials(Credentials.password("bob", "bob-pw"))
        .build();
    FetchReport report = FetchJob.builder(client)
        .sink((ref, body) -> Files.copy(body, inbox.resolve(UUID.randomUUID() + ".eml")))  // returns = stored
        .seenUids(seenStore)            // exactly once across runs (persist it); SeenUidStore.inMemory() for tests
        .deleteAfterStore(true)         // DELE only what the sink stored; counted only if QUIT gets +OK
        .build()
        .run();
    System.out.println(report.stored().size() + " new, committed=" + report.committed());
    // README: end

    assertEquals(3, report.stored().size());
    assertTrue(report.committed());
    try (var files = Files.list(inbox)) {
      assertEquals(3, files.count());
    }
    assertEquals(0, server.mailbox("bob").messages().size(), "deleted on the server after the QUIT");
  }
}
