package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.lab.MailLab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar mailroom.jar check} against the lab: a message sent through Postfix (with the jar's own
 * {@code send}) is found in bob's INBOX over IMAP and deleted; {@code --send-and-receive} goes Postfix submission →
 * LMTP → Dovecot and is read back over IMAP (IDLE) and POP3; each probe deletes itself.
 */
@Tag("interop")
class LabCheckIT {
  private static final Map<String, String> ENV = Map.of("MAILROOM_LAB_PASSWORD", MailLab.BOB.password());
  private MailLab lab;

  @BeforeEach
  void lab() {
    lab = MailLab.require();
  }

  private List<String> bob(String command, int port, String security, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--host", lab.host(), "--port", String.valueOf(port),
        "--security", security, "--trust-pem", lab.caCertificate().toString(), "--user", MailLab.BOB.name(),
        "--password-env", "MAILROOM_LAB_PASSWORD", "--timeout", "30"));
    args.addAll(List.of(more));
    return args;
  }

  private static Cli.Result run(List<String> args) throws Exception {
    return JarProcess.run(ENV, new byte[0], args.toArray(String[]::new));
  }

  @Test
  void aMessageSentThroughPostfixIsFoundAndDeleted() throws Exception {
    String token = "check-it-" + System.nanoTime();
    try (LabMailbox mailbox = new LabMailbox(lab, MailLab.BOB)) {
      try {
        Cli.Result sent = run(bob("send", MailLab.SUBMISSION, "starttls", "--from", MailLab.BOB.address(),
            "--to", MailLab.BOB.address(), "--subject", "Nightly report " + token, "--text", "all green"));
        assertEquals(ExitCodes.OK, sent.code(), sent.toString());
        Cli.Result found = run(bob("check", MailLab.IMAP, "starttls", "--subject", "^Nightly report " + token + "$",
            "--body", "all green", "--within", "30s", "--delete", "--json"));
        assertEquals(ExitCodes.FOUND, found.code(), found.toString());
        assertTrue(found.out().contains("\"subject\":\"Nightly report " + token + "\""), found.out());
        assertTrue(found.out().strip().endsWith("\"deleted\":true}"), found.out());
        assertEquals(0, mailbox.deleteWhere("INBOX", "Subject", token), "check deleted it");

        Cli.Result notFound = run(bob("check", MailLab.POP3S, "tls", "--protocol", "pop3", "--subject", token,
            "--within", "1s", "--poll", "300ms"));
        assertEquals(ExitCodes.NOT_FOUND, notFound.code(), notFound.toString());
      } finally {
        mailbox.deleteWhere("INBOX", "Subject", token);
      }
    }
  }

  @Test
  void sendAndReceiveThroughPostfixAndDovecot() throws Exception {
    try (LabMailbox mailbox = new LabMailbox(lab, MailLab.BOB)) {
      try {
        for (List<String> watch : List.of(bob("check", MailLab.IMAP, "starttls"),
            bob("check", MailLab.POP3S, "tls", "--protocol", "pop3", "--poll", "250ms"))) {
          List<String> args = new ArrayList<>(watch);
          args.addAll(List.of("--send-and-receive", "--to", MailLab.BOB.address(), "--smtp-port",
              String.valueOf(MailLab.SUBMISSION), "--smtp-security", "starttls", "--within", "30s", "--json"));
          Cli.Result r = run(args);
          assertEquals(ExitCodes.FOUND, r.code(), r.toString());
          assertTrue(r.out().contains("\"probe\":\"mailroom-probe-"), r.out());
          assertTrue(r.out().matches("(?s).*\"latencyMs\":\\d+.*"), r.out());
          assertTrue(r.out().strip().endsWith("\"deleted\":true}"), r.out());
          System.out.println("probe: " + r.out().strip());
        }
        assertEquals(0, mailbox.deleteWhere("INBOX", RoundTripProbe.HEADER, "mailroom-probe-"),
            "every probe deleted itself");
      } finally {
        mailbox.deleteWhere("INBOX", RoundTripProbe.HEADER, "mailroom-probe-");
      }
    }
  }
}
