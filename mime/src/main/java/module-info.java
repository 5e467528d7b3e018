/** Mailroom MIME: a streaming parser and an immutable builder. */
module dev.mailroom.mime {
  exports dev.mailroom.mime;
  exports dev.mailroom.mime.codec;
  // dev.mailroom.mime.parse is exported when it has its first classes.
}
