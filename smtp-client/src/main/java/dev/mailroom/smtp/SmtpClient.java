package dev.mailroom.smtp;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Limits;
import dev.mailroom.client.MailEventListener;
import dev.mailroom.client.MailException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.TransportOptions;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.smtp.internal.SmtpChannel;
import dev.mailroom.smtp.internal.SmtpHandshake;
import java.util.Objects;

/**
 * An immutable SMTP submission client configuration; thread-safe, share one per application. {@link #connect()}
 * opens a {@link SmtpSession}: connect, greeting, EHLO, STARTTLS when the endpoint requires it, AUTH when
 * credentials are set, each followed by a fresh EHLO.
 *
 * <pre>{@code
 * SmtpClient client = SmtpClient.builder()
 *     .endpoint(Endpoint.startTls("smtp.example.org", 587))
 *     .credentials(Credentials.password("alice", "alice-pw"))
 *     .clientName("laptop.example.org")
 *     .build();
 * MimeMessage message = MimeMessage.builder()
 *     .from("alice@example.org").to("bob@example.org").subject("Hi").text("Hello Bob").build();
 * try (SmtpSession session = client.connect()) {
 *   SendReport report = session.send(Envelope.of("alice@example.org", "bob@example.org"), message);
 *   System.out.println("queued as " + report.queueId().orElse("?"));
 * }
 * }</pre>
 *
 * <p>Defaults: implicit TLS on port 465 of {@code localhost} (set an endpoint), RFC 5321 §4.5.3.2 timeouts
 * ({@link SmtpTimeouts#defaults()}), replies bounded to 2,000-byte lines and 100 KB in all (SECURITY.md S11),
 * client name {@code localhost}, pipelining on, chunking only when the message needs BINARYMIME.
 */
public final class SmtpClient {
  /** Default bounds: 2,000-byte reply lines, 1 MiB in memory, 100,000-byte replies. */
  public static final Limits DEFAULT_LIMITS = new Limits(2_000, 1024 * 1024, 100_000);

  private final Endpoint endpoint;
  private final TlsOptions tls;
  private final Timeouts timeouts;
  private final SmtpTimeouts smtpTimeouts;
  private final Limits limits;
  private final String clientName;
  private final Credentials credentials;
  private final SaslPolicy saslPolicy;
  private final boolean pipelining;
  private final boolean preferChunking;
  private final int chunkSize;
  private final ProtocolTrace trace;
  private final MailEventListener listener;

