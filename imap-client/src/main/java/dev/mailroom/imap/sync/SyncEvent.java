package dev.mailroom.imap.sync;

import dev.mailroom.imap.Flag;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.UidSet;
import dev.mailroom.imap.fetch.FetchedMessage;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One change a {@link MailboxSync} found. Events are states, not increments, except {@link NewMessage}: applying a
 * {@link FlagsChanged} or {@link Vanished} twice is harmless, so after a failure a re-run may repeat them, while a
 * new message is delivered once if the caller persists {@link NewMessage#resumeFrom()} with it.
 *
 * <pre>{@code
 * if (event instanceof SyncEvent.FullResyncRequired) {
 *   cache.clear();
 * } else if (event instanceof SyncEvent.Vanished v) {
 *   cache.removeAll(v.uids());
 * } else if (event instanceof SyncEvent.FlagsChanged f) {
 *   cache.setFlags(f.uid(), f.flags());
 * } else if (event instanceof SyncEvent.NewMessage n) {
 *   cache.add(n.message());
 *   state.save(n.resumeFrom());
 * }
 * }</pre>
 */
public sealed interface SyncEvent {
  /**
   * Everything cached for the mailbox is void (its UIDVALIDITY changed, or its HIGHESTMODSEQ went backwards:
   * SECURITY.md I20, I21); the sync continues as a first sync and delivers every message as new.
   *
   * @param reason what the server reported
   */
  record FullResyncRequired(String reason) implements SyncEvent {
    public FullResyncRequired {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * These UIDs are gone. The set may name UIDs the caller never saw (RFC 7162 §3.2.5.1 allows a server to, and the
   * CONDSTORE and flag-diff fallbacks report gaps in the UID range): removing an unknown UID is a no-op.
   *
   * @param uids the expunged UIDs, as ranges
   */
  record Vanished(UidSet uids) implements SyncEvent {
    public Vanished {
      Objects.requireNonNull(uids, "uids");
    }
  }

  /**
   * The current flags of a message delivered earlier. Without CONDSTORE the engine cannot tell what changed, so it
   * reports every old message's flags ({@link SyncMode#FLAGS}).
   *
   * @param uid the message
   * @param flags its flags now
   * @param modSeq its mod-sequence, when the server keeps them
   */
  record FlagsChanged(Uid uid, Set<Flag> flags, OptionalLong modSeq) implements SyncEvent {
    public FlagsChanged {
      Objects.requireNonNull(uid, "uid");
      flags = Set.copyOf(flags);
      Objects.requireNonNull(modSeq, "modSeq");
    }
  }

  /**
   * A message not delivered before, in ascending UID order. Its body sections went to
   * {@link SyncHandler#body} just before this event.
   *
   * @param message what was fetched (UID, FLAGS, MODSEQ and the items the sync asked for)
   * @param resumeFrom the cursor to persist with this message for exactly-once delivery across failures
   */
  record NewMessage(FetchedMessage message, SyncCursor resumeFrom) implements SyncEvent {
    public NewMessage {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(resumeFrom, "resumeFrom");
    }

    /** The message's UID. */
    public Uid uid() {
      return message.uid().orElseThrow();
    }
  }
}
