package dev.mailroom.testkit.memory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SMTP connection (RFC 5321) with the extensions the server advertises: PIPELINING (RFC 2920; replies are flushed
 * only when the client's input is drained), SIZE (RFC 1870), 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531), CHUNKING
 * (RFC 3030), DSN (RFC 3461; parameters recorded, never acted on), ENHANCEDSTATUSCODES (RFC 2034), STARTTLS
 * (RFC 3207) and AUTH SCRAM-SHA-256/PLAIN/LOGIN (RFC 4954). DATA content is un-stuffed (RFC 5321 §4.5.2) and a
 * bare CR or LF in it is refused, so clients that would allow SMTP smuggling fail here.
 */
final class SmtpServerSession {
  private static final int MAX_COMMAND_LINE = 4096;
  private static final int MAX_DATA_LINE = 1024 * 1024;
  private static final int MAX_RECIPIENTS = 1000;
  private static final int MAX_ERRORS = 20;
  private static final DateTimeFormatter RFC5322_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

  private final InMemoryMailServer server;
  private final LineChannel channel;
  private final boolean submission;
  private final Faults faults;
  private String helo;
  private boolean extended;
  private String authenticatedUser;
  private int errors;
  // the transaction
  private String mailFrom;
  private Map<String, String> mailParameters;
  private final List<ReceivedEnvelope.Recipient> recipients = new ArrayList<>();
  private ByteArrayOutputStream chunks;
  private boolean chunksOversized;

  SmtpServerSession(InMemoryMailServer server, LineChannel channel, boolean submission) {
    this.server = server;
    this.channel = channel;
    this.submission = submission;
    this.faults = server.faults();
  }

  void run() throws IOException, InterruptedException {
    if (faults.reach(Step.SMTP_GREETING)) {
      return;
    }
    Optional<String> greeting = faults.takeReply(Step.SMTP_GREETING);
    reply(greeting.orElse("220 " + host() + " ESMTP Mailroom in-memory server"));
    if (greeting.isPresent() && greeting.get().startsWith("421")) {
      channel.flush();
      return;
    }
    while (true) {
      String line;
      try {
        line = channel.readTextLine(MAX_COMMAND_LINE);
      } catch (LineChannel.LineTooLongException e) {
        reply("500 5.5.2 Error: line too long");
        return;
      } catch (LineChannel.BareLineEndingException e) {
        if (error("500 5.5.2 Error: bare CR or LF in command")) {
          return;
        }
        continue;
      }
      if (line == null) {
        return;
      }
      int space = line.indexOf(' ');
      String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
      String argument = space < 0 ? "" : line.substring(space + 1);
      if (!command(verb, argument)) {
        return;
      }
    }
  }

  /** Runs one command; false ends the session. */
  private boolean command(String verb, String argument) throws IOException, InterruptedException {
    switch (verb) {
      case "EHLO", "HELO":
        return step(Step.SMTP_EHLO, () -> hello(verb.equals("EHLO"), argument.strip()));
      case "STARTTLS":
        return step(Step.SMTP_STARTTLS, () -> startTls(argument));
      case "AUTH":
        return step(Step.SMTP_AUTH, () -> auth(argument));
      case "MAIL":
        return step(Step.SMTP_MAIL, () -> mail(argument));
      case "RCPT":
        return step(Step.SMTP_RCPT, () -> rcpt(argument));
      case "DATA":
        return step(Step.SMTP_DATA, () -> data(argument));
      case "BDAT":
        return bdat(argument);
      case "RSET":
        resetTransaction();
        reply("250 2.0.0 Ok");
        return true;
      case "NOOP":
        reply("250 2.0.0 Ok");
        return true;
      case "VRFY":
        reply("252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery");
        return true;
      case "HELP":
        reply("214 2.0.0 See RFC 5321");
        return true;
      case "QUIT":
        if (injected(Step.SMTP_QUIT) != null) {
          return false;
        }
        reply("221 2.0.0 Bye");
        channel.flush();
        return false;
      default:
        return !error("502 5.5.2 Error: command not recognized");
    }
  }

  private boolean hello(boolean ehlo, String name) throws IOException {
    if (name.isEmpty() || name.contains(" ")) {
      return !error("501 5.5.4 Syntax: " + (ehlo ? "EHLO" : "HELO") + " hostname");
    }
    resetTransaction();
    helo = name;
    extended = ehlo;
    if (!ehlo) {
      reply("250 " + host());
      return true;
    }
    List<String> lines = new ArrayList<>();
    lines.add(host());
    lines.add("PIPELINING");
    lines.add("SIZE " + server.config().maxMessageSize);
    lines.add("ENHANCEDSTATUSCODES");
    lines.add("8BITMIME");
    lines.add("SMTPUTF8");
    lines.add("CHUNKING");
    lines.add("DSN");
    if (server.tlsContext().isPresent() && !channel.isTls()) {
      lines.add("STARTTLS");
    }
    if (authenticatedUser == null) {
      lines.add("AUTH SCRAM-SHA-256 PLAIN LOGIN");
    }
    multiline(250, lines);
    return true;
  }

  private boolean startTls(String argument) throws IOException {
    if (!argument.isEmpty()) {
      return !error("501 5.5.4 Syntax: STARTTLS");
    }
    if (channel.isTls()) {
      return !error("554 5.5.1 Error: TLS already active");
    }
    if (server.tlsContext().isEmpty()) {
      return !error("502 5.5.1 Error: command not implemented");
    }
    reply("220 2.0.0 Ready to start TLS");
    channel.discardBuffered(); // anything pipelined after STARTTLS came in the clear (CVE-2011-0411)
    channel.startTls(server.tlsContext().get());
    helo = null;
    authenticatedUser = null;
    resetTransaction();
    return true;
  }

  private boolean auth(String argument) throws IOException {
    if (!extended) {
      return !error("503 5.5.1 Error: send EHLO first");
    }
    if (authenticatedUser != null) {
      return !error("503 5.5.1 Error: already authenticated");
    }
    if (mailFrom != null) {
      return !error("503 5.5.1 Error: MAIL transaction in progress");
    }
    String[] parts = argument.strip().split(" ", -1);
    String mechanism = parts[0].toUpperCase(Locale.ROOT);
    Optional<String> initial = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
    Optional<String> user;
    switch (mechanism) {
      case "PLAIN" -> {
        Optional<String> response = initial.isPresent() ? initial : challenge("");
        if (response.isEmpty()) {
          return !error("501 5.7.0 Authentication cancelled");
        }
        user = SaslPlain.decode(response.get().equals("=") ? "" : response.get())
            .flatMap(r -> SaslPlain.authenticate(server, r));
      }
      case "LOGIN" -> {
        Optional<String> name = initial.isPresent() ? initial : challenge(SaslPlain.encode("Username:"));
        Optional<String> password = name.isEmpty() ? Optional.empty() : challenge(SaslPlain.encode("Password:"));
        if (password.isEmpty()) {
          return !error("501 5.7.0 Authentication cancelled");
        }
        Optional<byte[]> n = SaslPlain.base64(name.get());
        Optional<byte[]> p = SaslPlain.base64(password.get());
        user = n.isEmpty() || p.isEmpty() ? Optional.empty()
            : server.store().authenticate(server.loginName(new String(n.get(), StandardCharsets.UTF_8)),
                new String(p.get(), StandardCharsets.UTF_8));
      }
      case "SCRAM-SHA-256" -> user = ScramServer.exchange(server, initial, this::challenge);
      default -> {
        return !error("504 5.5.4 Unrecognized authentication type");
      }
    }
    if (user.isEmpty()) {
      return !error("535 5.7.8 Error: authentication failed");
    }
    authenticatedUser = user.get();
    reply("235 2.7.0 Authentication successful");
    return true;
  }

  /** Sends a 334 challenge and reads the response; empty if the client cancelled with {@code *}. */
  private Optional<String> challenge(String base64) throws IOException {
    reply("334 " + base64);
    String response = channel.readTextLine(MAX_COMMAND_LINE);
    if (response == null) {
      throw new java.io.EOFException("closed during AUTH");
    }
    return response.equals("*") ? Optional.empty() : Optional.of(response);
  }

  private boolean mail(String argument) throws IOException {
    if (helo == null) {
      return !error("503 5.5.1 Error: send HELO/EHLO first");
    }
    if (submission && authenticatedUser == null) {
      return !error("530 5.7.0 Authentication required");
    }
    if (mailFrom != null) {
      return !error("503 5.5.1 Error: nested MAIL command");
    }
    Optional<SmtpPath> path = SmtpPath.parse(argument, "FROM:");
    if (path.isEmpty()) {
      return !error("501 5.5.4 Syntax: MAIL FROM:<address>");
    }
    Map<String, String> parameters = path.get().parameters();
    for (Map.Entry<String, String> p : parameters.entrySet()) {
      String problem = mailParameterProblem(p.getKey(), p.getValue());
      if (problem != null) {
        return !error(problem);
      }
    }
    if (!path.get().isAscii() && !parameters.containsKey("SMTPUTF8")) {
      return !error("553 5.6.7 Error: non-ASCII address needs SMTPUTF8");
    }
    mailFrom = path.get().address();
    mailParameters = parameters;
    reply("250 2.1.0 Ok");
    return true;
  }

  private String mailParameterProblem(String key, String value) {
    switch (key) {
      case "SIZE":
        if (!value.matches("[0-9]{1,18}")) {
          return "501 5.5.4 Bad SIZE parameter";
        }
        return Long.parseLong(value) > server.config().maxMessageSize
            ? "552 5.3.4 Message size exceeds fixed limit" : null;
      case "BODY":
        return value.equalsIgnoreCase("7BIT") || value.equalsIgnoreCase("8BITMIME") ? null
            : "555 5.5.4 Unsupported BODY parameter";
      case "SMTPUTF8":
        return value.isEmpty() ? null : "501 5.5.4 SMTPUTF8 takes no value";
      case "RET":
        return value.equalsIgnoreCase("FULL") || value.equalsIgnoreCase("HDRS") ? null
            : "501 5.5.4 Bad RET parameter";
      case "ENVID", "AUTH":
        return value.isEmpty() ? "501 5.5.4 " + key + " needs a value" : null;
      default:
        return "555 5.5.4 Unsupported option: " + key;
    }
  }

  private boolean rcpt(String argument) throws IOException {
    if (mailFrom == null) {
      return !error("503 5.5.1 Error: need MAIL command");
    }
    if (recipients.size() >= MAX_RECIPIENTS) {
      return !error("452 4.5.3 Error: too many recipients");
    }
    Optional<SmtpPath> path = SmtpPath.parse(argument, "TO:");
    if (path.isEmpty() || path.get().address().isEmpty()) {
      return !error("501 5.5.4 Syntax: RCPT TO:<address>");
    }
    String address = path.get().address();
    for (Map.Entry<String, String> p : path.get().parameters().entrySet()) {
      boolean known = p.getKey().equals("NOTIFY") || p.getKey().equals("ORCPT");
      if (!known) {
        return !error("555 5.5.4 Unsupported option: " + p.getKey());
      }
    }
    if (!path.get().isAscii() && !mailParameters.containsKey("SMTPUTF8")) {
      return !error("553 5.6.7 Error: non-ASCII address needs SMTPUTF8");
    }
    Optional<Faults.RecipientRule> rule = faults.recipientRule(address);
    if (rule.isPresent()) {
      return !error(rule.get().code() + " " + rule.get().text());
    }
    if (server.localUser(address).isEmpty()) {
      if (server.isLocalDomain(address)) {
        return !error("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
      }
      if (authenticatedUser == null) {
        return !error("554 5.7.1 <" + address + ">: Relay access denied");
      }
    }
    recipients.add(new ReceivedEnvelope.Recipient(address, path.get().parameters()));
    reply("250 2.1.5 Ok");
    return true;
  }

  private boolean data(String argument) throws IOException, InterruptedException {
    if (!argument.isEmpty()) {
      return !error("501 5.5.4 Syntax: DATA");
    }
    if (mailFrom == null) {
      return !error("503 5.5.1 Error: need MAIL command");
    }
    if (recipients.isEmpty()) {
      return !error("554 5.5.1 Error: no valid recipients");
    }
    if (chunks != null) {
      return !error("503 5.5.1 Error: DATA after BDAT");
    }
    reply("354 End data with <CR><LF>.<CR><LF>");
    long max = server.config().maxMessageSize;
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    boolean oversized = false;
    boolean bareLineEnding = false;
    while (true) {
      byte[] line = channel.readRawLine(MAX_DATA_LINE);
      if (line == null) {
        throw new java.io.EOFException("closed during DATA");
      }
      int n = line.length;
      boolean crlf = n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n';
      if (crlf && n == 3 && line[0] == '.') {
        break;
      }
      if (!crlf || containsBareCr(line, n - 2)) {
        bareLineEnding = true;
      }
      int skip = line[0] == '.' ? 1 : 0;
      if (content.size() + n - skip > max) {
        oversized = true;
      } else if (!oversized) {
        content.write(line, skip, n - skip);
      }
    }
    if (bareLineEnding) {
      resetTransaction();
      return !error("550 5.6.11 Error: bare CR or LF in message content");
    }
    return finish(content.toByteArray(), oversized, false);
  }

  private static boolean containsBareCr(byte[] line, int end) {
    for (int i = 0; i < end; i++) {
      if (line[i] == '\r') {
        return true;
      }
    }
    return false;
  }

  private boolean bdat(String argument) throws IOException, InterruptedException {
    String[] parts = argument.strip().split(" +");
    boolean last = parts.length == 2 && parts[1].equalsIgnoreCase("LAST");
    if (parts.length > 2 || (parts.length == 2 && !last) || !parts[0].matches("[0-9]{1,18}")) {
      return !error("501 5.5.4 Syntax: BDAT size [LAST]");
    }
    long size = Long.parseLong(parts[0]);
    long max = server.config().maxMessageSize;
    boolean ready = mailFrom != null && !recipients.isEmpty();
    boolean keep = ready && !chunksOversized && (chunks == null ? 0 : chunks.size()) + size <= max;
    if (ready && chunks == null) {
      chunks = new ByteArrayOutputStream();
    }
    channel.readExactly(size, keep ? chunks : OutputStream.nullOutputStream());
    Boolean injection = injected(Step.SMTP_BDAT);
    if (injection != null) {
      resetTransaction();
      return injection;
    }
    if (!ready) {
      return !error(mailFrom == null ? "503 5.5.1 Error: need MAIL command" : "554 5.5.1 Error: no valid recipients");
    }
    if (!keep) {
      chunksOversized = true;
    }
    if (!last) {
      reply("250 2.0.0 " + size + " octets received");
      return true;
    }
    return finish(chunks.toByteArray(), chunksOversized, true);
  }

  /** After the content: faults, the size check, delivery and the reply. */
  private boolean finish(byte[] content, boolean oversized, boolean chunked) throws IOException, InterruptedException {
    try {
      Boolean injection = injected(Step.SMTP_DATA_END);
      if (injection != null) {
        return injection;
      }
      if (oversized) {
        return !error("552 5.3.4 Error: message file too big");
      }
      Optional<String> failure = faults.takeDataFailure();
      if (failure.isPresent()) {
        reply("451 " + failure.get());
        return true;
      }
      String queueId = server.nextQueueId();
      deliver(content, queueId, chunked);
      reply("250 2.0.0 Ok: queued as " + queueId);
      return true;
    } finally {
      resetTransaction();
    }
  }

  private void deliver(byte[] content, String queueId, boolean chunked) {
    Instant now = Instant.now();
    Map<String, String> users = new java.util.LinkedHashMap<>(); // user -> the first address that reached it
    List<ReceivedEnvelope.Recipient> outbound = new ArrayList<>();
    for (ReceivedEnvelope.Recipient r : recipients) {
      Optional<String> user = server.localUser(r.address());
      if (user.isPresent()) {
        users.putIfAbsent(user.get(), r.address());
      } else {
        outbound.add(r);
      }
    }
    ReceivedEnvelope envelope = new ReceivedEnvelope(helo, mailFrom, mailParameters, recipients,
        Optional.ofNullable(authenticatedUser), channel.isTls(), chunked);
    for (Map.Entry<String, String> user : users.entrySet()) {
      byte[] stored = withTrace(content, queueId, now, user.getValue());
      server.store().deliver(user.getKey(), "INBOX", stored, List.of(), now, Optional.of(envelope));
    }
    if (!outbound.isEmpty()) {
      ReceivedEnvelope relayed = new ReceivedEnvelope(helo, mailFrom, mailParameters, outbound,
          Optional.ofNullable(authenticatedUser), channel.isTls(), chunked);
      server.recordOutbound(new StoredMessage(0, content, Set.of(), now, Optional.of(relayed)));
    }
  }

  private byte[] withTrace(byte[] content, String queueId, Instant now, String recipient) {
    if (!server.config().traceHeaders) {
      return content;
    }
    String protocol = (extended ? "ESMTP" : "SMTP") + (channel.isTls() ? "S" : "") + (authenticatedUser != null ? "A"
        : "");
    String trace = "Return-Path: <" + mailFrom + ">\r\n"
        + "Received: from " + helo + " (localhost [127.0.0.1])\r\n"
        + "\tby " + host() + " (Mailroom in-memory) with " + protocol + " id " + queueId + "\r\n"
        + "\tfor <" + recipient + ">; " + RFC5322_DATE.format(ZonedDateTime.ofInstant(now, ZoneOffset.UTC)) + "\r\n";
    byte[] head = trace.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + content.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    return all;
  }

  /** A command body that may fail. */
  private interface Command {
    boolean run() throws IOException, InterruptedException;
  }

  /** Runs {@code command} unless a fault at {@code step} dropped the connection or answered instead. */
  private boolean step(Step step, Command command) throws IOException, InterruptedException {
    Boolean injection = injected(step);
    return injection != null ? injection : command.run();
  }

  /**
   * Applies the faults for a step: null to go on with the command, false when the connection must end (dropped, or
   * an injected 421), true when an injected reply answered the command instead.
   */
  private Boolean injected(Step step) throws IOException, InterruptedException {
    if (faults.reach(step)) {
      return false;
    }
    Optional<String> injected = faults.takeReply(step);
    if (injected.isEmpty()) {
      return null;
    }
    reply(injected.get());
    if (injected.get().startsWith("421")) {
      channel.flush();
      return false;
    }
    return true;
  }

  private void resetTransaction() {
    mailFrom = null;
    mailParameters = null;
    recipients.clear();
    chunks = null;
    chunksOversized = false;
  }

  private String host() {
    return server.config().hostName;
  }

  private void reply(String line) throws IOException {
    channel.writeLine(line);
  }

  private void multiline(int code, List<String> lines) throws IOException {
    for (int i = 0; i < lines.size(); i++) {
      channel.writeLine(code + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
    }
  }

  /** Sends an error reply; true if the error limit is reached and the session must end (after a 421). */
  private boolean error(String line) throws IOException {
    reply(line);
    if (++errors >= MAX_ERRORS) {
      reply("421 4.7.0 " + host() + " Error: too many errors");
      channel.flush();
      return true;
    }
    return false;
  }
}
