package dev.mailroom.imap;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.MailboxStatus.StatusItem;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.ESearchResult;
import dev.mailroom.imap.search.SearchPage;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.imap.search.SearchReturn;
import dev.mailroom.imap.search.SearchSubscription;
import dev.mailroom.imap.search.SearchUpdateListener;
import dev.mailroom.imap.search.SortKey;
import dev.mailroom.imap.search.ThreadAlgorithm;
import dev.mailroom.imap.search.ThreadNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated IMAP session (RFC 3501, RFC 9051) from {@link ImapClient#connect()}. Every command returns an
 * {@link ImapCommand} handle at once; many may be in flight and threads may issue commands concurrently. Commands
 * that would be ambiguous together (RFC 9051 §5.5) are fenced automatically: sequence-number commands never overlap
 * a command during which the server may expunge, and SELECT, IDLE and the like run alone. Closing sends LOGOUT.
 *
 * <pre>{@code
 * try (ImapSession imap = ImapClient.builder().endpoint(Endpoint.implicitTls("imap.example.org", 993))
 *     .credentials(Credentials.password("alice", secret)).build().connect()) {
 *   SelectedMailbox inbox = imap.examine(MailboxName.INBOX).await();
 *   List<FetchedMessage> recent = imap.fetch(UidSet.from(inbox.uidNext().orElse(1) - 10),
 *       FetchSpec.builder().envelope().flags().build()).await();
 * }
 * }</pre>
 */
public interface ImapSession extends AutoCloseable {
  /**
   * Adds a listener for unsolicited responses (besides the client's) until the returned handle is closed; called on
   * the reader thread.
   */
  AutoCloseable addListener(UnsolicitedListener listener);

  /** The capabilities now (after TLS and login, refreshed from every CAPABILITY response). */
  Set<Capability> capabilities();

  /** Whether the server offers {@code c}. */
  default boolean has(Capability c) {
    return capabilities().contains(c);
  }

  /** The selected mailbox's live model, if one is selected. */
  Optional<SelectedMailbox> selected();

  // Any state

  ImapCommand<Set<Capability>> capability();

  ImapCommand<Void> noop();

  /** {@code ID} (RFC 2971): sends {@code fields} (or NIL) and returns the server's. */
  ImapCommand<Map<String, String>> id(Map<String, String> fields);

  /**
   * {@code COMPRESS DEFLATE} (RFC 4978; needs COMPRESS=DEFLATE): from its OK on, both directions are DEFLATE
   * compressed; every limit applies after inflation (SECURITY.md I28). Or set {@code ImapClient.Builder.compression}.
   */
  ImapCommand<Void> compress();

  /**
   * {@code NOTIFY SET} (RFC 5465; needs NOTIFY): one connection reports changes in many mailboxes, as unsolicited
   * responses to the listeners. See {@link MailboxWatcher} for the same with a polling fallback.
   */
  ImapCommand<Void> notify(NotifySpec spec);

  /** {@code NOTIFY NONE}: stop all notifications. */
  ImapCommand<Void> notifyNone();

  /** {@code ENABLE} (RFC 5161): returns what the server enabled. */
  ImapCommand<Set<String>> enable(String... capabilities);

  // Authenticated

  ImapCommand<SelectedMailbox> select(MailboxName mailbox);

  ImapCommand<SelectedMailbox> examine(MailboxName mailbox);

  /**
   * SELECT or EXAMINE with RFC 7162 parameters, collecting a QRESYNC SELECT's {@code VANISHED (EARLIER)} and FETCH
   * responses into the result. {@code CONDSTORE} needs the capability; {@code QRESYNC} needs {@code ENABLE QRESYNC}
   * first (else {@link IllegalStateException}).
   */
  ImapCommand<SelectResult> select(MailboxName mailbox, SelectOptions options);

  /**
   * As {@link #select(MailboxName, SelectOptions)}, streaming the resynchronisation data to {@code changes} on the
   * reader thread instead of collecting it (constant memory however much changed).
   */
  ImapCommand<SelectedMailbox> select(MailboxName mailbox, SelectOptions options, FetchHandler changes);

  ImapCommand<Void> create(MailboxName mailbox);

  ImapCommand<Void> delete(MailboxName mailbox);

  ImapCommand<Void> rename(MailboxName from, MailboxName to);

  ImapCommand<Void> subscribe(MailboxName mailbox);

  ImapCommand<Void> unsubscribe(MailboxName mailbox);

  /** {@code LIST reference pattern}; the pattern's {@code *} and {@code %} are wildcards. */
  ImapCommand<List<ListEntry>> list(String reference, String pattern);

  /**
   * LIST-EXTENDED (RFC 5258): several patterns, selection options (SUBSCRIBED, RECURSIVEMATCH, SPECIAL-USE) and
   * return options (CHILDREN, SPECIAL-USE, and STATUS with LIST-STATUS, RFC 5819, attached to each entry).
   */
  ImapCommand<List<ListEntry>> list(String reference, List<String> patterns, ListOptions options);

  /** {@code CREATE mailbox (USE (\Archive ...))} (RFC 6154 §3; needs CREATE-SPECIAL-USE). */
  ImapCommand<Void> create(MailboxName mailbox, Set<String> specialUse);

  ImapCommand<List<ListEntry>> lsub(String reference, String pattern);

  ImapCommand<Namespaces> namespace();

  ImapCommand<MailboxStatus> status(MailboxName mailbox, StatusItem... items);

  /** {@code APPEND}, streaming the message as a literal (LITERAL+ when offered). */
  ImapCommand<AppendResult> append(MailboxName mailbox, AppendRequest request);

  /**
   * MULTIAPPEND (RFC 3502; needs MULTIAPPEND for more than one): all of {@code requests} in one APPEND command,
   * stored atomically, all or none; {@link AppendResult#uids()} names the new UIDs.
   */
  ImapCommand<AppendResult> append(MailboxName mailbox, List<AppendRequest> requests);

  /**
   * {@code APPEND ... CATENATE} (RFC 4469; needs CATENATE): a new message made by the server from literal text and
   * messages or parts it already has ({@link CatenatePart#message}).
   */
  ImapCommand<AppendResult> append(MailboxName mailbox, Set<Flag> flags, List<CatenatePart> parts);

  /** {@code IDLE} (RFC 2177) until {@link IdleHandle#stop()}; re-issued before the configured interval. */
  IdleHandle idle() throws MailException;

  /** {@code GETQUOTAROOT mailbox} (RFC 9208 §4.3; needs QUOTA): its quota roots and their usage and limits. */
  ImapCommand<QuotaRoots> quotaRoot(MailboxName mailbox);

  /** {@code GETQUOTA root} (RFC 9208 §4.2; needs QUOTA). */
  ImapCommand<Quota> quota(String root);

  /** {@code SETQUOTA root (resource limit ...)} (RFC 9208 §4.1; needs QUOTA and, usually, admin rights). */
  ImapCommand<Void> setQuota(String root, Map<String, Long> limits);

  /** {@code GETACL mailbox} (RFC 4314 §3.3; needs ACL). */
  ImapCommand<List<AclEntry>> acl(MailboxName mailbox);

  /** {@code SETACL mailbox identifier rights} (RFC 4314 §3.1; {@code +rights}/{@code -rights} modify). */
  ImapCommand<Void> setAcl(MailboxName mailbox, String identifier, String rights);

  /** {@code DELETEACL mailbox identifier} (RFC 4314 §3.2). */
  ImapCommand<Void> deleteAcl(MailboxName mailbox, String identifier);

  /** {@code LISTRIGHTS mailbox identifier} (RFC 4314 §3.4). */
  ImapCommand<ListRights> listRights(MailboxName mailbox, String identifier);

  /** {@code MYRIGHTS mailbox} (RFC 4314 §3.5): this user's rights, such as {@code lrswipkxtecda}. */
  ImapCommand<String> myRights(MailboxName mailbox);

  /**
   * {@code GETMETADATA} (RFC 5464 §4.2; needs METADATA, or METADATA-SERVER for the server's own): the entries that
   * have a value. An empty {@code mailbox} means the server's metadata.
   */
  ImapCommand<Map<String, byte[]>> metadata(Optional<MailboxName> mailbox, List<String> entries);

  /** {@code SETMETADATA} (RFC 5464 §4.3): sets one entry, or removes it when {@code value} is empty. */
  ImapCommand<Void> setMetadata(Optional<MailboxName> mailbox, String entry, Optional<byte[]> value);

  // Selected

  ImapCommand<Void> check();

  /** {@code CLOSE}: expunges deleted messages silently and deselects. */
  ImapCommand<Void> closeMailbox();

  /** {@code UNSELECT} (RFC 3691): deselects without expunging. */
  ImapCommand<Void> unselect();

  /** {@code EXPUNGE}: returns the sequence numbers as the server reported them. */
  ImapCommand<List<Long>> expunge();

  /** {@code UID EXPUNGE} (RFC 4315): only these UIDs. */
  ImapCommand<List<Long>> expunge(UidSet uids);

  ImapCommand<SearchResult> search(SearchCriteria criteria);

  ImapCommand<SearchResult> uidSearch(SearchCriteria criteria);

  /**
   * Extended SEARCH (RFC 4731; needs ESEARCH): only what {@code returns} asks for, in one {@code ESEARCH} line, the
   * match set kept as ranges. {@link SearchReturn#SAVE} (RFC 5182, SEARCHRES) keeps the result on the server as
   * {@code $}.
   */
  ImapCommand<ESearchResult> search(SearchCriteria criteria, Set<SearchReturn> returns);

  /** As {@link #search(SearchCriteria, Set)}, matching UIDs. */
  ImapCommand<ESearchResult> uidSearch(SearchCriteria criteria, Set<SearchReturn> returns);

  /**
   * One page of a UID SEARCH (RFC 5267 §4.4 {@code PARTIAL}; needs CONTEXT=SEARCH): the matches at positions
   * {@code first} to {@code last} (1-based, mailbox order).
   */
  ImapCommand<SearchPage> uidSearchPage(SearchCriteria criteria, long first, long last);

  /**
   * A live UID SEARCH (RFC 5267 §4.3 {@code UPDATE}; needs CONTEXT=SEARCH): the matches now, then additions and
   * removals to {@code listener} until the subscription is cancelled or the mailbox deselected.
   */
  ImapCommand<SearchSubscription> uidSearchUpdates(SearchCriteria criteria, SearchUpdateListener listener);

  /** {@code SORT} (RFC 5256; needs SORT): the matches in the order of {@code keys}. */
  ImapCommand<SearchResult> sort(List<SortKey> keys, SearchCriteria criteria);

  /** {@code UID SORT}. */
  ImapCommand<SearchResult> uidSort(List<SortKey> keys, SearchCriteria criteria);

  /**
   * Extended SORT (RFC 5267 ESORT; needs ESORT): {@code SORT RETURN (...)}, answered by one ESEARCH whose ALL set
   * lists the matches in sort order (its ranges, in {@link UidSet#ranges()} order, are ascending runs).
   */
  ImapCommand<ESearchResult> uidSort(List<SortKey> keys, SearchCriteria criteria, Set<SearchReturn> returns);

  /** {@code THREAD} (RFC 5256; needs {@code THREAD=algorithm}): the matches as reply trees. */
  ImapCommand<List<ThreadNode>> thread(ThreadAlgorithm algorithm, SearchCriteria criteria);

  /** {@code UID THREAD}. */
  ImapCommand<List<ThreadNode>> uidThread(ThreadAlgorithm algorithm, SearchCriteria criteria);

  /** {@code FETCH}; bodies buffered in memory (bounded by the limits). */
  ImapCommand<List<FetchedMessage>> fetch(SeqSet messages, FetchSpec spec);

  /** {@code UID FETCH}; bodies buffered in memory (bounded by the limits). */
  ImapCommand<List<FetchedMessage>> fetch(UidSet messages, FetchSpec spec);

  /** {@code FETCH} streaming to {@code handler}; returns how many responses it got. */
  ImapCommand<Long> fetch(SeqSet messages, FetchSpec spec, FetchHandler handler);

  /** {@code UID FETCH} streaming to {@code handler}; returns how many responses it got. */
  ImapCommand<Long> fetch(UidSet messages, FetchSpec spec, FetchHandler handler);

  ImapCommand<List<FetchedMessage>> store(SeqSet messages, StoreAction action, Set<Flag> flags, boolean silent);

  ImapCommand<List<FetchedMessage>> store(UidSet messages, StoreAction action, Set<Flag> flags, boolean silent);

  /**
   * {@code UID STORE messages (UNCHANGEDSINCE unchangedSince) action (flags)} (RFC 7162 §3.1.3; needs CONDSTORE):
   * stores only on messages not modified since that mod-sequence; the others come back in
   * {@link ConditionalStoreResult#modified()}. With {@code 0} nothing is stored (every message has a mod-sequence
   * of at least 1) and every existing message comes back as modified.
   */
  ImapCommand<ConditionalStoreResult> store(UidSet messages, StoreAction action, Set<Flag> flags,
      long unchangedSince);

  ImapCommand<CopyResult> copy(SeqSet messages, MailboxName destination);

  ImapCommand<CopyResult> copy(UidSet messages, MailboxName destination);

  /**
   * {@code MOVE} (RFC 6851); without it, {@code UID COPY}, {@code UID STORE +FLAGS.SILENT (\Deleted)} and
   * {@code UID EXPUNGE} (never a bare EXPUNGE; SECURITY.md I24). The fallback needs UIDPLUS.
   */
  ImapCommand<CopyResult> move(UidSet messages, MailboxName destination);

  ImapCommand<CopyResult> move(SeqSet messages, MailboxName destination);

  /** {@code LOGOUT}; the connection closes when it completes. */
  ImapCommand<Void> logout();

  /** Sends LOGOUT (briefly waiting for it) and closes the connection. */
  @Override
  void close();
}
