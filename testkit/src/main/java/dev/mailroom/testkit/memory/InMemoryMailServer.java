package dev.mailroom.testkit.memory;

import dev.mailroom.testkit.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * A stateful mail server for tests and demos: SMTP in (MX-style port, submission with AUTH, implicit-TLS
 * submission), POP3 and IMAP out (plain with STLS/STARTTLS, and implicit TLS), all over one {@link MailStore}, on
 * 127.0.0.1 with ephemeral ports. Its protocol parsing is its own, so client bugs are not mirrored; {@link Faults}
 * injects failures. No JUnit at runtime: it works from a plain {@code main()}.
 *
 * <pre>{@code
 * try (InMemoryMailServer server = InMemoryMailServer.builder()
 *     .domain("example.test")
 *     .user("alice", "alice-pw")
 *     .user("bob", "bob-pw")
 *     .tls(TestCertificates.localhost())
 *     .build()
 *     .start()) {
 *   // send to bob@example.test on server.smtpPort(), then:
 *   StoredMessage got = server.mailbox("bob").awaitMessages(1, Duration.ofSeconds(5)).get(0);
 *   // read it back on server.imapPort() or server.pop3Port() as bob / bob-pw
 * }
 * }</pre>
 *
 * <p>Recipients in a local domain are delivered to the user named by the local part (a {@code +tag} suffix is
 * ignored; aliases map other addresses); other recipients are refused with 554 unless the client authenticated, in
 * which case the message is recorded in {@link #outbound()} instead of being relayed.
 */
public final class InMemoryMailServer implements AutoCloseable {
  /** The services, each on its own port. */
  enum Service {
    SMTP, SUBMISSION, SUBMISSIONS, POP3, POP3S, IMAP, IMAPS;

    boolean implicitTls() {
      return this == SUBMISSIONS || this == POP3S || this == IMAPS;
    }
  }

  private final Builder config;
  private final MailStore store = new MailStore();
  private final Faults faults = new Faults();
  private final List<StoredMessage> outbound = new CopyOnWriteArrayList<>();
  private final Map<Service, ServerSocket> listeners = new EnumMap<>(Service.class);
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger SERVER_IDS = new AtomicInteger();
  private final String threadPrefix = "in-memory-mail-" + SERVER_IDS.incrementAndGet() + "-";
  private final AtomicInteger threadIds = new AtomicInteger();
  private final AtomicInteger queueIds = new AtomicInteger();
  private final ReentrantLock lifecycle = new ReentrantLock();
  private ExecutorService executor;
  private volatile boolean closed;

  private InMemoryMailServer(Builder config) {
    this.config = config;
    config.users.forEach(store::addUser);
  }

  /**
   * A builder with no users, domain {@code example.test}, no TLS and a 25 MiB message limit.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds every port on 127.0.0.1 and starts accepting; idempotent.
   *
   * @return this
   * @throws IOException if a port cannot be bound
   */
  public InMemoryMailServer start() throws IOException {
    lifecycle.lock();
    try {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (executor != null) {
        return this;
      }
      executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, threadPrefix + threadIds.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      for (Service service : Service.values()) {
        if (service.implicitTls() && config.certificates == null) {
          continue;
        }
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        listeners.put(service, socket);
        executor.execute(() -> accept(service, socket));
      }
      return this;
    } finally {
      lifecycle.unlock();
    }
  }

  private void accept(Service service, ServerSocket listener) {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.add(socket);
      try {
        executor.execute(() -> serve(service, socket));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        closeQuietly(socket);
      }
    }
  }

  private void serve(Service service, Socket socket) {
    try (LineChannel channel = new LineChannel(socket)) {
      socket.setSoTimeout((int) config.idleTimeout.toMillis());
      if (service.implicitTls()) {
        channel.startTls(config.certificates.serverContext());
      }
      switch (service) {
        case SMTP, SUBMISSION, SUBMISSIONS -> new SmtpServerSession(this, channel, service != Service.SMTP).run();
        case POP3, POP3S -> new Pop3ServerSession(this, channel).run();
        case IMAP, IMAPS -> new ImapServerSession(this, channel).run();
        default -> throw new IllegalStateException(service.name());
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, timed out or failed the TLS handshake: this connection ends, the server goes on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connections.remove(socket);
    }
  }

  /** Closes every listener and connection and stops every thread; waits up to 5 seconds. */
  @Override
  public void close() {
    lifecycle.lock();
    try {
      closed = true;
      listeners.values().forEach(InMemoryMailServer::closeQuietly);
      connections.forEach(InMemoryMailServer::closeQuietly);
      if (executor != null) {
        executor.shutdownNow();
        try {
          executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      lifecycle.unlock();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  // ------------------------------------------------------------------ ports

  /**
   * The host to connect to.
   *
   * @return {@code "127.0.0.1"}
   */
  public String host() {
    return InetAddress.getLoopbackAddress().getHostAddress();
  }

  private int port(Service service) {
    ServerSocket s = listeners.get(service);
    if (s == null) {
      throw new IllegalStateException(executor == null ? "not started" : service + " needs tls(...)");
    }
    return s.getLocalPort();
  }

  /**
   * The MX-style SMTP port: no AUTH needed for local recipients; STARTTLS offered when TLS is on.
   *
   * @return the port
   */
  public int smtpPort() {
    return port(Service.SMTP);
  }

  /**
   * The submission port: AUTH required before MAIL; STARTTLS offered when TLS is on.
   *
   * @return the port
   */
  public int submissionPort() {
    return port(Service.SUBMISSION);
  }

  /**
   * The implicit-TLS submission port (like 465).
   *
   * @return the port
   * @throws IllegalStateException without {@link Builder#tls(TestCertificates)}
   */
  public int submissionsPort() {
    return port(Service.SUBMISSIONS);
  }

  /**
   * The POP3 port (STLS offered when TLS is on).
   *
   * @return the port
   */
  public int pop3Port() {
    return port(Service.POP3);
  }

  /**
   * The implicit-TLS POP3 port (like 995).
   *
   * @return the port
   * @throws IllegalStateException without {@link Builder#tls(TestCertificates)}
   */
  public int pop3sPort() {
    return port(Service.POP3S);
  }

  /**
   * The IMAP port (STARTTLS offered when TLS is on).
   *
   * @return the port
   */
  public int imapPort() {
    return port(Service.IMAP);
  }

  /**
   * The implicit-TLS IMAP port (like 993).
   *
   * @return the port
   * @throws IllegalStateException without {@link Builder#tls(TestCertificates)}
   */
  public int imapsPort() {
    return port(Service.IMAPS);
  }

  // ------------------------------------------------------------------ state and assertions

  /**
   * The store, for seeding and inspection.
   *
   * @return the store
   */
  public MailStore store() {
    return store;
  }

  /**
   * The fault hooks.
   *
   * @return the faults
   */
  public Faults faults() {
    return faults;
  }

  /**
   * A user's INBOX.
   *
   * @param user the user
   * @return a live view
   */
  public MailboxView mailbox(String user) {
    return new MailboxView(store, user, "INBOX");
  }

  /**
   * One of a user's mailboxes.
   *
   * @param user the user
   * @param mailbox the mailbox name
   * @return a live view
   */
  public MailboxView mailbox(String user, String mailbox) {
    return new MailboxView(store, user, mailbox);
  }

  /**
   * Waits until the user's INBOX holds at least {@code count} messages.
   *
   * @param user the user
   * @param count how many
   * @param timeout how long to wait
   * @return the messages
   * @throws AssertionError if they did not arrive in time
   * @throws InterruptedException if interrupted
   */
  public List<StoredMessage> awaitMessages(String user, int count, Duration timeout) throws InterruptedException {
    return store.awaitMessages(user, "INBOX", count, timeout);
  }

  /**
   * Messages accepted from an authenticated client for recipients outside the local domains (a real server would
   * relay them), each with its envelope listing only the non-local recipients.
   *
   * @return the messages in acceptance order
   */
  public List<StoredMessage> outbound() {
    return List.copyOf(outbound);
  }

  /**
   * Adds a user while running.
   *
   * @param name the login name, also the local part of its address
   * @param password the password
   */
  public void addUser(String name, String password) {
    store.addUser(name, password);
  }

  /**
   * The certificates, if TLS is on: clients trust {@code certificates().trustStore()} or the CA certificate.
   *
   * @return the certificates
   */
  public Optional<TestCertificates> certificates() {
    return Optional.ofNullable(config.certificates);
  }

  /**
   * A trust store holding the test CA, for a client's {@code TlsOptions.builder().trustStore(...)}.
   *
   * @return the trust store
   * @throws IllegalStateException without TLS
   */
  public KeyStore trustStore() {
    return certificates().orElseThrow(() -> new IllegalStateException("tls is off")).trustStore();
  }

  /**
   * The domains this server delivers locally.
   *
   * @return the domains, lower case
   */
  public Set<String> domains() {
    return Set.copyOf(config.domains);
  }

  @Override
  public String toString() {
    return "InMemoryMailServer" + (executor == null ? "[not started]" : "[" + listenerPorts() + "]");
  }

  private Map<String, Integer> listenerPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    listeners.forEach((service, socket) -> ports.put(service.name().toLowerCase(Locale.ROOT),
        socket.getLocalPort()));
    return ports;
  }

  // ------------------------------------------------------------------ for the sessions

  /** The name prefix of this server's threads, for tests that check they all end. */
  String threadPrefix() {
    return threadPrefix;
  }

  Builder config() {
    return config;
  }

  Optional<SSLContext> tlsContext() {
    return certificates().map(TestCertificates::serverContext);
  }

  /** The local user an address delivers to, if its domain is local and the user (or alias) exists. */
  Optional<String> localUser(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    String alias = config.aliases.get(lower);
    if (alias != null) {
      return Optional.of(alias);
    }
    int at = lower.lastIndexOf('@');
    if (at <= 0 || !config.domains.contains(lower.substring(at + 1))) {
      return Optional.empty();
    }
    String local = lower.substring(0, at);
    int plus = local.indexOf('+');
    String user = plus > 0 ? local.substring(0, plus) : local;
    return store.hasUser(user) ? Optional.of(user) : Optional.empty();
  }

  boolean isLocalDomain(String address) {
    int at = address.lastIndexOf('@');
    return at > 0 && config.domains.contains(address.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /** Strips a login's {@code @domain} if the domain is local, so {@code bob@example.test} logs in as bob. */
  String loginName(String login) {
    return isLocalDomain(login) ? login.substring(0, login.lastIndexOf('@')) : login;
  }

  void recordOutbound(StoredMessage message) {
    outbound.add(message);
  }

  String nextQueueId() {
    return String.format(Locale.ROOT, "MR%08X", queueIds.incrementAndGet());
  }

  void execute(Runnable task) {
    if (!closed) {
      try {
        executor.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  /** Configuration of an {@link InMemoryMailServer}. */
  public static final class Builder {
    final Set<String> domains = new LinkedHashSet<>();
    final Map<String, String> users = new LinkedHashMap<>();
    final Map<String, String> aliases = new LinkedHashMap<>();
    TestCertificates certificates;
    long maxMessageSize = 25L * 1024 * 1024;
    boolean traceHeaders = true;
    String hostName = "mail.example.test";
    Duration idleTimeout = Duration.ofMinutes(5);

    private Builder() {
    }

    /** A copy, so changing a builder after {@link #build()} does not change a built server. */
    private Builder(Builder other) {
      domains.addAll(other.domains);
      users.putAll(other.users);
      aliases.putAll(other.aliases);
      certificates = other.certificates;
      maxMessageSize = other.maxMessageSize;
      traceHeaders = other.traceHeaders;
      hostName = other.hostName;
      idleTimeout = other.idleTimeout;
    }

    /**
     * Adds a local domain; the first call replaces the default {@code example.test}.
     *
     * @param domain for instance {@code "example.org"}
     * @return this
     */
    public Builder domain(String domain) {
      domains.add(domain.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Adds a user with INBOX and the special-use mailboxes.
     *
     * @param name the login name and local part
     * @param password the password
     * @return this
     */
    public Builder user(String name, String password) {
      users.put(name, password);
      return this;
    }

    /**
     * Delivers mail for another address to a user.
     *
     * @param address for instance {@code "postmaster@example.test"}
     * @param user an existing user
     * @return this
     */
    public Builder alias(String address, String user) {
      aliases.put(address.toLowerCase(Locale.ROOT), user);
      return this;
    }

    /**
     * Turns TLS on: STARTTLS/STLS on the plain ports and the implicit-TLS ports.
     *
     * @param certificates for instance {@link TestCertificates#localhost()}
     * @return this
     */
    public Builder tls(TestCertificates certificates) {
      this.certificates = certificates;
      return this;
    }

    /**
     * The SMTP SIZE limit.
     *
     * @param bytes the largest message accepted
     * @return this
     */
    public Builder maxMessageSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxMessageSize must be positive");
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * Whether SMTP deliveries get {@code Return-Path} and {@code Received} fields prepended, as a real MTA does
     * (default true).
     *
     * @param on true to prepend them
     * @return this
     */
    public Builder traceHeaders(boolean on) {
      this.traceHeaders = on;
      return this;
    }

    /**
     * The host name in greetings and trace fields.
     *
     * @param hostName default {@code mail.example.test}
     * @return this
     */
    public Builder hostName(String hostName) {
      if (!hostName.matches("[A-Za-z0-9.-]+")) {
        throw new IllegalArgumentException("not a host name: " + hostName);
      }
      this.hostName = hostName;
      return this;
    }

    /**
     * How long a connection may stay silent before the server closes it (default 5 minutes).
     *
     * @param timeout the timeout
     * @return this
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Builds the server; call {@link InMemoryMailServer#start()} next.
     *
     * @return the server, not yet listening
     */
    public InMemoryMailServer build() {
      Builder snapshot = new Builder(this);
      if (snapshot.domains.isEmpty()) {
        snapshot.domains.add("example.test");
      }
      return new InMemoryMailServer(snapshot);
    }

  }
}
