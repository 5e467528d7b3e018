/** Mailroom SMTP client. */
module dev.mailroom.smtp {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;

  exports dev.mailroom.smtp;
}
