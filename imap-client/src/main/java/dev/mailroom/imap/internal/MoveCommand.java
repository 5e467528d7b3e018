package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.CopyResult;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.ImapCommand;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.StoreAction;
import dev.mailroom.imap.UidSet;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code MOVE} (RFC 6851), or its fallback when the server lacks it: {@code UID COPY}, then
 * {@code UID STORE +FLAGS.SILENT (\Deleted)}, then {@code UID EXPUNGE} of exactly those UIDs (RFC 4315). Never a bare
 * EXPUNGE, which would also remove other messages marked deleted; if COPY fails nothing is flagged or expunged; a
 * connection lost in between leaves a duplicate, never a loss (SECURITY.md I24).
 */
final class MoveCommand {
  private final RealImapSession s;
  private final MessageCommands messages;

  MoveCommand(RealImapSession session, MessageCommands messages) {
    this.s = session;
    this.messages = messages;
  }

  ImapCommand<CopyResult> move(SeqSet seqs, UidSet uids, MailboxName destination) {
    if (s.state.has(Capability.MOVE)) {
      return messages.copy("MOVE", seqs, uids, destination);
    }
    if (uids == null) {
      throw new UnsupportedOperationException("the server has no MOVE; the safe fallback needs UIDs (use a UidSet)");
    }
    if (!s.state.has(Capability.UIDPLUS)) {
      throw new UnsupportedOperationException("the server has neither MOVE nor UIDPLUS (UID EXPUNGE): a move "
          + "cannot be done without risking other messages (SECURITY.md I24)");
    }
    ImapCommand<CopyResult> copy = messages.copy("COPY", null, uids, destination);
    CompletableFuture<CopyResult> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        CopyResult r = copy.await();
        messages.store(null, uids, StoreAction.ADD, Set.of(Flag.DELETED), true).await();
        messages.expunge(uids).await();
        result.complete(r);
      } catch (MailException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, "mailroom-imap-move");
    t.setDaemon(true);
    t.start();
    return new ImapCommand<>() {
      @Override
      public String tag() {
        return copy.tag();
      }

      @Override
      public CopyResult await() throws MailException {
        try {
          return result.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MailException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw PendingCommand.unwrap(e.getCause());
        }
      }

      @Override
      public CopyResult await(Duration timeout) throws MailException {
        try {
          return result.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MailException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw PendingCommand.unwrap(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          throw new dev.mailroom.client.MailTimeoutException("MOVE fallback did not finish within " + timeout);
        }
      }

      @Override
      public boolean isDone() {
        return result.isDone();
      }

      @Override
      public CompletableFuture<CopyResult> toFuture() {
        return result.copy();
      }
    };
  }
}
