package dev.mailroom.samples.cli;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailException;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.UnsolicitedListener;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.SmtpClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailroom check}: waits until a message matching regular expressions ({@link MessageMatcher}) is in a
 * mailbox, over IMAP ({@link ImapWatch}, with IDLE when offered) or POP3 ({@link Pop3Watch}, polling), then
 * optionally deletes it. Messages already there count; with {@code --send-and-receive} ({@link RoundTripProbe}) it
 * sends a probe over SMTP first, waits for that one only, reports the latency and deletes it.
 *
 * <pre>{@code
 * MAILROOM_PASSWORD=secret java -jar samples/target/mailroom.jar check --host imap.example.org --security tls \
 *     --user monitor --password-env MAILROOM_PASSWORD --subject '^Nightly backup (OK|done)' \
 *     --header 'X-Backup-Host:^db1$' --within 10m --delete --json
 * MAILROOM_PASSWORD=secret java -jar samples/target/mailroom.jar check --send-and-receive --host mail.example.org \
 *     --user monitor --password-env MAILROOM_PASSWORD --to monitor@example.org --within 2m
 * }</pre>
 *
 * <p>Exit codes: {@link ExitCodes#FOUND} 0, {@link ExitCodes#NOT_FOUND} 1 (nothing matched in time),
 * {@link ExitCodes#CHECK_ERROR} 2 (any error, bad options included). {@code --json} prints one line:
 * {@code {"found": true, "protocol": "imap", "folder": "INBOX", "uid": "42", "messageId": ..., "from": ...,
 * "subject": ..., "checked": 7, "elapsedMs": 812, "deleted": false}}; a probe adds {@code "probe"},
 * {@code "smtpMs"} and {@code "latencyMs"}; an error gives {@code {"found": false, "error": "..."}}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Wait until a matching message arrives (or send a probe and time its round trip).")
final class CheckCommand implements Callable<Integer> {
  @Mixin
  ConnectionOptions connection;

  @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "imap",
      description = "imap or pop3 (default: ${DEFAULT-VALUE}).")
  FetchCommand.Protocol protocol;

  @Option(names = "--folder", paramLabel = "NAME", defaultValue = "INBOX",
      description = "IMAP: the folder to watch (default: ${DEFAULT-VALUE}).")
  String folder;

  @Option(names = "--from", paramLabel = "REGEX", description = "The decoded From field matches REGEX.")
  String from;

  @Option(names = "--subject", paramLabel = "REGEX", description = "The decoded Subject matches REGEX.")
  String subject;

  @Option(names = "--header", paramLabel = "NAME:REGEX", description = "A field NAME matches REGEX (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(names = "--body", paramLabel = "REGEX", description = "The decoded text body matches REGEX.")
  String body;

  @Option(names = "--within", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "How long to wait: 500ms, 30s, 5m, 1h (default: ${DEFAULT-VALUE}).")
  Duration within;

  @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
      description = "Time between polls without IMAP IDLE (default: ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(names = "--delete", description = "Delete the matching message once found.")
  boolean delete;

  @Option(names = "--json", description = "Print the outcome as one line of JSON.")
  boolean json;

  @Option(names = "--send-and-receive", description = "Send a probe over SMTP, wait for it, report the latency "
      + "and delete it.")
  boolean sendAndReceive;

  @Option(names = "--to", paramLabel = "ADDRESS", description = "Probe: the address of the watched mailbox.")
  String to;

  @Option(names = "--probe-from", paramLabel = "ADDRESS", description = "Probe: the sender (default: --to).")
  String probeFrom;

  @Option(names = "--smtp-host", paramLabel = "HOST", description = "Probe: the SMTP server (default: --host).")
  String smtpHost;

  @Option(names = "--smtp-port", paramLabel = "PORT",
      description = "Probe: the SMTP port (default by --smtp-security: plain 25, starttls 587, tls 465).")
  Integer smtpPort;

  @Option(names = "--smtp-security", paramLabel = "MODE", defaultValue = "starttls",
      description = "Probe: plain, starttls or tls (default: ${DEFAULT-VALUE}).")
  ConnectionOptions.SecurityMode smtpSecurity;

  @Option(names = "--smtp-no-auth", description = "Probe: send without authenticating (an MX-style port).")
  boolean smtpNoAuth;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    validate(cl);
    long start = System.nanoTime();
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      MessageMatcher matcher = MessageMatcher.of(from, subject, headers, body);
      Optional<Credentials> credentials = connection.credentials(cl);
      long deadline = start + within.toNanos();
      AtomicInteger checked = new AtomicInteger();
      WatchedMailbox opened;
      try {
        opened = open(credentials, cl.getErr(), matcher.needsBody());
      } catch (MailException e) {
        return error("cannot connect: " + e.getMessage(), cl);
      }
      try (WatchedMailbox box = opened) {
        Optional<WatchedMailbox.Arrival> found;
        if (sendAndReceive) {
          RoundTripProbe.Result probe = RoundTripProbe.run(smtp(credentials, cl.getErr()),
              probeFrom != null ? probeFrom : to, to, box, deadline, checked);
          found = probe.arrival();
          describe(result, box, found);
          result.put("probe", probe.token());
          result.put("smtpMs", probe.smtpMillis());
          result.put("latencyMs", probe.latencyMillis());
        } else {
          found = box.awaitMatch(matcher, deadline, checked);
          describe(result, box, found);
        }
        result.put("checked", checked.get());
        result.put("elapsedMs", (System.nanoTime() - start) / 1_000_000);
        if (found.isPresent() && (delete || sendAndReceive)) {
          box.delete(found.get());
        }
        result.put("deleted", found.isPresent() && (delete || sendAndReceive));
        print(result, cl.getOut());
        return found.isPresent() ? ExitCodes.FOUND : ExitCodes.NOT_FOUND;
      }
    } catch (CommandFailure | IllegalArgumentException e) {
      return error(e.getMessage(), cl);
    } catch (MailException e) {
      return error(e.getMessage(), cl);
    } catch (IOException e) {
      return error(e.toString(), cl);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted", cl);
    }
  }

  private void validate(CommandLine cl) {
    if (connection.user == null) {
      throw new CommandLine.ParameterException(cl, "--user is required");
    }
    if (protocol == FetchCommand.Protocol.pop3 && !folder.equals("INBOX")) {
      throw new CommandLine.ParameterException(cl, "--folder needs --protocol imap: POP3 has one mailbox");
    }
    if (sendAndReceive && to == null) {
      throw new CommandLine.ParameterException(cl, "--send-and-receive needs --to ADDRESS (the watched mailbox)");
    }
    if (sendAndReceive && (from != null || subject != null || body != null || !headers.isEmpty())) {
      throw new CommandLine.ParameterException(cl, "--send-and-receive waits for its own probe: "
          + "--from, --subject, --header and --body do not apply");
    }
  }

  private WatchedMailbox open(Optional<Credentials> credentials, PrintWriter err, boolean withBody)
      throws IOException {
    boolean forDelete = delete || sendAndReceive;
    return protocol == FetchCommand.Protocol.imap
        ? new ImapWatch(Clients.imap(connection, credentials, err, UnsolicitedListener.NONE),
            MailboxName.of(folder), forDelete, sendAndReceive, withBody, poll)
        : new Pop3Watch(Clients.pop3(connection, credentials, err), sendAndReceive, withBody, poll);
  }

  private SmtpClient smtp(Optional<Credentials> credentials, PrintWriter err) throws IOException {
    String host = smtpHost != null ? smtpHost : connection.host;
    Endpoint endpoint = switch (smtpSecurity) {
      case plain -> connection.allowCleartextAuth ? Endpoint.plain(host, port(25)).allowingCleartextCredentials()
          : Endpoint.plain(host, port(25));
      case starttls -> Endpoint.startTls(host, port(587));
      case tls -> Endpoint.implicitTls(host, port(465));
    };
    SmtpClient.Builder b = SmtpClient.builder().endpoint(endpoint).tls(connection.tls())
        .clientName(connection.clientName).trace(connection.trace(err));
    if (!smtpNoAuth) {
      credentials.ifPresent(b::credentials);
    }
    return b.build();
  }

  private int port(int byDefault) {
    return smtpPort != null ? smtpPort : byDefault;
  }

  private void describe(Map<String, Object> result, WatchedMailbox box, Optional<WatchedMailbox.Arrival> found) {
    result.put("found", found.isPresent());
    result.put("protocol", protocol.name());
    result.put("folder", box.name());
    if (found.isPresent()) {
      MimeMessage m = found.get().message();
      result.put("uid", found.get().uid());
      result.put("messageId", m.messageId().orElse(null));
      result.put("from", m.headers().text("From").orElse(null));
      result.put("subject", m.subject().orElse(null));
    }
  }

  private void print(Map<String, Object> result, PrintWriter out) {
    if (json) {
      out.println(Json.write(result));
      return;
    }
    boolean found = (Boolean) result.get("found");
    String where = result.get("folder") + " over " + protocol;
    if (result.containsKey("probe")) {
      out.println("probe " + result.get("probe") + " sent in " + result.get("smtpMs") + " ms, "
          + (found ? "received after " + result.get("latencyMs") + " ms in " + where
              : "not received within " + within.toMillis() + " ms in " + where));
    } else {
      out.println(found ? "found UID " + result.get("uid") + " in " + where + " after " + result.get("elapsedMs")
          + " ms" : "not found: no matching message in " + where + " within " + within.toMillis() + " ms ("
          + result.get("checked") + " looked at)");
    }
    if (found) {
      for (String field : List.of("from", "subject", "messageId")) {
        out.println("  " + field + ": " + Display.escape((String) result.get(field)));
      }
      out.println(Boolean.TRUE.equals(result.get("deleted")) ? "deleted" : "kept");
    }
  }

  private int error(String message, CommandLine cl) {
    String text = Display.escape(message);
    cl.getErr().println("mailroom: " + text);
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("found", false);
      result.put("error", message);
      cl.getOut().println(Json.write(result));
    }
    return ExitCodes.CHECK_ERROR;
  }
}
