/**
 * The POP3 client (filled by the POP3 issue).
 */
package dev.mailroom.pop3;
