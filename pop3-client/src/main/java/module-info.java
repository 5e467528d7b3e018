/** Mailroom POP3 client. */
module dev.mailroom.pop3 {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;

  exports dev.mailroom.pop3;
}
