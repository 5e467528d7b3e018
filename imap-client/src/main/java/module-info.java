/** Mailroom IMAP client. */
module dev.mailroom.imap {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;
  // Packages are exported by the issue that fills them: an export of an empty package does not compile.
}
