/**
 * Transfer encodings, RFC 2047 encoded words and RFC 2231 parameters (filled by the MIME issue).
 */
package dev.mailroom.mime.codec;
