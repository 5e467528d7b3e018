/**
 * Implementation of the MIME codecs and header-value parsers: streaming base64 and quoted-printable, the RFC 2231
 * parameter parser, the RFC 5322 address lexer and parser, the date parser, file-name sanitising; and the parser's
 * parts: input window, boundary stack, header reader, body scanner, tree builder, body stores. Not exported; the
 * public faces are in {@code dev.mailroom.mime} and {@code dev.mailroom.mime.codec}.
 */
package dev.mailroom.mime.internal;
