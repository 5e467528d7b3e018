/**
 * The POP3 client (RFC 1939, RFC 2449 CAPA and PIPELINING, RFC 2595 STLS, RFC 3206 response codes, RFC 5034 SASL,
 * RFC 6856 UTF8 and LANG): {@link dev.mailroom.pop3.Pop3Client} opens {@link dev.mailroom.pop3.Pop3Session}s, and
 * {@link dev.mailroom.pop3.FetchJob} runs the download-store-delete job that never loses a message.
 */
package dev.mailroom.pop3;
