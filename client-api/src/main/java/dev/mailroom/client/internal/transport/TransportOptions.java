package dev.mailroom.client.internal.transport;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.Limits;
import dev.mailroom.client.MailEventListener;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.trace.ProtocolTrace;
import java.util.Objects;

/** Everything a {@link LineTransport} needs to connect. */
public record TransportOptions(
    Endpoint endpoint,
    TlsOptions tls,
    Timeouts timeouts,
    Limits limits,
    ProtocolTrace trace,
    MailEventListener listener) {

  public TransportOptions {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(listener, "listener");
  }

  /** Default TLS, timeouts and limits, no trace and no listener. */
  public static TransportOptions of(Endpoint endpoint) {
    return new TransportOptions(endpoint, TlsOptions.defaults(), Timeouts.defaults(), Limits.defaults(),
        ProtocolTrace.NONE, MailEventListener.NONE);
  }

  public TransportOptions withTls(TlsOptions value) {
    return new TransportOptions(endpoint, value, timeouts, limits, trace, listener);
  }

  public TransportOptions withTimeouts(Timeouts value) {
    return new TransportOptions(endpoint, tls, value, limits, trace, listener);
  }

  public TransportOptions withLimits(Limits value) {
    return new TransportOptions(endpoint, tls, timeouts, value, trace, listener);
  }

  public TransportOptions withTrace(ProtocolTrace value) {
    return new TransportOptions(endpoint, tls, timeouts, limits, value, listener);
  }

  public TransportOptions withListener(MailEventListener value) {
    return new TransportOptions(endpoint, tls, timeouts, limits, trace, value);
  }
}
