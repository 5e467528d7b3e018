/** Mailroom MIME: a streaming parser and an immutable builder. */
module dev.mailroom.mime {
  // Packages are exported by the issue that fills them: an export of an empty package does not compile.
}
