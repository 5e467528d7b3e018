package dev.mailroom.smtp.internal;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.client.internal.sasl.SaslAuthenticator;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.sasl.SaslContext;
import dev.mailroom.client.sasl.SaslMechanism;
import dev.mailroom.smtp.EhloCapabilities;
import dev.mailroom.smtp.SmtpClient;
import dev.mailroom.smtp.SmtpCommandException;
import dev.mailroom.smtp.SmtpReply;
import dev.mailroom.smtp.SmtpServiceClosingException;

/**
 * Opens an SMTP session (RFC 5321 §3.1, RFC 3207, RFC 4954): greeting, EHLO, STARTTLS, EHLO, AUTH, EHLO. Each step
 * fails closed: nothing is sent after a refused STARTTLS, and capabilities are always re-read (SECURITY.md T07, T08).
 */
public final class SmtpHandshake {
  private SmtpHandshake() { }

  /** Runs the opening dialogue and returns the capabilities in force afterwards. */
  public static EhloCapabilities open(SmtpChannel channel, SmtpClient client) throws MailException {
    greeting(channel);
    LineTransport transport = channel.transport();
    Endpoint endpoint = client.endpoint();
    EhloCapabilities caps = ehlo(channel, client.clientName(), endpoint.security() == Security.PLAIN);
    if (endpoint.security() == Security.STARTTLS && !transport.isTlsActive()) {
      startTls(channel, caps);
      caps = ehlo(channel, client.clientName(), false);
    }
    Credentials credentials = client.credentials();
    if (credentials != null) {
      authenticate(channel, client, caps, credentials);
      caps = ehlo(channel, client.clientName(), false);
    }
    return caps;
  }

  private static void greeting(SmtpChannel channel) throws MailException {
    SmtpReply greeting = channel.read(channel.timeouts().greeting());
    channel.checkInStep();
    if (greeting.code() == 220) {
      return;
    }
    channel.close();
    if (greeting.code() == 421) {
      throw new SmtpServiceClosingException("the server refused the session in its greeting", greeting);
    }
    if (greeting.code() == 554) {
      throw new SmtpCommandException("the server refused the session in its greeting (RFC 5321 §3.1)", greeting);
    }
    throw new MailProtocolException("the server greeted with " + greeting.displayText()
        + " instead of 220 (SECURITY.md S16)");
  }

  /** EHLO, and HELO after a 5xx only when {@code heloAllowed} (SECURITY.md S17). */
  static EhloCapabilities ehlo(SmtpChannel channel, String clientName, boolean heloAllowed) throws MailException {
    SmtpReply reply = channel.command("EHLO " + clientName);
    channel.checkClosing(reply, "EHLO");
    if (reply.code() == 250) {
      EhloCapabilities caps = EhloCapabilities.parse(reply);
      channel.enhancedStatusCodes(caps.enhancedStatusCodes());
      return caps;
    }
    if (!reply.isPermanentFailure()) {
      throw new SmtpCommandException("EHLO refused", reply);
    }
    if (!heloAllowed) {
      channel.close();
      throw new MailSecurityException("the server refused EHLO (" + reply.displayText() + "); HELO cannot carry "
          + "STARTTLS or AUTH, so it is used only on a PLAIN endpoint (SECURITY.md S17)");
    }
    SmtpReply helo = channel.expect(channel.command("HELO " + clientName), 250, "HELO");
    channel.enhancedStatusCodes(false);
    String first = helo.lines().get(0).trim();
    int space = first.indexOf(' ');
    return EhloCapabilities.none(space < 0 ? first : first.substring(0, space));
  }

  /** STARTTLS (RFC 3207): anything but 220 fails closed (T01, T02, T04); injected bytes fail the upgrade (T05). */
  private static void startTls(SmtpChannel channel, EhloCapabilities caps) throws MailException {
    if (!caps.startTls()) {
      channel.close();
      throw new MailSecurityException("the endpoint requires STARTTLS but the server did not offer it "
          + "(SECURITY.md T01)");
    }
    SmtpReply reply;
    try {
      channel.checkInStep();
      channel.write("STARTTLS");
      channel.flush();
      reply = channel.read(channel.timeouts().mailRcpt());
    } catch (MailProtocolException e) {
      channel.close();
      throw new MailSecurityException("STARTTLS failed: " + e.getMessage() + " (SECURITY.md T04)");
    }
    if (reply.code() != 220) {
      channel.close();
      throw new MailSecurityException("the server answered STARTTLS with " + reply.displayText()
          + "; refusing to continue without TLS (SECURITY.md T02)");
    }
    channel.transport().startTls();
  }

  private static void authenticate(SmtpChannel channel, SmtpClient client, EhloCapabilities caps,
      Credentials credentials) throws MailException {
    LineTransport transport = channel.transport();
    transport.checkCredentialsAllowed();
    if (caps.authMechanisms().isEmpty()) {
      throw new MailAuthenticationException("credentials are set but the server does not offer AUTH");
    }
    Endpoint endpoint = client.endpoint();
    boolean secure = transport.isTlsActive() || endpoint.cleartextCredentialsAllowed()
        || transport.remoteAddress().isLoopbackAddress();
    SaslMechanism used;
    try {
      used = new SaslAuthenticator(client.saslPolicy()).authenticate(new SmtpSaslWire(channel),
          caps.authMechanisms(), credentials, SaslContext.of(endpoint.host(), endpoint.port(), secure));
    } catch (MailException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new MailAuthenticationException("the OAuth 2.0 token source failed: " + e.getMessage(), e);
    }
    String name = used.name();
    try {
      client.listener().authenticated(endpoint, name);
    } catch (RuntimeException ignored) {
      // listeners must not throw; if one does, the session carries on
    }
  }
}
