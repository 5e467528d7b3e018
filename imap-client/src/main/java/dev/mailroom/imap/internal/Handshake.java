package dev.mailroom.imap.internal;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.Security;
import dev.mailroom.client.internal.sasl.SaslAuthenticator;
import dev.mailroom.client.sasl.SaslContext;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ImapByeException;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommandException;
import dev.mailroom.imap.ResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Greeting, STARTTLS, authentication and ENABLE (RFC 3501 §7.1, §6.2; RFC 9051 §6.2; RFC 2595; RFC 5161). Fails
 * closed: a cleartext {@code PREAUTH} while TLS is required (SECURITY.md I01), a missing or refused STARTTLS (T01 to
 * T03) and injected bytes after the go-ahead (T05, in the transport) end the connection before any credential is
 * sent. Capabilities are read again after TLS (T07, T08). Referrals are exposed, never followed (I02).
 */
final class Handshake {
  private final RealImapSession s;
  private final ImapClient client;

  Handshake(RealImapSession session) {
    this.s = session;
    this.client = session.client;
  }

  void run() throws MailException {
    boolean preauth = greeting();
    s.startReader();
    Security security = client.endpoint().security();
    if (security == Security.STARTTLS) {
      startTls();
    }
    if (preauth) {
      refreshCapabilitiesIfNeeded();
    } else if (client.credentials() != null) {
      refreshCapabilitiesIfNeeded();
      authenticate(client.credentials());
    } else if (s.state.capabilities().isEmpty()) {
      refreshCapabilities();
    }
    if (client.enableExtensions() && (preauth || client.credentials() != null)) {
      enable();
    }
    if (client.compression() && s.state.has(Capability.COMPRESS_DEFLATE)
        && (preauth || client.credentials() != null)) {
      new SessionCommands(s).compress().await();
    }
  }

  private boolean greeting() throws MailException {
    s.transport.deadline(client.timeouts().greeting());
    Response g;
    try {
      g = s.router.read();
    } finally {
      if (s.transport.isOpen()) {
        s.transport.clearDeadline();
      }
    }
    if (!(g instanceof Response.Status st)) {
      throw new MailProtocolException("invalid IMAP greeting (SECURITY.md I26): " + g);
    }
    if (st.status() == ResponseStatus.BYE) {
      throw new ImapByeException(st.text());
    }
    if (st.status() != ResponseStatus.OK && st.status() != ResponseStatus.PREAUTH) {
      throw new MailProtocolException("IMAP greeting is * " + st.status() + " " + st.text() + " (SECURITY.md I26)");
    }
    boolean preauth = st.status() == ResponseStatus.PREAUTH;
    if (preauth && client.endpoint().requiresTls() && !s.transport.isTlsActive()) {
      throw new MailSecurityException("PREAUTH on a cleartext connection while TLS is required; closed without "
          + "sending anything (SECURITY.md I01)");
    }
    if (st.code() != null && st.code().is("CAPABILITY")) {
      s.state.capabilities(ResponseParser.capabilities(st.code().data()));
    }
    return preauth;
  }

  private void startTls() throws MailException {
    try {
      refreshCapabilities();
    } catch (ImapCommandException e) {
      throw new MailSecurityException("CAPABILITY failed while STARTTLS is required (SECURITY.md T03): "
          + e.getMessage(), e);
    }
    if (!s.state.has(Capability.STARTTLS)) {
      throw new MailSecurityException("the server does not offer STARTTLS, which the endpoint requires "
          + "(SECURITY.md T01)");
    }
    PendingCommand<Void> cmd = s.submit("STARTTLS", PendingCommand.BARRIER, tagged -> {
      s.transport.startTls(); // on the reader thread, before it reads another byte (T05, T06, T12)
      s.state.capabilities(Set.of());
      return null;
    }, () -> s.state.encoder("STARTTLS").build());
    try {
      cmd.await();
    } catch (ImapCommandException e) {
      throw new MailSecurityException("STARTTLS refused (SECURITY.md T02): " + e.getMessage(), e);
    } catch (MailSecurityException e) {
      throw e;
    } catch (MailException e) {
      if (e instanceof MailProtocolException) {
        throw e;
      }
      throw new MailSecurityException("STARTTLS failed: " + e.getMessage(), e);
    }
    refreshCapabilities(); // never trust what was said in clear (T07, T08)
  }

  private void refreshCapabilitiesIfNeeded() throws MailException {
    if (s.state.capabilities().isEmpty()) {
      refreshCapabilities();
    }
  }

  private void refreshCapabilities() throws MailException {
    s.state.capabilities(new SessionCommands(s).capability().await());
  }

  private void authenticate(Credentials credentials) throws MailException {
    if (s.state.has(Capability.STARTTLS) && client.endpoint().requiresTls() && !s.transport.isTlsActive()) {
      throw new MailSecurityException("TLS is required but not active");
    }
    List<String> mechanisms = new ArrayList<>();
    for (Capability c : s.state.capabilities()) {
      if (c.authMechanism() != null) {
        mechanisms.add(c.authMechanism());
      }
    }
    boolean sasl = !mechanisms.isEmpty();
    if (sasl && credentials instanceof Credentials.Password && !hasFittingMechanism(mechanisms)) {
      sasl = false;
    }
    if (sasl || !(credentials instanceof Credentials.Password p)) {
      try {
        new SaslAuthenticator(client.saslPolicy()).authenticate(new ImapSaslWire(s), mechanisms, credentials,
            SaslContext.of(client.endpoint().host(), client.endpoint().port(), s.transport.isTlsActive()));
      } catch (MailException e) {
        throw e;
      } catch (java.io.IOException e) {
        throw new MailAuthenticationException("obtaining the credentials failed: " + e.getMessage(), e);
      }
    } else {
      login(p);
    }
    s.state.capabilities(Set.of());
    refreshCapabilities();
  }

  private boolean hasFittingMechanism(List<String> offered) {
    try {
      client.saslPolicy().choose(offered, client.credentials());
      return true;
    } catch (MailAuthenticationException e) {
      return false;
    }
  }

  private void login(Credentials.Password p) throws MailException {
    if (s.state.has(Capability.LOGINDISABLED)) {
      throw new MailAuthenticationException("the server advertises LOGINDISABLED and no SASL mechanism fits");
    }
    if (!client.loginAllowed()) {
      throw new MailAuthenticationException("no SASL mechanism fits and LOGIN is not allowed");
    }
    s.transport.checkCredentialsAllowed();
    PendingCommand<Void> cmd = s.submit("LOGIN", PendingCommand.BARRIER, SessionCommands::capabilitiesFromCode,
        () -> s.state.encoder("LOGIN").sp().secret().astring(p.username()).sp().astring(p.password()).build());
    try {
      cmd.await();
    } catch (ImapCommandException e) {
      throw new MailAuthenticationException("LOGIN refused: " + e.getMessage(), e);
    }
  }

  private void enable() throws MailException {
    String what = s.state.has(Capability.IMAP4REV2) ? "IMAP4rev2"
        : s.state.has(Capability.UTF8_ACCEPT) ? "UTF8=ACCEPT" : null;
    if (what == null || !s.state.has(Capability.ENABLE) && !s.state.has(Capability.IMAP4REV2)) {
      return;
    }
    Set<String> enabled = new SessionCommands(s).enable(what).await();
    if (enabled.contains("IMAP4REV2")) {
      s.state.rev2(true);
      s.state.utf8(true);
    } else if (enabled.contains("UTF8=ACCEPT")) {
      s.state.utf8(true);
    }
    s.router.parser().utf8Names(s.state.utf8());
  }
}
