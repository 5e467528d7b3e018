package dev.mailroom.samples.cli;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.mime.Attachment;
import dev.mailroom.mime.MessageBuilder;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.codec.EncodedWord;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailroom demo}: the whole SDK in a few seconds, with no server to install. Starts the testkit's
 * {@link InMemoryMailServer} on 127.0.0.1 (TLS from a throw-away test CA, {@link TestCertificates}), sends three
 * messages with {@link SmtpClient} (plain text; HTML with a text alternative; one with an attachment), lists them
 * over IMAP with {@link ImapClient}, then runs the CLI's own {@code fetch} (over POP3, twice, to show that the
 * second run stores nothing), {@code check} and {@code parse} against it, printing each step.
 *
 * <pre>{@code
 * java -jar samples/target/mailroom.jar demo
 * java -jar samples/target/mailroom.jar demo --keep     # keep the Maildir and state file it wrote
 * }</pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run an in-memory mail server and show send, IMAP, fetch, check and parse against it.")
final class DemoCommand implements Callable<Integer> {
  private static final String DOMAIN = "example.test";

  @Option(names = "--keep", description = "Keep the directory with the fetched Maildir instead of deleting it.")
  boolean keep;

  @Spec
  CommandSpec spec;

  private PrintWriter out;
  private int step;
  private Path dir;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    long start = System.nanoTime();
    dir = Files.createTempDirectory("mailroom-demo-");
    step("Start an in-memory mail server (testkit InMemoryMailServer) on 127.0.0.1, TLS from a test CA");
    TestCertificates certificates = TestCertificates.localhost();
    try (InMemoryMailServer server = InMemoryMailServer.builder().domain(DOMAIN).user("alice", "alice-pw")
        .user("bob", "bob-pw").tls(certificates).build().start()) {
      Path ca = Files.writeString(dir.resolve("ca.pem"), pem(certificates));
      Path password = Files.writeString(dir.resolve("bob.password"), "bob-pw\n");
      say("SMTP %d, submission %d (STARTTLS + AUTH), IMAP %d, IMAPS %d, POP3 %d, POP3S %d; users alice, bob",
          server.smtpPort(), server.submissionPort(), server.imapPort(), server.imapsPort(), server.pop3Port(),
          server.pop3sPort());
      say("files (CA certificate, bob's password file, the Maildir) in $DEMO = %s", dir);
      TlsOptions tls = TlsOptions.builder().trustCertificates(ca).build();

      step("Send three messages from alice to bob with SmtpClient (submission, STARTTLS, AUTH PLAIN)");
      send(server, tls,
          message("Lunch on Friday?").text("Hi Bob,\nlunch on Friday at noon?\nAlice\n").build(),
          message("Grüße aus Zürich").text("Grüße aus Zürich!")
              .html("<p>Gr&uuml;&szlig;e aus <b>Z&uuml;rich</b>!</p>").build(),
          message("Quarterly report").text("The figures are attached.")
              .attach(Attachment.of("quarter,revenue\nQ1,120\nQ2,135\n".getBytes(StandardCharsets.UTF_8),
                  "text/csv").withFileName("report.csv")).build());

      step("List bob's INBOX over IMAP with ImapClient (implicit TLS, EXAMINE, UID FETCH ENVELOPE RFC822.SIZE)");
      list(server, tls);

      List<String> login = List.of("--host", server.host(), "--security", "starttls", "--trust-pem", ca.toString(),
          "--user", "bob", "--password-file", password.toString());
      Path maildir = dir.resolve("Maildir");
      step("Fetch them over POP3 into a Maildir, exactly once (FetchJob; a state file remembers each UIDL)");
      List<String> fetch = new ArrayList<>(List.of("fetch", "--protocol", "pop3", "--port",
          String.valueOf(server.pop3Port())));
      fetch.addAll(login);
      fetch.addAll(List.of("--into", "maildir:" + maildir, "--no-progress"));
      mailroom(fetch);
      say("again: the second run finds nothing new");
      mailroom(fetch);

      step("Wait for a message that is not there yet: check watches with IMAP IDLE; alice sends it 1 s later");
      List<String> check = new ArrayList<>(List.of("check", "--port", String.valueOf(server.imapPort())));
      check.addAll(login);
      check.addAll(List.of("--subject", "^Build #\\d+ passed", "--from", "alice@", "--within", "10s", "--json"));
      CompletableFuture<Void> later = CompletableFuture.runAsync(() -> sendQuietly(server, tls,
          message("Build #42 passed").text("All 1,234 tests passed.").build()),
          CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
      mailroom(check);
      later.join();

      step("Parse the fetched message with the attachment (MIME tree, decoded sizes)");
      mailroom(List.of("parse", withAttachment(maildir.resolve("new")).toString()));
    } finally {
      if (keep) {
        say("kept %s", dir);
      } else {
        deleteRecursively(dir);
      }
    }
    out.printf(Locale.ROOT, "%nDone in %.1f s; the server is stopped.%n", (System.nanoTime() - start) / 1e9);
    return ExitCodes.OK;
  }

