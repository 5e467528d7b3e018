/**
 * Resumable mailbox synchronisation on top of the IMAP session: {@link dev.mailroom.imap.sync.MailboxSync} turns a
 * persisted {@link dev.mailroom.imap.sync.SyncCursor} into a stream of typed {@link dev.mailroom.imap.sync.SyncEvent}s
 * using QRESYNC, CONDSTORE or plain flag fetches (RFC 7162, RFC 4549).
 */
package dev.mailroom.imap.sync;
