package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.Timeouts;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.TransportOptions;
import dev.mailroom.imap.AclEntry;
import dev.mailroom.imap.AppendRequest;
import dev.mailroom.imap.AppendResult;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ConditionalStoreResult;
import dev.mailroom.imap.SelectOptions;
import dev.mailroom.imap.SelectResult;
import dev.mailroom.imap.CopyResult;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.IdleHandle;
import dev.mailroom.imap.ImapClient;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.ImapSession;
import dev.mailroom.imap.ListEntry;
import dev.mailroom.imap.ListOptions;
import dev.mailroom.imap.ListRights;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.MailboxStatus;
import dev.mailroom.imap.Namespaces;
import dev.mailroom.imap.Quota;
import dev.mailroom.imap.QuotaRoots;
import dev.mailroom.imap.SelectedMailbox;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.FetchHandler;
import dev.mailroom.imap.fetch.FetchSpec;
import dev.mailroom.imap.fetch.FetchedMessage;
import dev.mailroom.imap.internal.wire.EncodedCommand;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import dev.mailroom.imap.search.SearchCriteria;
import dev.mailroom.imap.search.ESearchResult;
import dev.mailroom.imap.search.SearchResult;
import dev.mailroom.imap.search.SearchReturn;
import dev.mailroom.imap.search.SortKey;
import dev.mailroom.imap.search.ThreadAlgorithm;
import dev.mailroom.imap.search.ThreadNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link ImapSession} implementation: owns the transport, the {@link CommandPipeline}, the reader thread running
 * the {@link ResponseRouter}, and delegates each command family to its own class.
 */
