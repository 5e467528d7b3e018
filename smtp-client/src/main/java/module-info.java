/** Mailroom SMTP client: ESMTP submission with STARTTLS, AUTH, PIPELINING, CHUNKING and DSN. */
module dev.mailroom.smtp {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;

  exports dev.mailroom.smtp;
}
