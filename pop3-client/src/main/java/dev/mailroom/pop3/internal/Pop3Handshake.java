package dev.mailroom.pop3.internal;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.client.internal.sasl.SaslAuthenticator;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.client.sasl.SaslContext;
import dev.mailroom.pop3.Pop3AuthMethod;
import dev.mailroom.pop3.Pop3Capabilities;
import dev.mailroom.pop3.Pop3Client;
import dev.mailroom.pop3.Pop3CommandException;
import dev.mailroom.pop3.Pop3Reply;
import java.io.IOException;

/**
 * Opens a POP3 session: greeting, CAPA, STLS (RFC 2595 §4) and CAPA again, UTF8 (RFC 6856), login (USER/PASS, APOP
 * or AUTH, RFC 1939 §7 and RFC 5034), and CAPA once more (RFC 2449 §5). Each step fails closed: nothing but CAPA and
 * STLS is sent before a required TLS is up (SECURITY.md T01-T04), capabilities from before TLS are dropped (T07,
 * T08), and a login method that is not possible fails instead of falling back to another (P01).
 */
public final class Pop3Handshake {
  /** CAPA is small: at most this many bytes (SECURITY.md P10). */
  static final long MAX_CAPA_BYTES = 64 * 1024;

  private Pop3Handshake() { }

  /** What the opening dialogue established. */
  public record Opened(Pop3Reply greeting, boolean greetingProtected, Pop3Capabilities capabilities,
      boolean utf8) { }

  /** Runs the opening dialogue. */
  public static Opened open(Pop3Channel channel, Pop3Client client) throws MailException {
    Pop3Reply greeting = greeting(channel);
    LineTransport transport = channel.transport();
    boolean greetingProtected = transport.isTlsActive();
    Endpoint endpoint = client.endpoint();
    Pop3Capabilities caps = capa(channel);
    if (endpoint.security() == Security.STARTTLS && !transport.isTlsActive()) {
      startTls(channel, caps);
      caps = capaOrNone(channel);
    }
    boolean utf8 = false;
    if (client.utf8() && caps != null && caps.utf8()) {
      channel.expectOk("UTF8");
      utf8 = true;
    }
    if (client.credentials() != null) {
      authenticate(channel, client, caps == null ? Pop3Capabilities.none() : caps,
          ApopDigest.timestamp(greeting.text()));
      caps = capaOrNone(channel);
    }
    return new Opened(greeting, greetingProtected, caps == null ? Pop3Capabilities.none() : caps, utf8);
  }

  private static Pop3Reply greeting(Pop3Channel channel) throws MailException {
    Pop3Reply greeting = channel.readReply(channel.transport().options().timeouts().greeting());
    if (!greeting.ok()) {
      channel.close();
      throw Pop3CommandException.of("the server refused the session in its greeting (SECURITY.md P12)", greeting);
    }
    return greeting;
  }

  /** CAPA (RFC 2449 §5): the capabilities, or null when the server answers {@code -ERR}. */
  static Pop3Capabilities capa(Pop3Channel channel) throws MailException {
    Pop3Reply reply = channel.command("CAPA");
    if (!reply.ok()) {
      return null;
    }
    return Pop3Capabilities.parse(channel.readListingText(4 * Pop3Capabilities.MAX_LINES, MAX_CAPA_BYTES));
  }

  private static Pop3Capabilities capaOrNone(Pop3Channel channel) throws MailException {
    Pop3Capabilities caps = capa(channel);
    return caps == null ? Pop3Capabilities.none() : caps;
  }

  /** STLS (RFC 2595 §4): anything but {@code +OK} fails closed; injected bytes fail the upgrade (T05, T06). */
  private static void startTls(Pop3Channel channel, Pop3Capabilities caps) throws MailException {
    if (caps == null) {
      channel.close();
      throw new MailSecurityException("the endpoint requires STLS but the server refused CAPA, so STLS cannot be "
          + "confirmed (SECURITY.md T03)");
    }
    if (!caps.stls()) {
      channel.close();
      throw new MailSecurityException("the endpoint requires STLS but the server did not offer it "
          + "(SECURITY.md T01)");
    }
    Pop3Reply reply;
    try {
      reply = channel.command("STLS");
    } catch (MailProtocolException e) {
      channel.close();
      throw new MailSecurityException("STLS failed: " + e.getMessage() + " (SECURITY.md T04)", e);
    }
    if (!reply.ok()) {
      channel.close();
      throw new MailSecurityException("the server answered STLS with " + reply
          + "; refusing to continue without TLS (SECURITY.md T02)");
    }
    channel.transport().startTls();
  }

