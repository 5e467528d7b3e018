/**
 * Mailroom's shared client layer: endpoints, TLS, timeouts and limits, credentials and SASL, typed errors and the
 * protocol trace. The line transport and the SASL exchange driver in {@code dev.mailroom.client.internal.*} are
 * shared only with the protocol modules.
 */
module dev.mailroom.client {
  requires okio;

  exports dev.mailroom.client;
  exports dev.mailroom.client.sasl;
  exports dev.mailroom.client.trace;
  exports dev.mailroom.client.internal.transport to
      dev.mailroom.smtp,
      dev.mailroom.pop3,
      dev.mailroom.imap;
  exports dev.mailroom.client.internal.sasl to
      dev.mailroom.smtp,
      dev.mailroom.pop3,
      dev.mailroom.imap;
}
