package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One IMAP4rev1 connection (RFC 3501) in the not-authenticated and authenticated states, with LITERAL+ (RFC 7888),
 * SASL-IR (RFC 4959), ENABLE (RFC 5161), ID (RFC 2971), NAMESPACE (RFC 2342), SPECIAL-USE (RFC 6154), UIDPLUS
 * APPENDUID (RFC 4315), IDLE (RFC 2177) and STARTTLS. The selected state is {@link ImapSelected}.
 */
final class ImapServerSession {
  private static final int MAX_ERRORS = 30;
  private static final DateTimeFormatter APPEND_DATE =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);

  private final InMemoryMailServer server;
  private final LineChannel channel;
  private final ImapReader reader;
  private final Faults faults;
  private String user;
  private ImapSelected selected;
  private int errors;

  ImapServerSession(InMemoryMailServer server, LineChannel channel) {
    this.server = server;
    this.channel = channel;
    this.reader = new ImapReader(channel, server.config().maxMessageSize);
    this.faults = server.faults();
  }

  void run() throws IOException, InterruptedException {
    if (faults.reach(Step.IMAP_GREETING)) {
      return;
    }
    Optional<String> greeting = faults.takeReply(Step.IMAP_GREETING);
    if (greeting.isPresent()) {
      channel.writeLine(greeting.get());
      if (greeting.get().startsWith("* BYE")) {
        channel.flush();
        return;
      }
    } else {
      untagged("OK [CAPABILITY " + capabilities() + "] Mailroom in-memory IMAP ready");
    }
    while (true) {
      List<ImapReader.Token> tokens;
      try {
        tokens = reader.read();
      } catch (ImapReader.LiteralTooBigException | LineChannel.LineTooLongException e) {
        untagged("BYE " + e.getMessage());
        channel.flush();
        return;
      } catch (ImapReader.SyntaxException | LineChannel.BareLineEndingException e) {
        untagged("BAD " + e.getMessage());
        if (++errors >= MAX_ERRORS) {
          return;
        }
        continue;
      }
      if (tokens == null) {
        return;
      }
      if (!handle(tokens)) {
        channel.flush();
        return;
      }
    }
  }

  private boolean handle(List<ImapReader.Token> tokens) throws IOException, InterruptedException {
    if (tokens.size() < 2 || tokens.get(0).kind() != ImapReader.Kind.ATOM
        || !tokens.get(0).text().matches("[\\x21-\\x7e&&[^(){%*\"\\\\+\\]]]+")
        || tokens.get(1).kind() != ImapReader.Kind.ATOM) {
      untagged("BAD invalid tag or command");
      return ++errors < MAX_ERRORS;
    }
    String tag = tokens.get(0).text();
    String name = tokens.get(1).text().toUpperCase(Locale.ROOT);
    int start = 2;
    if (name.equals("UID") && tokens.size() > 2) {
      name = "UID " + tokens.get(2).text().toUpperCase(Locale.ROOT);
      start = 3;
    }
    ImapArgs args = new ImapArgs(tokens, start);
    try {
      return command(tag, name, args);
    } catch (ImapArgs.BadException e) {
      tagged(tag, "BAD " + e.getMessage());
      return ++errors < MAX_ERRORS;
    }
  }

  private boolean command(String tag, String name, ImapArgs args)
      throws IOException, InterruptedException, ImapArgs.BadException {
    switch (name) {
      case "CAPABILITY" -> {
        args.end();
        untagged("CAPABILITY " + capabilities());
        tagged(tag, "OK CAPABILITY completed");
      }
      case "NOOP", "CHECK" -> {
        args.end();
        if (selected != null) {
          selected.sync(true);
        }
        tagged(tag, "OK " + name + " completed");
      }
      case "LOGOUT" -> {
        if (injected(faults, channel, tag, Step.IMAP_LOGOUT) != null) {
          return false;
        }
        untagged("BYE Logging out");
        tagged(tag, "OK LOGOUT completed");
        return false;
      }
      case "ID" -> {
        untagged("ID (\"name\" \"Mailroom in-memory\" \"vendor\" \"Mailroom\")");
        tagged(tag, "OK ID completed");
      }
      case "STARTTLS" -> {
        args.end();
        if (user != null || channel.isTls() || server.tlsContext().isEmpty()) {
          tagged(tag, "BAD STARTTLS not available");
          return true;
        }
        tagged(tag, "OK Begin TLS negotiation now");
        channel.discardBuffered();
        channel.startTls(server.tlsContext().get());
      }
      case "LOGIN" -> {
        String login = args.astring();
        String password = args.astring();
        args.end();
        return login(tag, server.store().authenticate(server.loginName(login), password));
      }
      case "AUTHENTICATE" -> {
        return authenticate(tag, args);
      }
      default -> {
        if (user == null) {
          tagged(tag, "BAD " + name + " needs authentication, or is unknown");
          return ++errors < MAX_ERRORS;
        }
        return authenticated(tag, name, args);
      }
    }
    return true;
  }

  private boolean login(String tag, Optional<String> authenticated) throws IOException, InterruptedException {
    Boolean injection = injected(faults, channel, tag, Step.IMAP_LOGIN);
    if (injection != null) {
      return injection;
    }
    if (user != null) {
      tagged(tag, "BAD already authenticated");
      return true;
    }
    if (authenticated.isEmpty()) {
      tagged(tag, "NO [AUTHENTICATIONFAILED] Authentication failed.");
      return ++errors < MAX_ERRORS;
    }
    user = authenticated.get();
    tagged(tag, "OK [CAPABILITY " + capabilities() + "] Logged in");
    return true;
  }

  private boolean authenticate(String tag, ImapArgs args)
      throws IOException, InterruptedException, ImapArgs.BadException {
    String mechanism = args.upperAtom();
    Optional<String> initial = args.atEnd() ? Optional.empty() : Optional.of(args.atom());
    args.end();
    if (mechanism.equals("SCRAM-SHA-256")) {
      return login(tag, ScramServer.exchange(server, initial, this::challenge));
    }
    if (!mechanism.equals("PLAIN")) {
      tagged(tag, "NO Unsupported authentication mechanism");
      return true;
    }
    String response;
    if (initial.isPresent()) {
      response = initial.get().equals("=") ? "" : initial.get();
    } else {
      channel.writeLine("+ ");
      response = reader.readLine();
      if (response == null) {
        return false;
      }
      if (response.equals("*")) {
        tagged(tag, "BAD Authentication cancelled");
        return true;
      }
    }
    return login(tag, SaslPlain.decode(response).flatMap(r -> SaslPlain.authenticate(server, r)));
  }

  /** An AUTHENTICATE continuation round trip; empty if the client cancelled. */
  private Optional<String> challenge(String base64) throws IOException {
    channel.writeLine("+ " + base64);
    String response = reader.readLine();
    if (response == null) {
      throw new java.io.EOFException("closed during AUTHENTICATE");
    }
    return response.equals("*") ? Optional.empty() : Optional.of(response);
  }

  private boolean authenticated(String tag, String name, ImapArgs args)
      throws IOException, InterruptedException, ImapArgs.BadException {
    MailStore store = server.store();
    switch (name) {
      case "SELECT", "EXAMINE" -> {
        String mailbox = args.astring();
        args.end();
        Boolean injection = injected(faults, channel, tag, Step.IMAP_SELECT);
        if (injection != null) {
          return injection;
        }
        if (selected != null) {
          selected.close(false);
          untagged("OK [CLOSED] Previous mailbox closed");
          selected = null;
        }
        Optional<ImapSelected> opened = ImapSelected.open(server, channel, user, mailbox, name.equals("EXAMINE"));
        if (opened.isEmpty()) {
          tagged(tag, "NO Mailbox doesn't exist: " + mailbox);
          return true;
        }
        selected = opened.get();
        tagged(tag, "OK [" + (name.equals("EXAMINE") ? "READ-ONLY" : "READ-WRITE") + "] " + name + " completed");
      }
      case "CREATE" -> {
        String mailbox = trimDelimiter(args.astring());
        args.end();
        boolean ok = !mailbox.isEmpty() && store.createMailbox(user, mailbox);
        tagged(tag, ok ? "OK CREATE completed" : "NO [ALREADYEXISTS] Mailbox exists");
      }
      case "DELETE" -> {
        String mailbox = args.astring();
        args.end();
        boolean ok = store.deleteMailbox(user, mailbox);
        tagged(tag, ok ? "OK DELETE completed" : "NO [NONEXISTENT] Cannot delete " + mailbox);
      }
      case "RENAME" -> {
        String from = args.astring();
        String to = trimDelimiter(args.astring());
        args.end();
        tagged(tag, store.renameMailbox(user, from, to) ? "OK RENAME completed" : "NO Cannot rename");
      }
      case "SUBSCRIBE", "UNSUBSCRIBE" -> {
        String mailbox = args.astring();
        args.end();
        boolean ok = store.subscribe(user, mailbox, name.equals("SUBSCRIBE"));
        tagged(tag, ok ? "OK " + name + " completed" : "NO [NONEXISTENT] No such mailbox");
      }
      case "LIST", "LSUB" -> {
        ImapList.run(server, channel, user, name.equals("LSUB"), args);
        tagged(tag, "OK " + name + " completed");
      }
      case "STATUS" -> status(tag, args);
      case "APPEND" -> {
        return append(tag, args);
      }
      case "ENABLE" -> {
        List<String> enabled = new ArrayList<>();
        while (!args.atEnd()) {
          String capability = args.upperAtom();
          if (capability.equals("UTF8=ACCEPT")) {
            enabled.add(capability);
          }
        }
        untagged("ENABLED" + (enabled.isEmpty() ? "" : " " + String.join(" ", enabled)));
        tagged(tag, "OK ENABLE completed");
      }
      case "NAMESPACE" -> {
        args.end();
        untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        tagged(tag, "OK NAMESPACE completed");
      }
      case "IDLE" -> {
        args.end();
        return idle(tag);
      }
      default -> {
        if (selected == null) {
          tagged(tag, "BAD " + name + " needs a selected mailbox, or is unknown");
          return ++errors < MAX_ERRORS;
        }
        if (name.equals("CLOSE") || name.equals("UNSELECT")) {
          args.end();
          selected.close(name.equals("CLOSE"));
          selected = null;
          tagged(tag, "OK " + name + " completed");
          return true;
        }
        return selected.command(tag, name, args);
      }
    }
    return true;
  }

  private void status(String tag, ImapArgs args) throws IOException, ImapArgs.BadException {
    String mailbox = args.astring();
    List<String> items = args.list();
    args.end();
    Optional<MailStore.MailboxState> state = server.store().state(user, mailbox);
    if (state.isEmpty()) {
      tagged(tag, "NO [NONEXISTENT] Mailbox doesn't exist");
      return;
    }
    MailStore.MailboxState s = state.get();
    List<String> values = new ArrayList<>();
    for (String item : items) {
      String upper = item.toUpperCase(Locale.ROOT);
      long value = switch (upper) {
        case "MESSAGES" -> s.uids().size();
        case "RECENT" -> s.recent().size();
        case "UIDNEXT" -> s.uidNext();
        case "UIDVALIDITY" -> s.uidValidity();
        case "UNSEEN" -> s.flags().values().stream().filter(f -> !ImapSelected.has(f, "\\Seen")).count();
        case "DELETED" -> s.flags().values().stream().filter(f -> ImapSelected.has(f, "\\Deleted")).count();
        case "SIZE" -> s.totalSize();
        default -> -1;
      };
      if (value < 0) {
        tagged(tag, "BAD unknown STATUS item " + item);
        return;
      }
      values.add(upper + " " + value);
    }
    new ImapResponse("* STATUS ").astring(s.name()).raw(" (" + String.join(" ", values) + ")").send(channel);
    tagged(tag, "OK STATUS completed");
  }

  private boolean append(String tag, ImapArgs args)
      throws IOException, InterruptedException, ImapArgs.BadException {
    String mailbox = args.astring();
    List<String> flags = args.peekIs(ImapReader.Kind.LPAREN) ? args.list() : List.of();
    Instant date = Instant.now();
    if (args.peekIs(ImapReader.Kind.QUOTED)) {
      String text = args.astring().strip();
      try {
        date = ZonedDateTime.parse(text, APPEND_DATE).toInstant();
      } catch (DateTimeParseException e) {
        tagged(tag, "BAD invalid date-time " + text);
        return true;
      }
    }
    if (!args.peekIs(ImapReader.Kind.LITERAL)) {
      throw new ImapArgs.BadException("APPEND needs a message literal");
    }
    byte[] message = args.bytes();
    args.end();
    Boolean injection = injected(faults, channel, tag, Step.IMAP_APPEND);
    if (injection != null) {
      return injection;
    }
    Optional<MailStore.MailboxState> state = server.store().state(user, mailbox);
    if (state.isEmpty()) {
      tagged(tag, "NO [TRYCREATE] Mailbox doesn't exist: " + mailbox);
      return true;
    }
    List<String> stored = flags.stream().filter(f -> !f.equalsIgnoreCase("\\Recent")).toList();
    long uid = server.store().deliver(user, mailbox, message, stored, date, Optional.empty());
    if (selected != null) {
      selected.sync(false);
    }
    tagged(tag, "OK [APPENDUID " + state.get().uidValidity() + " " + uid + "] APPEND completed");
    return true;
  }

  private boolean idle(String tag) throws IOException, InterruptedException {
    Boolean injection = injected(faults, channel, tag, Step.IMAP_IDLE);
    if (injection != null) {
      return injection;
    }
    MailStore.Listener listener = null;
    if (selected != null) {
      ImapSelected s = selected;
      s.beginPush();
      listener = server.store().listen(user, () -> server.execute(s::push));
    }
    try {
      channel.writeLine("+ idling");
      channel.flush();
      String line = reader.readLine();
      if (line == null) {
        return false;
      }
      if (selected != null) {
        selected.sync(true);
      }
      tagged(tag, line.equalsIgnoreCase("DONE") ? "OK IDLE terminated" : "BAD expected DONE");
      return true;
    } finally {
      if (listener != null) {
        server.store().unlisten(listener);
        selected.endPush();
      }
    }
  }

  /**
   * Applies the faults for a step: null to go on with the command (after an injected untagged line, if any), false
   * when the connection must end (dropped, or an injected {@code * BYE}), true when an injected tagged reply answered
   * the command instead.
   */
  static Boolean injected(Faults faults, LineChannel channel, String tag, Step step)
      throws IOException, InterruptedException {
    if (faults.reach(step)) {
      return false;
    }
    Optional<String> injected = faults.takeReply(step);
    if (injected.isEmpty()) {
      return null;
    }
    if (!injected.get().startsWith("* ")) {
      channel.writeLine(tag + " " + injected.get());
      return true;
    }
    channel.writeLine(injected.get());
    if (injected.get().startsWith("* BYE")) {
      channel.flush();
      return false;
    }
    return null;
  }

  private String capabilities() {
    StringBuilder c = new StringBuilder("IMAP4rev1 LITERAL+ SASL-IR ENABLE IDLE MOVE UIDPLUS SPECIAL-USE NAMESPACE"
        + " ID UNSELECT CHILDREN STATUS=SIZE");
    if (user == null) {
      if (server.tlsContext().isPresent() && !channel.isTls()) {
        c.append(" STARTTLS");
      }
      c.append(" AUTH=PLAIN AUTH=SCRAM-SHA-256");
    }
    return c.toString();
  }

  private static String trimDelimiter(String name) {
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }

  private void untagged(String text) throws IOException {
    channel.writeLine("* " + text);
  }

  private void tagged(String tag, String text) throws IOException {
    channel.writeLine(tag + " " + text);
  }
}
