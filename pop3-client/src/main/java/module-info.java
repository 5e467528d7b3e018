/**
 * Mailroom POP3 client: RFC 1939 with CAPA, PIPELINING and response codes (RFC 2449, 3206), STLS (RFC 2595), SASL
 * AUTH (RFC 5034), UTF8 and LANG (RFC 6856), streaming retrieval and a fetch-and-delete job that never loses mail.
 */
module dev.mailroom.pop3 {
  requires transitive dev.mailroom.client;
  requires transitive dev.mailroom.mime;

  exports dev.mailroom.pop3;
}
