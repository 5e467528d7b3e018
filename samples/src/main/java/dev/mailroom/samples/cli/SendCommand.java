package dev.mailroom.samples.cli;

import dev.mailroom.client.MailException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.mime.AddressList;
import dev.mailroom.mime.Attachment;
import dev.mailroom.mime.MailboxAddress;
import dev.mailroom.mime.MessageBuilder;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.RecipientResult;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpDeliveryUnknownException;
import dev.mailroom.smtp.SmtpSession;
import dev.mailroom.smtp.SmtpTimeouts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailroom send}: builds a message from options (or reads one from a file or standard input) and submits it
 * over SMTP; the example for the {@code smtp} module ({@link SmtpClient}, {@link SmtpSession#send},
 * {@link SendReport}). Prints {@code accepted ADDRESS} or {@code rejected ADDRESS CODE TEXT} per recipient, then the
 * queue id and the Message-ID; the exit code says what happened to the message ({@link ExitCodes}).
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send a message over SMTP.")
final class SendCommand implements Callable<Integer> {
  @Mixin
  ConnectionOptions connection;

  @Option(names = "--from", paramLabel = "ADDRESS", description = "The sender (default with --eml: its From).")
  String from;

  @Option(names = "--to", paramLabel = "ADDRESS", description = "A recipient (repeatable).")
  List<String> to = new ArrayList<>();

  @Option(names = "--cc", paramLabel = "ADDRESS", description = "A copy recipient (repeatable).")
  List<String> cc = new ArrayList<>();

  @Option(names = "--bcc", paramLabel = "ADDRESS", description = "A blind-copy recipient, envelope only (repeatable).")
  List<String> bcc = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "TEXT", description = "The subject.")
  String subject;

  @Option(names = "--text", paramLabel = "TEXT", description = "The plain-text body.")
  String text;

  @Option(names = "--text-file", paramLabel = "FILE", description = "The plain-text body, from a UTF-8 file.")
  Path textFile;

  @Option(names = "--html-file", paramLabel = "FILE", description = "An HTML body, from a UTF-8 file.")
  Path htmlFile;

  @Option(names = "--attach", paramLabel = "FILE", description = "Attach a file (repeatable).")
  List<Path> attach = new ArrayList<>();

  @Option(names = "--eml", paramLabel = "FILE", description = "Send this complete message instead; - reads "
      + "standard input. Recipients default to its To and Cc.")
  String eml;

  @ParentCommand
  MailroomCli cli;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MimeMessage message = eml != null ? readMessage() : buildMessage();
    Envelope envelope = envelope(message);
    SmtpClient.Builder client = SmtpClient.builder()
        .endpoint(connection.endpoint(25, 587, 465))
        .tls(connection.tls())
        .clientName(connection.clientName)
        .trace(connection.trace(err));
    connection.credentials(spec.commandLine()).ifPresent(client::credentials);
    connection.timeout().ifPresent(t -> client.timeouts(Timeouts.defaults().newBuilder().all(t).build())
        .smtpTimeouts(SmtpTimeouts.all(t)));

    SmtpSession session;
    try {
      session = client.build().connect();
    } catch (MailException e) {
      err.println("mailroom: cannot connect: " + e.getMessage());
      return ExitCodes.CONNECTION;
    }
    try (session) {
      SendReport report = session.send(envelope, message);
      for (RecipientResult r : report.recipients()) {
        out.println(r.accepted() ? "accepted " + r.address()
            : "rejected " + r.address() + " " + r.reply().displayText());
      }
      if (!report.messageAccepted()) {
        out.println("message refused: " + report.finalReply().displayText());
        return ExitCodes.NOT_DELIVERED;
      }
      out.println(report.queueId().map(id -> "queued as " + id)
          .orElse("queued: " + report.finalReply().displayText()));
      message.messageId().ifPresent(id -> out.println("message-id " + Display.escape(id)));
      return report.rejectedRecipients().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_REJECTED;
    } catch (SmtpDeliveryUnknownException e) {
      err.println("mailroom: outcome unknown, the message may have been accepted: " + e.getMessage());
      return ExitCodes.OUTCOME_UNKNOWN;
    } catch (MailException e) {
      err.println("mailroom: not delivered: " + e.getMessage());
      return ExitCodes.NOT_DELIVERED;
    }
  }

  private MimeMessage readMessage() throws IOException {
    if (text != null || textFile != null || htmlFile != null || subject != null || !attach.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--eml sends the message as it is: "
          + "--subject, --text, --text-file, --html-file and --attach do not apply");
    }
    byte[] bytes = eml.equals("-") ? cli.stdin().readAllBytes() : Files.readAllBytes(Path.of(eml));
    return MimeMessage.parse(bytes);
  }

  private MimeMessage buildMessage() throws IOException {
    if (from == null || to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--from and at least one --to, --cc or --bcc "
          + "are required (or --eml FILE)");
    }
    MessageBuilder builder = MimeMessage.builder().from(from).to(to.toArray(String[]::new))
        .cc(cc.toArray(String[]::new)).bcc(bcc.toArray(String[]::new));
    if (subject != null) {
      builder = builder.subject(subject);
    }
    if (text != null || textFile != null) {
      builder = builder.text(text != null ? text : Files.readString(textFile, StandardCharsets.UTF_8));
    }
    if (htmlFile != null) {
      builder = builder.html(Files.readString(htmlFile, StandardCharsets.UTF_8));
    }
    for (Path file : attach) {
      if (!Files.isRegularFile(file)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "not a file: " + file);
      }
      builder = builder.attach(Attachment.of(file));
    }
    return builder.build();
  }

  /** The sender and recipients from the options, else (with --eml) from the message's From, To and Cc. */
  private Envelope envelope(MimeMessage message) {
    String sender = from != null ? MailboxAddress.parse(from).envelopeAddress()
        : message.from().mailboxes().stream().findFirst().map(MailboxAddress::envelopeAddress).orElseThrow(() ->
            new CommandLine.ParameterException(spec.commandLine(), "no --from and no From field in the message"));
    List<String> recipients = new ArrayList<>();
    for (String address : concat(to, cc, bcc)) {
      AddressList.parse(address).mailboxes().forEach(m -> recipients.add(m.envelopeAddress()));
    }
    if (recipients.isEmpty()) {
      message.to().mailboxes().forEach(m -> recipients.add(m.envelopeAddress()));
      message.cc().mailboxes().forEach(m -> recipients.add(m.envelopeAddress()));
    }
    if (recipients.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no recipients: give --to, --cc or --bcc");
    }
    return Envelope.of(sender, recipients);
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }
}
