/** Mailroom IMAP client: pipelined IMAP4rev1/IMAP4rev2 with a streaming codec, typed handles and a live model. */
module dev.mailroom.imap {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;

  exports dev.mailroom.imap;
  exports dev.mailroom.imap.fetch;
  exports dev.mailroom.imap.search;
  exports dev.mailroom.imap.sync;
}
