/** Mailroom MIME: a streaming parser and an immutable builder. */
module dev.mailroom.mime {
  exports dev.mailroom.mime;
  exports dev.mailroom.mime.codec;
  exports dev.mailroom.mime.parse;
}
