/** IMAP search types: typed requests and results (see {@link dev.mailroom.imap.ImapSession}). */
package dev.mailroom.imap.search;