public final class RealImapSession implements ImapSession {
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mailroom-imap-watchdog");
    t.setDaemon(true);
    return t;
  });

  final ImapClient client;
  final LineTransport transport;
  final SessionState state;
  final CommandPipeline pipeline;
  final ResponseRouter router;
  private final SessionCommands sessionCommands = new SessionCommands(this);
  private final MailboxCommands mailboxCommands = new MailboxCommands(this);
  private final MessageCommands messageCommands = new MessageCommands(this);
  private final SearchCommands searchCommands = new SearchCommands(this);
  private final AdminCommands adminCommands = new AdminCommands(this);
  private final Thread reader;

  private RealImapSession(ImapClient client, LineTransport transport) {
    this.client = client;
    this.transport = transport;
    this.state = new SessionState(transport);
    this.pipeline = new CommandPipeline(transport, new TagGenerator(client.tagPrefix()),
        client.timeouts().command());
    this.router = new ResponseRouter(new ImapDecoder(transport), pipeline, state, client.unsolicitedListener());
    this.reader = new Thread(null, router, "mailroom-imap-reader " + client.endpoint().host(), 4L * 1024 * 1024);
    this.reader.setDaemon(true);
  }

  /** Connects and runs the handshake (greeting, STARTTLS, authentication, ENABLE). */
  public static RealImapSession open(ImapClient client) throws MailException {
    Timeouts t = client.timeouts();
    Duration idle = client.idleInterval().plus(t.readIdle()).plusMinutes(1);
    Timeouts transportTimeouts = t.newBuilder().readIdle(idle.compareTo(t.readIdle()) > 0 ? idle : t.readIdle())
        .build();
    TransportOptions options = new TransportOptions(client.endpoint(), client.tls(), transportTimeouts,
        client.limits(), client.trace(), client.listener());
    LineTransport transport = LineTransport.connect(options);
    RealImapSession session = new RealImapSession(client, transport);
    try {
      new Handshake(session).run();
      return session;
    } catch (MailException | RuntimeException e) {
      session.pipeline.fail(e instanceof MailException m ? m : new MailException(e.toString(), e));
      transport.close();
      throw e;
    }
  }

  void startReader() {
    reader.start();
  }

  /** Submits a command; waits only if RFC 9051 §5.5 fencing requires it. */
  <T> PendingCommand<T> submit(String name, int flags, ResponseHandler<T> handler, Supplier<EncodedCommand> enc) {
    return submit(new PendingCommand<>(name, flags, handler, enc));
  }

  /** Submits a command built by the caller. */
  <T> PendingCommand<T> submit(PendingCommand<T> c) {
    String name = c.name;
    pipeline.submit(c);
    if (!c.is(PendingCommand.INTERACTIVE) && !c.isDone()) {
      Duration timeout = client.timeouts().command();
      WATCHDOG.schedule(() -> {
        if (!c.isDone()) {
          pipeline.fail(new dev.mailroom.client.MailTimeoutException(name + " (" + c.tag()
              + ") got no tagged response within " + timeout + "; the connection was closed"));
        }
      }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    return c;
  }

  /**
   * Submits a sequence-number command: {@code set} means the numbering when this is called, and is translated
   * through any EXPUNGE that arrives before the command can be sent.
   */
  <T> PendingCommand<T> submitSeq(String name, int flags, ResponseHandler<T> handler, SeqSet set,
      Function<SeqSet, EncodedCommand> enc) {
    MailboxModel model = pipeline.model();
    long mark = model == null ? 0 : pipeline.seqMark(model);
    return submit(name, flags | PendingCommand.USES_SEQ, handler, () -> {
      SeqSet now = model == null ? set : model.translate(set, mark);
      return now == null ? null : enc.apply(now);
    });
  }

  @Override
  public AutoCloseable addListener(dev.mailroom.imap.UnsolicitedListener listener) {
    return router.addListener(listener);
  }

  @Override
  public Set<Capability> capabilities() {
    return state.capabilities();
  }

  @Override
  public Optional<SelectedMailbox> selected() {
    MailboxModel m = pipeline.model();
    return m != null && m.isValid() ? Optional.of(m) : Optional.empty();
  }

  @Override
  public ImapCommand<Set<Capability>> capability() {
    return sessionCommands.capability();
  }

  @Override
  public ImapCommand<Void> noop() {
    return sessionCommands.simple("NOOP", PendingCommand.MAY_EXPUNGE);
  }

  @Override
  public ImapCommand<Map<String, String>> id(Map<String, String> fields) {
    return sessionCommands.id(fields);
  }

  @Override
  public ImapCommand<Void> notify(dev.mailroom.imap.NotifySpec spec) {
    return sessionCommands.notify(java.util.Objects.requireNonNull(spec, "spec"));
  }

  @Override
  public ImapCommand<Void> notifyNone() {
    return sessionCommands.notify(null);
  }

  @Override
  public ImapCommand<Void> compress() {
    return sessionCommands.compress();
  }

  @Override
  public ImapCommand<Set<String>> enable(String... capabilities) {
    return sessionCommands.enable(capabilities);
  }

  @Override
  public ImapCommand<SelectedMailbox> select(MailboxName mailbox) {
    return mailboxCommands.select(mailbox, false);
  }

  @Override
  public ImapCommand<SelectedMailbox> examine(MailboxName mailbox) {
    return mailboxCommands.select(mailbox, true);
  }

  @Override
  public ImapCommand<SelectResult> select(MailboxName mailbox, SelectOptions options) {
    return mailboxCommands.selectCollecting(mailbox, options);
  }

  @Override
  public ImapCommand<SelectedMailbox> select(MailboxName mailbox, SelectOptions options, FetchHandler changes) {
    return mailboxCommands.select(mailbox, options, java.util.Objects.requireNonNull(changes, "changes"), m -> m);
  }

  @Override
  public ImapCommand<Void> create(MailboxName mailbox) {
    return mailboxCommands.named("CREATE", mailbox);
  }

  @Override
  public ImapCommand<Void> delete(MailboxName mailbox) {
    return mailboxCommands.named("DELETE", mailbox);
  }

  @Override
  public ImapCommand<Void> rename(MailboxName from, MailboxName to) {
    return mailboxCommands.rename(from, to);
  }

  @Override
  public ImapCommand<Void> subscribe(MailboxName mailbox) {
    return mailboxCommands.named("SUBSCRIBE", mailbox);
  }

  @Override
  public ImapCommand<Void> unsubscribe(MailboxName mailbox) {
    return mailboxCommands.named("UNSUBSCRIBE", mailbox);
  }

  @Override
  public ImapCommand<List<ListEntry>> list(String reference, String pattern) {
    return mailboxCommands.list("LIST", reference, pattern);
  }

  @Override
  public ImapCommand<List<ListEntry>> lsub(String reference, String pattern) {
    return mailboxCommands.list("LSUB", reference, pattern);
  }

  @Override
  public ImapCommand<List<ListEntry>> list(String reference, List<String> patterns, ListOptions options) {
    return mailboxCommands.list("LIST", reference, patterns, options);
  }

  @Override
  public ImapCommand<Void> create(MailboxName mailbox, Set<String> specialUse) {
    return mailboxCommands.createSpecialUse(mailbox, specialUse);
  }

  @Override
  public ImapCommand<Namespaces> namespace() {
    return mailboxCommands.namespace();
  }

  @Override
  public ImapCommand<MailboxStatus> status(MailboxName mailbox, MailboxStatus.StatusItem... items) {
    return mailboxCommands.status(mailbox, items);
  }

  @Override
  public ImapCommand<AppendResult> append(MailboxName mailbox, AppendRequest request) {
    return new AppendCommand(this).append(mailbox, request);
  }

  @Override
  public ImapCommand<AppendResult> append(MailboxName mailbox, Set<Flag> flags,
      List<dev.mailroom.imap.CatenatePart> parts) {
    return new AppendCommand(this).catenate(mailbox, flags, parts);
  }

  @Override
  public ImapCommand<AppendResult> append(MailboxName mailbox, List<AppendRequest> requests) {
    return new AppendCommand(this).append(mailbox, requests);
  }

  @Override
  public IdleHandle idle() throws MailException {
    return IdleCommand.start(this);
  }

  @Override
  public ImapCommand<QuotaRoots> quotaRoot(MailboxName mailbox) {
    return adminCommands.quotaRoot(mailbox);
  }

  @Override
  public ImapCommand<Quota> quota(String root) {
    return adminCommands.quota(root);
  }

  @Override
  public ImapCommand<Void> setQuota(String root, Map<String, Long> limits) {
    return adminCommands.setQuota(root, limits);
  }

  @Override
  public ImapCommand<List<AclEntry>> acl(MailboxName mailbox) {
    return adminCommands.acl(mailbox);
  }

  @Override
  public ImapCommand<Void> setAcl(MailboxName mailbox, String identifier, String rights) {
    return adminCommands.setAcl(mailbox, identifier, rights);
  }

  @Override
  public ImapCommand<Void> deleteAcl(MailboxName mailbox, String identifier) {
    return adminCommands.deleteAcl(mailbox, identifier);
  }

  @Override
  public ImapCommand<ListRights> listRights(MailboxName mailbox, String identifier) {
    return adminCommands.listRights(mailbox, identifier);
  }

  @Override
  public ImapCommand<String> myRights(MailboxName mailbox) {
    return adminCommands.myRights(mailbox);
  }

  @Override
  public ImapCommand<Map<String, byte[]>> metadata(Optional<MailboxName> mailbox, List<String> entries) {
    return adminCommands.metadata(mailbox, entries);
  }

  @Override
  public ImapCommand<Void> setMetadata(Optional<MailboxName> mailbox, String entry, Optional<byte[]> value) {
    return adminCommands.setMetadata(mailbox, entry, value);
  }

  @Override
  public ImapCommand<Void> check() {
    return sessionCommands.simple("CHECK", PendingCommand.MAY_EXPUNGE);
  }

  @Override
  public ImapCommand<Void> closeMailbox() {
    return mailboxCommands.deselect("CLOSE");
  }

  @Override
  public ImapCommand<Void> unselect() {
    return mailboxCommands.deselect("UNSELECT");
  }

  @Override
  public ImapCommand<List<Long>> expunge() {
    return messageCommands.expunge(null);
  }

  @Override
  public ImapCommand<List<Long>> expunge(UidSet uids) {
    return messageCommands.expunge(uids);
  }

  @Override
  public ImapCommand<SearchResult> search(SearchCriteria criteria) {
    return searchCommands.search(criteria, false);
  }

  @Override
  public ImapCommand<SearchResult> uidSearch(SearchCriteria criteria) {
    return searchCommands.search(criteria, true);
  }

  @Override
  public ImapCommand<ESearchResult> search(SearchCriteria criteria, Set<SearchReturn> returns) {
    return searchCommands.esearch(criteria, false, returns);
  }

  @Override
  public ImapCommand<ESearchResult> uidSearch(SearchCriteria criteria, Set<SearchReturn> returns) {
    return searchCommands.esearch(criteria, true, returns);
  }

  @Override
  public ImapCommand<dev.mailroom.imap.search.SearchPage> uidSearchPage(SearchCriteria criteria, long first,
      long last) {
    return searchCommands.page(criteria, first, last);
  }

  @Override
  public ImapCommand<dev.mailroom.imap.search.SearchSubscription> uidSearchUpdates(SearchCriteria criteria,
      dev.mailroom.imap.search.SearchUpdateListener listener) {
    return searchCommands.updates(criteria, listener);
  }

  @Override
  public ImapCommand<SearchResult> sort(List<SortKey> keys, SearchCriteria criteria) {
    return searchCommands.sort(keys, criteria, false);
  }

  @Override
  public ImapCommand<SearchResult> uidSort(List<SortKey> keys, SearchCriteria criteria) {
    return searchCommands.sort(keys, criteria, true);
  }

  @Override
  public ImapCommand<ESearchResult> uidSort(List<SortKey> keys, SearchCriteria criteria,
      Set<SearchReturn> returns) {
    return searchCommands.esort(keys, criteria, returns);
  }

  @Override
  public ImapCommand<List<ThreadNode>> thread(ThreadAlgorithm algorithm, SearchCriteria criteria) {
    return searchCommands.thread(algorithm, criteria, false);
  }

  @Override
  public ImapCommand<List<ThreadNode>> uidThread(ThreadAlgorithm algorithm, SearchCriteria criteria) {
    return searchCommands.thread(algorithm, criteria, true);
  }

  @Override
  public ImapCommand<List<FetchedMessage>> fetch(SeqSet messages, FetchSpec spec) {
    return messageCommands.fetchBuffered(messages, null, spec);
  }

  @Override
  public ImapCommand<List<FetchedMessage>> fetch(UidSet messages, FetchSpec spec) {
    return messageCommands.fetchBuffered(null, messages, spec);
  }

  @Override
  public ImapCommand<Long> fetch(SeqSet messages, FetchSpec spec, FetchHandler handler) {
    return messageCommands.fetchStreaming(messages, null, spec, handler);
  }

  @Override
  public ImapCommand<Long> fetch(UidSet messages, FetchSpec spec, FetchHandler handler) {
    return messageCommands.fetchStreaming(null, messages, spec, handler);
  }

  @Override
  public ImapCommand<List<FetchedMessage>> store(SeqSet messages, StoreAction action, Set<Flag> flags,
      boolean silent) {
    return messageCommands.store(messages, null, action, flags, silent);
  }

  @Override
  public ImapCommand<List<FetchedMessage>> store(UidSet messages, StoreAction action, Set<Flag> flags,
      boolean silent) {
    return messageCommands.store(null, messages, action, flags, silent);
  }

  @Override
  public ImapCommand<ConditionalStoreResult> store(UidSet messages, StoreAction action, Set<Flag> flags,
      long unchangedSince) {
    return messageCommands.conditionalStore(messages, action, flags, unchangedSince);
  }

  @Override
  public ImapCommand<CopyResult> copy(SeqSet messages, MailboxName destination) {
    return messageCommands.copy("COPY", messages, null, destination);
  }

  @Override
  public ImapCommand<CopyResult> copy(UidSet messages, MailboxName destination) {
    return messageCommands.copy("COPY", null, messages, destination);
  }

  @Override
  public ImapCommand<CopyResult> move(UidSet messages, MailboxName destination) {
    return new MoveCommand(this, messageCommands).move(null, messages, destination);
  }

  @Override
  public ImapCommand<CopyResult> move(SeqSet messages, MailboxName destination) {
    return new MoveCommand(this, messageCommands).move(messages, null, destination);
  }

  @Override
  public ImapCommand<Void> logout() {
    return sessionCommands.logout();
  }

  @Override
  public void close() {
    if (!pipeline.isFailed()) {
      try {
        logout().await(Duration.ofSeconds(5));
      } catch (MailException | RuntimeException ignored) {
        // Closing anyway.
      }
    }
    pipeline.fail(new MailException("the session is closed"));
    transport.close();
  }
}
