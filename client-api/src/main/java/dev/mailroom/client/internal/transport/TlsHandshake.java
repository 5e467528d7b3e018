package dev.mailroom.client.internal.transport;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.MailSecurityException;
import dev.mailroom.client.MailTimeoutException;
import dev.mailroom.client.TlsOptions;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import okio.AsyncTimeout;

/** Layers TLS over a connected socket: for implicit TLS right after connect, and for STARTTLS after the go-ahead. */
final class TlsHandshake {
  private TlsHandshake() { }

  /**
   * Runs a client handshake over {@code plain} within {@code deadline}, verifying the certificate chain and that it
   * names {@code endpoint.host()}. On any failure {@code plain} is closed and nothing was sent above TLS.
   */
  static SSLSocket handshake(Socket plain, Endpoint endpoint, TlsOptions options, Duration deadline)
      throws MailException {
    SSLSocket ssl = null;
    AsyncTimeout timeout = new AsyncTimeout() {
      @Override
      protected void timedOut() {
        closeQuietly(plain);
      }
    };
    timeout.timeout(deadline.toNanos(), TimeUnit.NANOSECONDS);
    timeout.enter();
    try {
      SSLContext context = options.sslContext() != null ? options.sslContext() : SSLContext.getDefault();
      ssl = (SSLSocket) context.getSocketFactory()
          .createSocket(new HandshakeGuardSocket(plain), endpoint.host(), endpoint.port(), true);
      ssl.setUseClientMode(true);
      ssl.setSSLParameters(parameters(ssl, endpoint, options));
      ssl.startHandshake();
      if (timeout.exit()) {
        throw new MailTimeoutException("TLS handshake with " + endpoint.host() + " took longer than " + deadline);
      }
      verifyHostname(ssl, endpoint);
      return ssl;
    } catch (MailException e) {
      timeout.exit();
      closeQuietly(plain);
      throw e;
    } catch (IOException | GeneralSecurityException e) {
      boolean timedOut = timeout.exit();
      closeQuietly(plain);
      if (timedOut) {
        throw new MailTimeoutException(
            "TLS handshake with " + endpoint.host() + " took longer than " + deadline, e);
      }
      HandshakeGuardSocket.PlaintextAfterGoAhead injected = findCause(e, HandshakeGuardSocket.PlaintextAfterGoAhead.class);
      if (injected != null) {
        throw new MailProtocolException(injected.getMessage() + " (response injection, SECURITY.md T06)", e);
      }
      if (e instanceof SSLException || e instanceof GeneralSecurityException) {
        throw new MailSecurityException("TLS handshake with " + endpoint.host() + " failed: " + e.getMessage(), e);
      }
      throw new MailProtocolException("connection lost during the TLS handshake with " + endpoint.host(), e);
    }
  }

  private static SSLParameters parameters(SSLSocket ssl, Endpoint endpoint, TlsOptions options)
      throws MailSecurityException {
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // always: T11
    if (!HostnameCheck.isIpLiteral(endpoint.host())) {
      parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
    }
    List<String> supported = Arrays.asList(ssl.getSupportedProtocols());
    List<String> protocols = new ArrayList<>(options.protocols());
    protocols.retainAll(supported);
    if (protocols.isEmpty()) {
      throw new MailSecurityException("none of the TLS protocols " + options.protocols() + " is supported here");
    }
    parameters.setProtocols(protocols.toArray(String[]::new));
    if (!options.cipherSuites().isEmpty()) {
      parameters.setCipherSuites(options.cipherSuites().toArray(String[]::new));
    }
    return parameters;
  }

  private static void verifyHostname(SSLSocket ssl, Endpoint endpoint) throws MailSecurityException {
    Certificate[] chain;
    try {
      chain = ssl.getSession().getPeerCertificates();
    } catch (IOException e) {
      closeQuietly(ssl);
      throw new MailSecurityException("the server presented no certificate", e);
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)
        || !HostnameCheck.matches(endpoint.host(), leaf)) {
      closeQuietly(ssl);
      throw new MailSecurityException("the server certificate does not name " + endpoint.host());
    }
  }

  static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
  }
}
