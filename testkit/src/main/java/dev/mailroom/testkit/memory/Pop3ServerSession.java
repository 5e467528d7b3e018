package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One POP3 connection (RFC 1939) with CAPA (RFC 2449: TOP, UIDL, USER, RESP-CODES, AUTH-RESP-CODE, PIPELINING, SASL,
 * STLS), APOP, AUTH PLAIN and SCRAM-SHA-256 (RFC 5034) and STLS (RFC 2595). The maildrop is the user's INBOX as it was at login;
 * deletions take effect only at QUIT (the UPDATE state), and a second POP3 login gets {@code [IN-USE]}.
 */
final class Pop3ServerSession {
  private static final int MAX_LINE = 1024;
  private static final int MAX_ERRORS = 20;

  private final InMemoryMailServer server;
  private final LineChannel channel;
  private final Faults faults;
  private final String banner;
  private String pendingUser;
  private String user;
  private long uidValidity;
  private final List<Long> uids = new ArrayList<>();
  private final List<Integer> sizes = new ArrayList<>();
  private final Set<Integer> deleted = new LinkedHashSet<>();
  private int errors;

  Pop3ServerSession(InMemoryMailServer server, LineChannel channel) {
    this.server = server;
    this.channel = channel;
    this.faults = server.faults();
    this.banner = "<" + Long.toHexString(System.nanoTime()) + "." + Thread.currentThread().getId() + "@"
        + server.config().hostName + ">";
  }

  void run() throws IOException, InterruptedException {
    try {
      if (faults.reach(Step.POP3_GREETING)) {
        return;
      }
      Optional<String> greeting = faults.takeReply(Step.POP3_GREETING);
      if (greeting.isPresent()) {
        channel.writeLine(greeting.get());
        if (greeting.get().startsWith("-ERR")) {
          channel.flush();
          return;
        }
      } else {
        ok("Mailroom in-memory POP3 ready " + banner);
      }
      while (true) {
        String line;
        try {
          line = channel.readTextLine(MAX_LINE);
        } catch (LineChannel.LineTooLongException e) {
          err("line too long");
          return;
        } catch (LineChannel.BareLineEndingException e) {
          if (error("bare CR or LF in command")) {
            return;
          }
          continue;
        }
        if (line == null) {
          return;
        }
        String[] words = line.split(" ", -1);
        String verb = words[0].toUpperCase(Locale.ROOT);
        if (!command(verb, words, line)) {
          return;
        }
      }
    } finally {
      if (user != null) {
        server.store().unlockMaildrop(user);
      }
    }
  }

  private boolean command(String verb, String[] words, String line) throws IOException, InterruptedException {
    if (verb.equals("CAPA")) {
      capa();
      return true;
    }
    if (verb.equals("QUIT")) {
      return quit();
    }
    if (user == null) {
      return authorization(verb, words, line);
    }
    switch (verb) {
      case "STAT", "LIST", "UIDL":
        return step(Step.POP3_LIST, () -> listing(verb, words));
      case "RETR", "TOP":
        return step(Step.POP3_RETR, () -> retrieve(verb, words));
      case "DELE":
        Boolean injection = injected(Step.POP3_DELE);
        if (injection != null) {
          return injection;
        }
        Integer n = number(words, 2);
        if (n == null) {
          return !error("no such message");
        }
        deleted.add(n);
        ok("message " + n + " deleted");
        return true;
      case "RSET":
        deleted.clear();
        ok("maildrop has " + uids.size() + " messages");
        return true;
      case "NOOP":
        ok("");
        return true;
      default:
        return !error("unknown command in TRANSACTION state");
    }
  }

  private boolean authorization(String verb, String[] words, String line) throws IOException, InterruptedException {
    switch (verb) {
      case "USER":
        if (words.length < 2) {
          return !error("USER needs a name");
        }
        pendingUser = line.substring(5);
        ok("send PASS");
        return true;
      case "PASS":
        if (pendingUser == null) {
          return !error("USER first");
        }
        String name = pendingUser;
        pendingUser = null;
        return login(server.store().authenticate(server.loginName(name), line.length() > 5 ? line.substring(5) : ""));
      case "APOP":
        return words.length == 3 ? login(apop(words[1], words[2])) : !error("APOP name digest");
      case "AUTH":
        return auth(words);
      case "STLS":
        if (server.tlsContext().isEmpty() || channel.isTls()) {
          return !error("STLS not available");
        }
        ok("Begin TLS negotiation");
        channel.discardBuffered();
        channel.startTls(server.tlsContext().get());
        return true;
      default:
        return !error("unknown command in AUTHORIZATION state");
    }
  }

