package dev.mailroom.imap;

import dev.mailroom.imap.fetch.FetchedMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code UID STORE ... (UNCHANGEDSINCE n)} (RFC 7162 §3.1.3): the store applies only to messages whose
 * mod-sequence is not above {@code n}; the others are reported as {@link #modified()} and left alone, so two clients
 * cannot overwrite each other's flag changes.
 *
 * <pre>{@code
 * ConditionalStoreResult r = session.store(UidSet.of(7, 9), StoreAction.ADD, Set.of(Flag.SEEN), knownModSeq).await();
 * r.modified().ifPresent(conflicts -> refetchFlags(conflicts));
 * }</pre>
 *
 * @param updated the FETCH responses the server sent (new flags and MODSEQ of the stored messages)
 * @param modified the UIDs not stored because they changed since, from {@code [MODIFIED set]}
 */
public record ConditionalStoreResult(List<FetchedMessage> updated, Optional<UidSet> modified) {
  public ConditionalStoreResult {
    updated = List.copyOf(updated);
    Objects.requireNonNull(modified, "modified");
  }
}
