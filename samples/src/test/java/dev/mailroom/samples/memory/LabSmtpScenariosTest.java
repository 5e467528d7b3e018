package dev.mailroom.samples.memory;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.testkit.lab.MailLab;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The shared SMTP scenarios against the lab's Postfix, read back from Dovecot over IMAP. */
@Tag("interop")
class LabSmtpScenariosTest extends SmtpScenarios {
  private static final Map<String, MailLab.User> USERS =
      Map.of("alice", MailLab.ALICE, "bob", MailLab.BOB, "carol", MailLab.CAROL);
  private MailLab lab;

  @BeforeEach
  void lab() {
    lab = MailLab.require();
  }

  @Override
  MailBackend backend() {
    return new MailBackend() {
      @Override
      public Endpoint smtpInbound() {
        return Endpoint.startTls(lab.host(), MailLab.SMTP);
      }

      @Override
      public Endpoint pop3() {
        return Endpoint.startTls(lab.host(), MailLab.POP3);
      }

      @Override
      public Endpoint submission() {
        return Endpoint.startTls(lab.host(), MailLab.SUBMISSION);
      }

      @Override
      public Endpoint submissions() {
        return Endpoint.implicitTls(lab.host(), MailLab.SUBMISSIONS);
      }

      @Override
      public TlsOptions tls() throws IOException {
        return TlsOptions.builder().trustCertificates(lab.caCertificate()).build();
      }

      @Override
      public byte[] takeDelivered(String user, String messageId, Duration timeout) throws Exception {
        return lab.takeDelivered(USERS.get(user), messageId, timeout);
      }
    };
  }
}
