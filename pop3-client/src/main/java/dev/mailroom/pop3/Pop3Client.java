package dev.mailroom.pop3;

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
import dev.mailroom.pop3.internal.Pop3Channel;
import dev.mailroom.pop3.internal.Pop3Handshake;
import java.util.Objects;

/**
 * An immutable POP3 client configuration; thread-safe, share one per application. {@link #connect()} opens a
 * {@link Pop3Session}: connect, greeting, CAPA, STLS when the endpoint requires it (then CAPA again), login when
 * credentials are set (then CAPA again).
 *
 * <pre>{@code
 * Pop3Client client = Pop3Client.builder()
 *     .endpoint(Endpoint.implicitTls("pop.example.org", 995))
 *     .credentials(Credentials.password("bob", "bob-pw"))
 *     .build();
 * try (Pop3Session session = client.connect()) {
 *   for (UidlEntry entry : session.uidl()) {
 *     MimeMessage message = session.retrieveMessage(entry.number());
 *     System.out.println(entry.uid() + ": " + message.subject().orElse(""));
 *   }
 *   session.quit();
 * }
 * }</pre>
 *
 * <p>Defaults: implicit TLS on port 995 of {@code localhost} (set an endpoint), {@link Pop3AuthMethod#AUTO} (SASL
 * when offered, else USER/PASS; never APOP unless asked), PIPELINING used when offered with a window of
 * {@value #DEFAULT_PIPELINE_WINDOW} commands, status lines bounded to {@value #MAX_STATUS_LINE} bytes (SECURITY.md
 * P10), listings to 16 MiB, message bodies unbounded (they are streamed, never held).
 */
public final class Pop3Client {
  /** The longest status line accepted by default (SECURITY.md P10). */
  public static final int MAX_STATUS_LINE = 2_048;
  /** Default bounds: 2 KiB lines, 1 MiB in memory, 16 MiB for a LIST or UIDL listing. */
  public static final Limits DEFAULT_LIMITS = new Limits(MAX_STATUS_LINE, 1024 * 1024, 16L * 1024 * 1024);
  /** Default number of pipelined commands in flight. */
  public static final int DEFAULT_PIPELINE_WINDOW = 32;

  private final Endpoint endpoint;
  private final TlsOptions tls;
  private final Timeouts timeouts;
  private final Limits limits;
  private final Credentials credentials;
  private final Pop3AuthMethod authMethod;
  private final boolean allowApopWithoutTls;
  private final SaslPolicy saslPolicy;
  private final boolean utf8;
  private final boolean pipelining;
  private final int pipelineWindow;
  private final long maxMessageBytes;
  private final ProtocolTrace trace;
  private final MailEventListener listener;