  private Optional<String> apop(String name, String digest) {
    String login = server.loginName(name);
    Optional<String> password = server.store().password(login);
    if (password.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest((banner + password.get()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5).equalsIgnoreCase(digest)
          ? server.store().authenticate(login, password.get()) : Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }

  private boolean auth(String[] words) throws IOException, InterruptedException {
    if (words.length == 1) {
      ok("");
      channel.writeLine("PLAIN");
      channel.writeLine("SCRAM-SHA-256");
      channel.writeLine(".");
      return true;
    }
    if (words[1].equalsIgnoreCase("SCRAM-SHA-256")) {
      Optional<String> initial = words.length > 2 ? Optional.of(words[2]) : Optional.empty();
      return login(ScramServer.exchange(server, initial, this::challenge));
    }
    if (!words[1].equalsIgnoreCase("PLAIN")) {
      return !error("unsupported SASL mechanism");
    }
    String response;
    if (words.length > 2) {
      response = words[2].equals("=") ? "" : words[2];
    } else {
      channel.writeLine("+ ");
      response = channel.readTextLine(MAX_LINE);
      if (response == null) {
        return false;
      }
      if (response.equals("*")) {
        return !error("authentication cancelled");
      }
    }
    return login(SaslPlain.decode(response).flatMap(r -> SaslPlain.authenticate(server, r)));
  }

  /** A SASL continuation round trip (RFC 5034 §4); empty if the client cancelled. */
  private Optional<String> challenge(String base64) throws IOException {
    channel.writeLine("+ " + base64);
    String response = channel.readTextLine(MAX_LINE);
    if (response == null) {
      throw new java.io.EOFException("closed during AUTH");
    }
    return response.equals("*") ? Optional.empty() : Optional.of(response);
  }

  private boolean login(Optional<String> authenticated) throws IOException, InterruptedException {
    Boolean injection = injected(Step.POP3_AUTH);
    if (injection != null) {
      return injection;
    }
    if (authenticated.isEmpty()) {
      return !error("[AUTH] Authentication failed");
    }
    if (!server.store().lockMaildrop(authenticated.get())) {
      return !error("[IN-USE] Mailbox is locked by another POP3 session");
    }
    user = authenticated.get();
    MailStore.MailboxState inbox = server.store().state(user, "INBOX").orElseThrow();
    uidValidity = inbox.uidValidity();
    for (StoredMessage m : server.store().messages(user, "INBOX")) {
      uids.add(m.uid());
      sizes.add(m.size());
    }
    ok("Logged in, " + uids.size() + " messages");
    return true;
  }

  private void capa() throws IOException {
    ok("Capability list follows");
    List<String> lines = new ArrayList<>(List.of("TOP", "UIDL", "USER", "RESP-CODES", "AUTH-RESP-CODE",
        "PIPELINING", "SASL PLAIN SCRAM-SHA-256", "EXPIRE NEVER", "IMPLEMENTATION Mailroom-in-memory"));
    if (server.tlsContext().isPresent() && !channel.isTls() && user == null) {
      lines.add("STLS");
    }
    for (String l : lines) {
      channel.writeLine(l);
    }
    channel.writeLine(".");
  }

  private boolean listing(String verb, String[] words) throws IOException {
    if (verb.equals("STAT")) {
      long total = 0;
      int count = 0;
      for (int i = 1; i <= uids.size(); i++) {
        if (!deleted.contains(i)) {
          count++;
          total += sizes.get(i - 1);
        }
      }
      ok(count + " " + total);
      return true;
    }
    boolean uidl = verb.equals("UIDL");
    if (words.length > 1) {
      Integer n = number(words, 2);
      if (n == null) {
        return !error("no such message");
      }
      ok(n + " " + (uidl ? uniqueId(n) : sizes.get(n - 1)));
      return true;
    }
    ok("listing follows");
    for (int i = 1; i <= uids.size(); i++) {
      if (!deleted.contains(i)) {
        channel.writeLine(i + " " + (uidl ? uniqueId(i) : sizes.get(i - 1)));
      }
    }
    channel.writeLine(".");
    return true;
  }

  private String uniqueId(int n) {
    return uidValidity + "." + uids.get(n - 1);
  }

  private boolean retrieve(String verb, String[] words) throws IOException {
    boolean top = verb.equals("TOP");
    Integer n = number(words, top ? 3 : 2);
    if (n == null || (top && !words[2].matches("[0-9]{1,9}"))) {
      return !error(n == null ? "no such message" : "TOP msg n");
    }
    Optional<StoredMessage> message = server.store().message(user, "INBOX", uids.get(n - 1));
    if (message.isEmpty()) {
      return !error("message " + n + " was removed by another session");
    }
    byte[] bytes = message.get().bytes();
    int end = bytes.length;
    if (top) {
      end = topEnd(bytes, Integer.parseInt(words[2]));
    } else {
      server.store().storeFlags(user, "INBOX", List.of(uids.get(n - 1)), '+', List.of("\\Seen"));
    }
    ok((top ? "" : bytes.length + " octets"));
    writeStuffed(bytes, end);
    channel.writeLine(".");
    return true;
  }

  /** The end of the header, its empty line and {@code lines} body lines. */
  private static int topEnd(byte[] bytes, int lines) {
    int bodyStart = MessageText.of(bytes).bodyOffset();
    int i = bodyStart;
    for (int l = 0; l < lines && i < bytes.length; l++) {
      int lf = MessageText.indexOf(bytes, (byte) '\n', i, bytes.length);
      i = lf < 0 ? bytes.length : lf + 1;
    }
    return i;
  }

  /** Writes {@code bytes[0, end)} with dot-stuffing (RFC 1939 §3), ending in CRLF. */
  private void writeStuffed(byte[] bytes, int end) throws IOException {
    int lineStart = 0;
    while (lineStart < end) {
      int lf = MessageText.indexOf(bytes, (byte) '\n', lineStart, end);
      int lineEnd = lf < 0 ? end : lf + 1;
      if (bytes[lineStart] == '.') {
        channel.write(new byte[] {'.'});
      }
      channel.write(bytes, lineStart, lineEnd - lineStart);
      lineStart = lineEnd;
    }
    if (end > 0 && bytes[end - 1] != '\n') {
      channel.write(new byte[] {'\r', '\n'});
    }
  }

  private boolean quit() throws IOException, InterruptedException {
    if (injected(Step.POP3_QUIT) != null) {
      return false; // dropped, or answered without entering the UPDATE state
    }
    if (user != null && !deleted.isEmpty()) {
      List<Long> gone = deleted.stream().map(n -> uids.get(n - 1)).toList();
      server.store().expunge(user, "INBOX", gone, false);
    }
    ok("Logging out" + (deleted.isEmpty() ? "" : ", " + deleted.size() + " messages deleted"));
    channel.flush();
    return false;
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
   * Applies the faults for a step: null to go on with the command, false when the connection was dropped, true when
   * an injected reply answered the command instead.
   */
  private Boolean injected(Step step) throws IOException, InterruptedException {
    if (faults.reach(step)) {
      return false;
    }
    Optional<String> injected = faults.takeReply(step);
    if (injected.isEmpty()) {
      return null;
    }
    channel.writeLine(injected.get());
    return true;
  }

  /** Parses message number {@code words[1]}: must exist and not be deleted; null otherwise. */
  private Integer number(String[] words, int expectedWords) {
    if (words.length != expectedWords || !words[1].matches("[0-9]{1,9}")) {
      return null;
    }
    int n = Integer.parseInt(words[1]);
    return n >= 1 && n <= uids.size() && !deleted.contains(n) ? n : null;
  }

  private void ok(String text) throws IOException {
    channel.writeLine(text.isEmpty() ? "+OK" : "+OK " + text);
  }

  private void err(String text) throws IOException {
    channel.writeLine("-ERR " + text);
  }

  private boolean error(String text) throws IOException {
    err(text);
    return ++errors >= MAX_ERRORS;
  }
}
