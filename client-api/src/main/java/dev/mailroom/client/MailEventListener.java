package dev.mailroom.client;

import java.net.InetSocketAddress;

/**
 * Observes a connection's life: connecting, TLS, authentication and closing. Every method has an empty default, so
 * implement only what you need. Like OkHttp's {@code EventListener}: methods must be fast, must not block on the
 * session and must not throw (a throwing listener is ignored).
 *
 * <pre>{@code
 * MailEventListener timing = new MailEventListener() {
 *   public void secureConnectEnd(Endpoint endpoint, String protocol, String cipherSuite) {
 *     System.out.println("TLS " + protocol + " " + cipherSuite + " to " + endpoint);
 *   }
 * };
 * }</pre>
 */
public interface MailEventListener {
  /** A listener that does nothing. */
  MailEventListener NONE = new MailEventListener() { };

  default void connectStart(Endpoint endpoint) { }

  default void connectEnd(Endpoint endpoint, InetSocketAddress remote) { }

  default void connectFailed(Endpoint endpoint, MailException cause) { }

  default void secureConnectStart(Endpoint endpoint) { }

  default void secureConnectEnd(Endpoint endpoint, String protocol, String cipherSuite) { }

  default void authenticated(Endpoint endpoint, String mechanism) { }

  default void connectionClosed(Endpoint endpoint) { }
}
