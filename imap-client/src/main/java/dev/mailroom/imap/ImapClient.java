package dev.mailroom.imap;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Limits;
import dev.mailroom.client.MailEventListener;
import dev.mailroom.client.MailException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.sasl.SaslPolicy;
import dev.mailroom.client.trace.ProtocolTrace;
import dev.mailroom.imap.internal.RealImapSession;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration for IMAP sessions; immutable and reusable. {@link #connect()} opens the connection, reads the
 * greeting, upgrades with STARTTLS when the endpoint says so (failing closed if the server cannot, SECURITY.md T01 to
 * T08, and on a cleartext PREAUTH, I01), authenticates (SASL from the capabilities read after TLS, or LOGIN when
 * allowed and not LOGINDISABLED) and enables IMAP4rev2 or UTF8=ACCEPT when offered.
 *
 * <pre>{@code
 * ImapClient client = ImapClient.builder()
 *     .endpoint(Endpoint.implicitTls("imap.example.org", 993))
 *     .credentials(Credentials.password("alice", "secret"))
 *     .build();
 * try (ImapSession session = client.connect()) {
 *   MailboxStatus s = session.status(MailboxName.INBOX, MailboxStatus.StatusItem.MESSAGES).await();
 * }
 * }</pre>
 */
public final class ImapClient {
  /** Default limits: 1 MB lines (imaplib's bound, SECURITY.md I22), 16 MiB per buffered literal. */
  public static final Limits DEFAULT_LIMITS = new Limits(1_000_000, 16 * 1024 * 1024, 64L * 1024 * 1024);
  /** RFC 2177: re-issue IDLE at least every 29 minutes. */
  public static final Duration DEFAULT_IDLE_INTERVAL = Duration.ofMinutes(29);

  private final Builder b;

  private ImapClient(Builder b) {
    this.b = b.copy();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder newBuilder() {
    return b.copy();
  }

  /** Connects, secures, authenticates; the session is ready for commands. */
  public ImapSession connect() throws MailException {
    return RealImapSession.open(this);
  }

  public Endpoint endpoint() {
    return b.endpoint;
  }

  public TlsOptions tls() {
    return b.tls;
  }

  public Timeouts timeouts() {
    return b.timeouts;
  }

  public Limits limits() {
    return b.limits;
  }

  /** The credentials, or null to stay unauthenticated (unless the server sends PREAUTH). */
  public Credentials credentials() {
    return b.credentials;
  }

  public SaslPolicy saslPolicy() {
    return b.saslPolicy;
  }

  /** Whether LOGIN may be used when no SASL mechanism fits (never when LOGINDISABLED). */
  public boolean loginAllowed() {
    return b.loginAllowed;
  }

  /** Whether ENABLE IMAP4rev2 / UTF8=ACCEPT is sent when offered. */
  public boolean enableExtensions() {
    return b.enableExtensions;
  }

  /** Whether {@code COMPRESS DEFLATE} (RFC 4978) is started after authentication when the server offers it. */
  public boolean compression() {
    return b.compression;
  }

  public Duration idleInterval() {
    return b.idleInterval;
  }

  public String tagPrefix() {
    return b.tagPrefix;
  }

  public ProtocolTrace trace() {
    return b.trace;
  }

  public MailEventListener listener() {
    return b.listener;
  }

  public UnsolicitedListener unsolicitedListener() {
    return b.unsolicited;
  }

  /** Builds an {@link ImapClient}; defaults: implicit TLS to localhost:993, default timeouts, SASL policy. */
  public static final class Builder {
    private Endpoint endpoint = Endpoint.implicitTls("localhost", 993);
    private TlsOptions tls = TlsOptions.defaults();
    private Timeouts timeouts = Timeouts.defaults();
    private Limits limits = DEFAULT_LIMITS;
    private Credentials credentials;
    private SaslPolicy saslPolicy = SaslPolicy.defaults();
    private boolean loginAllowed = true;
    private boolean enableExtensions = true;
    private boolean compression;
    private Duration idleInterval = DEFAULT_IDLE_INTERVAL;
    private String tagPrefix = "A";
    private ProtocolTrace trace = ProtocolTrace.NONE;
    private MailEventListener listener = MailEventListener.NONE;
    private UnsolicitedListener unsolicited = UnsolicitedListener.NONE;

    private Builder() { }

    private Builder copy() {
      Builder c = new Builder();
      c.endpoint = endpoint;
      c.tls = tls;
      c.timeouts = timeouts;
      c.limits = limits;
      c.credentials = credentials;
      c.saslPolicy = saslPolicy;
      c.loginAllowed = loginAllowed;
      c.enableExtensions = enableExtensions;
      c.compression = compression;
      c.idleInterval = idleInterval;
      c.tagPrefix = tagPrefix;
      c.trace = trace;
      c.listener = listener;
      c.unsolicited = unsolicited;
      return c;
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

    public Builder limits(Limits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    public Builder credentials(Credentials value) {
      credentials = value;
      return this;
    }

    public Builder saslPolicy(SaslPolicy value) {
      saslPolicy = Objects.requireNonNull(value, "saslPolicy");
      return this;
    }

    public Builder loginAllowed(boolean value) {
      loginAllowed = value;
      return this;
    }

    public Builder enableExtensions(boolean value) {
      enableExtensions = value;
      return this;
    }

    /**
     * Compress the connection with DEFLATE after authentication when the server offers {@code COMPRESS=DEFLATE}
     * (RFC 4978; default off). Limits apply to the inflated data (SECURITY.md I28). Worth it on slow links; on TLS
     * it adds CPU for both sides.
     */
    public Builder compression(boolean value) {
      compression = value;
      return this;
    }

    /** How long one IDLE may run before it is re-issued (default 29 min). */
    public Builder idleInterval(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("idleInterval must be positive");
      }
      idleInterval = value;
      return this;
    }

    /** The tag prefix ({@code A} gives {@code A1}, {@code A2}, ...). */
    public Builder tagPrefix(String value) {
      if (!value.matches("[A-Za-z][A-Za-z0-9]{0,7}")) {
        throw new IllegalArgumentException("tag prefix must be letters and digits: " + value);
      }
      tagPrefix = value;
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

    public Builder unsolicitedListener(UnsolicitedListener value) {
      unsolicited = Objects.requireNonNull(value, "unsolicitedListener");
      return this;
    }

    public ImapClient build() {
      return new ImapClient(this);
    }
  }
}