  private static void authenticate(Pop3Channel channel, Pop3Client client, Pop3Capabilities caps,
      String timestamp) throws MailException {
    Credentials credentials = client.credentials();
    Pop3AuthMethod method = client.authMethod();
    if (method == Pop3AuthMethod.AUTO) {
      method = !caps.saslMechanisms().isEmpty() || !(credentials instanceof Credentials.Password)
          ? Pop3AuthMethod.SASL : Pop3AuthMethod.USER_PASS;
    }
    String name = switch (method) {
      case SASL -> sasl(channel, client, caps, credentials);
      case USER_PASS -> userPass(channel, password(credentials, "USER/PASS"));
      case APOP -> apop(channel, client, password(credentials, "APOP"), timestamp);
      case AUTO -> throw new IllegalStateException("AUTO was resolved above");
    };
    try {
      client.listener().authenticated(client.endpoint(), name);
    } catch (RuntimeException ignored) {
      // listeners must not throw; if one does, the session carries on
    }
  }

  private static Credentials.Password password(Credentials credentials, String method)
      throws MailAuthenticationException {
    if (credentials instanceof Credentials.Password password) {
      if (!password.authorizationId().isEmpty()) {
        throw new MailAuthenticationException(method + " cannot act as another user; use SASL for an "
            + "authorization identity");
      }
      return password;
    }
    throw new MailAuthenticationException(method + " needs a user name and password, not " + credentials);
  }

  private static String userPass(Pop3Channel channel, Credentials.Password credentials) throws MailException {
    String user = Pop3Commands.user(credentials.username());
    String pass = Pop3Commands.pass(credentials.password());
    channel.transport().checkCredentialsAllowed();
    Pop3Reply reply = channel.command(user);
    if (!reply.ok()) {
      throw Pop3SaslWire.refusal("USER", reply);
    }
    reply = channel.command(pass, Sensitivity.revealing("PASS ".length()));
    if (!reply.ok()) {
      throw Pop3SaslWire.refusal("PASS", reply);
    }
    return "USER";
  }

  private static String apop(Pop3Channel channel, Pop3Client client, Credentials.Password credentials,
      String timestamp) throws MailException {
    String name = Pop3Commands.word(credentials.username(), "user name"); // checked before anything is sent
    if (timestamp == null) {
      throw new MailSecurityException("APOP was asked for but the greeting carries no valid timestamp; not "
          + "falling back to USER/PASS (SECURITY.md P01)");
    }
    if (!channel.transport().isTlsActive() && !client.allowApopWithoutTls()) {
      throw new MailSecurityException("APOP over a connection without TLS exposes the password to an MD5 attack "
          + "(CVE-2007-1558); use TLS or allowApopWithoutTls(true) (SECURITY.md P01)");
    }
    String command = Pop3Commands.apop(name, ApopDigest.digest(timestamp, credentials.password()));
    Pop3Reply reply = channel.command(command, Sensitivity.revealing("APOP ".length() + name.length()));
    if (!reply.ok()) {
      throw Pop3SaslWire.refusal("APOP", reply);
    }
    return "APOP";
  }

  private static String sasl(Pop3Channel channel, Pop3Client client, Pop3Capabilities caps,
      Credentials credentials) throws MailException {
    if (caps.saslMechanisms().isEmpty()) {
      throw new MailAuthenticationException("SASL was asked for but the server lists no SASL mechanism in CAPA");
    }
    LineTransport transport = channel.transport();
    Endpoint endpoint = client.endpoint();
    boolean secure = transport.isTlsActive() || endpoint.cleartextCredentialsAllowed()
        || transport.remoteAddress().isLoopbackAddress();
    try {
      return new SaslAuthenticator(client.saslPolicy()).authenticate(new Pop3SaslWire(channel),
          caps.saslMechanisms(), credentials, SaslContext.of(endpoint.host(), endpoint.port(), secure)).name();
    } catch (MailAuthenticationException e) {
      if (e.getCause() instanceof Pop3CommandException typed) {
        throw typed; // [IN-USE], [LOGIN-DELAY], [SYS/...]: not a credentials problem (SECURITY.md P11)
      }
      throw e;
    } catch (MailException e) {
      throw e;
    } catch (IOException e) {
      throw new MailAuthenticationException("the OAuth 2.0 token source failed: " + e.getMessage(), e);
    }
  }
}
