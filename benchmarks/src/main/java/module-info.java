/**
 * JMH benchmarks that run Mailroom beside its peers (never published). They run from the shaded
 * {@code target/benchmarks.jar}; this descriptor only checks the compile-time dependencies.
 */
module dev.mailroom.benchmarks {
  requires dev.mailroom.mime;
  requires dev.mailroom.smtp;
  requires dev.mailroom.pop3;
  requires dev.mailroom.imap;
  requires jmh.core;
  requires apache.mime4j.core;
  requires apache.mime4j.dom;
  requires jakarta.mail;
  requires jakarta.activation;
  requires org.apache.commons.net;

  exports dev.mailroom.benchmarks;
}
