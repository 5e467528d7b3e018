/**
 * The IMAP client (filled by the IMAP issue).
 */
package dev.mailroom.imap;