  private Pop3Client(Builder b) {
    endpoint = b.endpoint;
    tls = b.tls;
    timeouts = b.timeouts;
    limits = b.limits;
    credentials = b.credentials;
    authMethod = b.authMethod;
    allowApopWithoutTls = b.allowApopWithoutTls;
    saslPolicy = b.saslPolicy;
    utf8 = b.utf8;
    pipelining = b.pipelining;
    pipelineWindow = b.pipelineWindow;
    maxMessageBytes = b.maxMessageBytes;
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
   * Connects and prepares a session.
   *
   * @throws dev.mailroom.client.MailSecurityException if TLS is required but STLS is not offered or refused, a
   *     certificate does not verify, credentials would cross an unprotected connection, or APOP is not possible;
   *     nothing secret was sent
   * @throws dev.mailroom.client.MailAuthenticationException if the server refused the credentials (a
   *     {@link Pop3AuthenticationException} for USER/PASS and APOP)
   * @throws Pop3CommandException if the greeting is {@code -ERR}, or login failed with {@code [IN-USE]},
   *     {@code [LOGIN-DELAY]} or {@code [SYS/...]} (the typed subclasses)
   * @throws MailException on any other network or protocol failure
   */
  public Pop3Session connect() throws MailException {
    TransportOptions options = new TransportOptions(endpoint, tls, timeouts, limits, trace, listener);
    LineTransport transport = LineTransport.connect(options);
    Pop3Channel channel = new Pop3Channel(transport);
    try {
      Pop3Handshake.Opened opened = Pop3Handshake.open(channel, this);
      return new Pop3Session(this, channel, opened);
    } catch (MailException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public TlsOptions tls() {
    return tls;
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  public Limits limits() {
    return limits;
  }

  /** The credentials, or null when the session is not to log in. */
  public Credentials credentials() {
    return credentials;
  }

  public Pop3AuthMethod authMethod() {
    return authMethod;
  }

  public boolean allowApopWithoutTls() {
    return allowApopWithoutTls;
  }

  public SaslPolicy saslPolicy() {
    return saslPolicy;
  }

  /** Whether to switch to UTF8 mode (RFC 6856) before login when the server offers it. */
  public boolean utf8() {
    return utf8;
  }

  public boolean pipelining() {
    return pipelining;
  }

  public int pipelineWindow() {
    return pipelineWindow;
  }

  public long maxMessageBytes() {
    return maxMessageBytes;
  }

  public ProtocolTrace trace() {
    return trace;
  }

  public MailEventListener listener() {
    return listener;
  }

  /** Builds a {@link Pop3Client}. */
  public static final class Builder {
    private Endpoint endpoint = Endpoint.implicitTls("localhost", 995);
    private TlsOptions tls = TlsOptions.defaults();
    private Timeouts timeouts = Timeouts.defaults();
    private Limits limits = DEFAULT_LIMITS;
    private Credentials credentials;
    private Pop3AuthMethod authMethod = Pop3AuthMethod.AUTO;
    private boolean allowApopWithoutTls;
    private SaslPolicy saslPolicy = SaslPolicy.defaults();
    private boolean utf8;
    private boolean pipelining = true;
    private int pipelineWindow = DEFAULT_PIPELINE_WINDOW;
    private long maxMessageBytes = Long.MAX_VALUE;
    private ProtocolTrace trace = ProtocolTrace.NONE;
    private MailEventListener listener = MailEventListener.NONE;

    private Builder() { }

    private Builder(Pop3Client c) {
      endpoint = c.endpoint;
      tls = c.tls;
      timeouts = c.timeouts;
      limits = c.limits;
      credentials = c.credentials;
      authMethod = c.authMethod;
      allowApopWithoutTls = c.allowApopWithoutTls;
      saslPolicy = c.saslPolicy;
      utf8 = c.utf8;
      pipelining = c.pipelining;
      pipelineWindow = c.pipelineWindow;
      maxMessageBytes = c.maxMessageBytes;
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

    /** Connect, greeting, handshake, per-command deadline, read-idle and write timeouts. */
    public Builder timeouts(Timeouts value) {
      timeouts = Objects.requireNonNull(value, "timeouts");
      return this;
    }

    /** Bounds on status lines ({@code maxLineBytes}) and on LIST/UIDL listings ({@code maxResponseBytes}). */
    public Builder limits(Limits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** Credentials to log in with, or null to stay in the AUTHORIZATION state. */
    public Builder credentials(Credentials value) {
      credentials = value;
      return this;
    }

    /** How to log in (default {@link Pop3AuthMethod#AUTO}); there is never a fallback to another method. */
    public Builder authMethod(Pop3AuthMethod value) {
      authMethod = Objects.requireNonNull(value, "authMethod");
      return this;
    }

    /**
     * Allows APOP on a connection without TLS (default false). APOP's MD5 challenge-response lets an attacker who
     * can play the server recover the password (CVE-2007-1558): opt in only for legacy servers on trusted networks.
     */
    public Builder allowApopWithoutTls(boolean value) {
      allowApopWithoutTls = value;
      return this;
    }

    public Builder saslPolicy(SaslPolicy value) {
      saslPolicy = Objects.requireNonNull(value, "saslPolicy");
      return this;
    }

    /** Whether to enter UTF8 mode (RFC 6856 §2) before login when CAPA offers UTF8 (default false). */
    public Builder utf8(boolean value) {
      utf8 = value;
      return this;
    }

    /** Whether to pipeline batches when CAPA offers PIPELINING (default true); results are the same either way. */
    public Builder pipelining(boolean value) {
      pipelining = value;
      return this;
    }

    /** The most pipelined commands in flight, 1 to 1024 (default {@value #DEFAULT_PIPELINE_WINDOW}). */
    public Builder pipelineWindow(int value) {
      if (value < 1 || value > 1024) {
        throw new IllegalArgumentException("pipelineWindow must be 1 to 1024: " + value);
      }
      pipelineWindow = value;
      return this;
    }

    /** The largest message body read (default unbounded: bodies stream); more is a protocol error. */
    public Builder maxMessageBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxMessageBytes must be positive: " + value);
      }
      maxMessageBytes = value;
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

    public Pop3Client build() {
      return new Pop3Client(this);
    }
  }
}
