/**
 * The streaming MIME parser: {@link dev.mailroom.mime.parse.MimeParser}, a pull parser that yields sealed
 * {@link dev.mailroom.mime.parse.MimeEvent} records in input order with one fixed window of memory, bounded by
 * {@link dev.mailroom.mime.parse.ParserLimits}; and {@link dev.mailroom.mime.parse.ParseOptions}, which say how
 * {@link dev.mailroom.mime.MimeMessage#parse(java.io.InputStream, ParseOptions)} stores bodies when it builds the
 * immutable tree from those events.
 *
 * <p>Every byte of the input is carried by an event (header fields, separators, body chunks, delimiters), so a tree
 * built from the events writes back the input byte for byte (SECURITY.md M14), broken input included.
 */
package dev.mailroom.mime.parse;
