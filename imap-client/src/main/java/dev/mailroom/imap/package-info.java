/**
 * The IMAP client (RFC 3501, RFC 9051): {@link dev.mailroom.imap.ImapClient} configures and connects,
 * {@link dev.mailroom.imap.ImapSession} issues pipelined commands that return {@link dev.mailroom.imap.ImapCommand}
 * handles, and {@link dev.mailroom.imap.SelectedMailbox} is the live model of the selected mailbox.
 *
 * <pre>{@code
 * try (ImapSession imap = ImapClient.builder().endpoint(Endpoint.implicitTls("imap.example.org", 993))
 *     .credentials(Credentials.password("alice", "secret")).build().connect()) {
 *   imap.examine(MailboxName.INBOX).await();
 *   SearchResult unseen = imap.uidSearch(SearchCriteria.unseen()).await();
 * }
 * }</pre>
 */
package dev.mailroom.imap;
