/**
 * Mailroom's shared client layer: endpoints, TLS, timeouts and limits, credentials and SASL, typed errors and the
 * protocol trace. The line transport in {@code dev.mailroom.client.internal.transport} is shared only with the
 * protocol modules.
 */
module dev.mailroom.client {
  requires okio;

  exports dev.mailroom.client;
  exports dev.mailroom.client.trace;
  // sasl and internal.* exports arrive with their first classes.
}
