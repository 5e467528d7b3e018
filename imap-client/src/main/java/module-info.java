/** Mailroom IMAP client. */
module dev.mailroom.imap {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;

  exports dev.mailroom.imap;
}