  /** Step 2, the SDK's SMTP client: one session, the messages one after the other. */
  private void send(InMemoryMailServer server, TlsOptions tls, MimeMessage... messages) throws IOException {
    SmtpClient smtp = SmtpClient.builder().endpoint(Endpoint.startTls(server.host(), server.submissionPort()))
        .tls(tls).credentials(Credentials.password("alice", "alice-pw")).build();
    try (SmtpSession session = smtp.connect()) {
      for (MimeMessage message : messages) {
        SendReport report = session.send(Envelope.of("alice@example.test", "bob@example.test"), message);
        say("%s \"%s\": %s", report.messageAccepted() ? "accepted" : "refused", message.subject().orElse(""),
            report.queueId().map(id -> "queued as " + id).orElse(report.finalReply().displayText()));
      }
    }
  }

  private void sendQuietly(InMemoryMailServer server, TlsOptions tls, MimeMessage message) {
    try {
      send(server, tls, message);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static MessageBuilder message(String subject) {
    return MimeMessage.builder().from("Alice <alice@example.test>").to("bob@example.test").subject(subject);
  }

  /** Step 3, the SDK's IMAP client. */
  private void list(InMemoryMailServer server, TlsOptions tls) throws IOException {
    ImapClient imap = ImapClient.builder().endpoint(Endpoint.implicitTls(server.host(), server.imapsPort()))
        .tls(tls).credentials(Credentials.password("bob", "bob-pw")).build();
    try (ImapSession session = imap.connect()) {
      long exists = session.examine(MailboxName.INBOX).await().exists();
      say("INBOX: %d messages", exists);
      for (FetchedMessage m : session.fetch(UidSet.all(), FetchSpec.builder().envelope().size().build()).await()) {
        say("UID %s  %5d bytes  from %s  \"%s\"", m.uid().orElseThrow(), m.size(),
            m.envelope().from().get(0).email(), Display.escape(EncodedWord.decodeText(m.envelope().subject())));
      }
      session.logout().await();
    }
  }

  /** Runs a {@code mailroom} subcommand in this JVM and prints its command line and output, indented. */
  private void mailroom(List<String> args) {
    StringBuilder command = new StringBuilder("$ mailroom");
    for (String arg : args) {
      String shown = arg.replace(dir.toString(), "$DEMO");
      command.append(' ').append(shown.matches("[\\w./:=@$-]+") ? shown : "'" + shown + "'");
    }
    say("%s", command);
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    int code = MailroomCli.run(new ByteArrayInputStream(new byte[0]), writer, writer, args.toArray(String[]::new));
    text.toString().lines().forEach(line -> say("%s", line));
    if (code != ExitCodes.OK) {
      throw new CommandFailure(ExitCodes.SOFTWARE, "the demo's mailroom " + args.get(0) + " exited " + code);
    }
  }

  private static Path withAttachment(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        if (!MimeMessage.parse(Files.readAllBytes(file)).attachments().isEmpty()) {
          return file;
        }
      }
    }
    throw new IOException("no fetched message with an attachment in " + directory);
  }

  private void step(String what) {
    out.printf("%n%d. %s%n", ++step, what);
    out.flush();
  }

  private void say(String format, Object... args) {
    out.println("   " + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  private static String pem(TestCertificates certificates) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(encoded(certificates))
        + "\n-----END CERTIFICATE-----\n";
  }

  private static byte[] encoded(TestCertificates certificates) {
    try {
      return certificates.caCertificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