  private SmtpClient(Builder b) {
    endpoint = b.endpoint;
    tls = b.tls;
    timeouts = b.timeouts;
    smtpTimeouts = b.smtpTimeouts;
    limits = b.limits;
    clientName = b.clientName;
    credentials = b.credentials;
    saslPolicy = b.saslPolicy;
    pipelining = b.pipelining;
    preferChunking = b.preferChunking;
    chunkSize = b.chunkSize;
    trace = b.trace;
    listener = b.listener;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Connects and prepares a session: greeting, EHLO (HELO only on a {@code PLAIN} endpoint), STARTTLS, AUTH.
   *
   * @throws dev.mailroom.client.MailSecurityException if TLS is required but STARTTLS is not offered or refused,
   *     or credentials would cross an unprotected connection; nothing but EHLO was sent
   * @throws dev.mailroom.client.MailAuthenticationException if authentication failed
   * @throws SmtpCommandException if the server refused the session (a 554 greeting, 421 anywhere)
   * @throws MailException on any other network or protocol failure
   */
  public SmtpSession connect() throws MailException {
    TransportOptions options = new TransportOptions(endpoint, tls, transportTimeouts(), limits, trace, listener);
    LineTransport transport = LineTransport.connect(options);
    SmtpChannel channel = new SmtpChannel(transport, smtpTimeouts, limits.maxLineBytes(), limits.maxResponseBytes());
    try {
      EhloCapabilities capabilities = SmtpHandshake.open(channel, this);
      return new SmtpSession(this, channel, capabilities);
    } catch (MailException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * The transport's own timeouts: the SMTP deadlines ({@link SmtpTimeouts}) govern replies, so the idle read timer
   * is raised to the longest of them (else a 2-minute idle timer would cut the 10-minute final-dot wait), and a
   * single write may block for the data-block timeout.
   */
  Timeouts transportTimeouts() {
    java.time.Duration longest = smtpTimeouts.longest();
    return timeouts.newBuilder()
        .readIdle(longest.compareTo(timeouts.readIdle()) > 0 ? longest : timeouts.readIdle())
        .write(smtpTimeouts.dataBlock())
        .build();
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public TlsOptions tls() {
    return tls;
  }

  /** Connect, handshake, read-idle and write timeouts (the greeting and command values are not used by SMTP). */
  public Timeouts timeouts() {
    return timeouts;
  }

  public SmtpTimeouts smtpTimeouts() {
    return smtpTimeouts;
  }

  public Limits limits() {
    return limits;
  }

  public String clientName() {
    return clientName;
  }

  /** The credentials, or null when the client does not authenticate. */
  public Credentials credentials() {
    return credentials;
  }

  public SaslPolicy saslPolicy() {
    return saslPolicy;
  }

  public boolean pipelining() {
    return pipelining;
  }

  public boolean preferChunking() {
    return preferChunking;
  }

  public int chunkSize() {
    return chunkSize;
  }

  public ProtocolTrace trace() {
    return trace;
  }

  public MailEventListener listener() {
    return listener;
  }

  /** Builds an {@link SmtpClient}. */
  public static final class Builder {
    private Endpoint endpoint = Endpoint.implicitTls("localhost", 465);
    private TlsOptions tls = TlsOptions.defaults();
    private Timeouts timeouts = Timeouts.defaults();
    private SmtpTimeouts smtpTimeouts = SmtpTimeouts.defaults();
    private Limits limits = DEFAULT_LIMITS;
    private String clientName = "localhost";
    private Credentials credentials;
    private SaslPolicy saslPolicy = SaslPolicy.defaults();
    private boolean pipelining = true;
    private boolean preferChunking;
    private int chunkSize = 1024 * 1024;
    private ProtocolTrace trace = ProtocolTrace.NONE;
    private MailEventListener listener = MailEventListener.NONE;

    private Builder() { }

    private Builder(SmtpClient c) {
      endpoint = c.endpoint;
      tls = c.tls;
      timeouts = c.timeouts;
      smtpTimeouts = c.smtpTimeouts;
      limits = c.limits;
      clientName = c.clientName;
      credentials = c.credentials;
      saslPolicy = c.saslPolicy;
      pipelining = c.pipelining;
      preferChunking = c.preferChunking;
      chunkSize = c.chunkSize;
      trace = c.trace;
      listener = c.listener;
    }

    public Builder endpoint(Endpoint value) {
      endpoint = Objects.requireNonNull(value, "endpoint");
      return this;
    }

    public Builder tls(TlsOptions value) {
      tls = Objects.requireNonNull(value, "tls");
      return this;
    }

    public Builder timeouts(Timeouts value) {
      timeouts = Objects.requireNonNull(value, "timeouts");
      return this;
    }

    public Builder smtpTimeouts(SmtpTimeouts value) {
      smtpTimeouts = Objects.requireNonNull(value, "smtpTimeouts");
      return this;
    }

    public Builder limits(Limits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * The name sent with EHLO/HELO: a domain name or an address literal such as {@code [192.0.2.1]}.
     *
     * @throws IllegalArgumentException if it holds anything but letters, digits, {@code -}, {@code .}, or is an
     *     invalid literal (SECURITY.md S03)
     */
    public Builder clientName(String value) {
      clientName = checkClientName(value);
      return this;
    }

    /** Credentials for AUTH, or null for none. */
    public Builder credentials(Credentials value) {
      credentials = value;
      return this;
    }

    public Builder saslPolicy(SaslPolicy value) {
      saslPolicy = Objects.requireNonNull(value, "saslPolicy");
      return this;
    }

    /** Whether to pipeline MAIL, RCPT and DATA when the server offers PIPELINING (default true). */
    public Builder pipelining(boolean value) {
      pipelining = value;
      return this;
    }

    /** Whether to use BDAT whenever the server offers CHUNKING, not only for BINARYMIME (default false). */
    public Builder preferChunking(boolean value) {
      preferChunking = value;
      return this;
    }

    /** The BDAT chunk size, 1 KiB to 64 MiB (default 1 MiB): a message up to this size is one BDAT LAST. */
    public Builder chunkSize(int value) {
      if (value < 1024 || value > 64 * 1024 * 1024) {
        throw new IllegalArgumentException("chunkSize must be 1 KiB to 64 MiB: " + value);
      }
      chunkSize = value;
      return this;
    }

    public Builder trace(ProtocolTrace value) {
      trace = Objects.requireNonNull(value, "trace");
      return this;
    }

    public Builder listener(MailEventListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    public SmtpClient build() {
      return new SmtpClient(this);
    }

    static String checkClientName(String name) {
      Objects.requireNonNull(name, "clientName");
      if (name.isEmpty() || name.length() > 255) {
        throw new IllegalArgumentException("client name must be 1 to 255 characters");
      }
      boolean literal = name.startsWith("[") && name.endsWith("]") && name.length() > 2;
      String body = literal ? name.substring(1, name.length() - 1) : name;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || (literal && c == ':');
        if (!ok) {
          throw new IllegalArgumentException("client name may hold only letters, digits, '-' and '.' "
              + "(or be an address literal); found U+" + String.format("%04X", (int) c) + " (SECURITY.md S03)");
        }
      }
      return name;
    }
  }
}
