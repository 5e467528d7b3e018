package dev.mailroom.imap;

import java.util.Objects;
import java.util.Optional;

/**
 * Parameters of SELECT/EXAMINE from RFC 7162 (§3.1.8 {@code CONDSTORE}, §3.2.5 {@code QRESYNC}). With QRESYNC the
 * server reports, as part of the SELECT, which known messages vanished ({@code VANISHED (EARLIER)}) and the flags of
 * every message changed since {@code modSeq}: a whole mailbox resynchronisation in one round trip.
 *
 * <pre>{@code
 * session.enable("QRESYNC").await();
 * SelectResult r = session.select(MailboxName.INBOX, SelectOptions.qresync(cachedUidValidity, cachedModSeq)).await();
 * r.vanished().ifPresent(gone -> cache.remove(gone));
 * r.changed().forEach(m -> cache.updateFlags(m.uid().orElseThrow(), m.flags().orElseThrow()));
 * }</pre>
 *
 * @param readOnly EXAMINE instead of SELECT
 * @param requestCondstore whether to send {@code (CONDSTORE)}: the server then reports mod-sequences for this mailbox
 * @param qresync the {@code QRESYNC} parameter (implies CONDSTORE), if any
 */
public record SelectOptions(boolean readOnly, boolean requestCondstore, Optional<Qresync> qresync) {
  public SelectOptions {
    Objects.requireNonNull(qresync, "qresync");
  }

  /** Plain SELECT/EXAMINE. */
  public static SelectOptions none() {
    return new SelectOptions(false, false, Optional.empty());
  }

  /** {@code SELECT mailbox (CONDSTORE)}. */
  public static SelectOptions condstore() {
    return new SelectOptions(false, true, Optional.empty());
  }

  /** {@code SELECT mailbox (QRESYNC (uidValidity modSeq))}; needs {@code ENABLE QRESYNC} first. */
  public static SelectOptions qresync(long uidValidity, long modSeq) {
    return new SelectOptions(false, false, Optional.of(new Qresync(uidValidity, modSeq, Optional.empty())));
  }

  /** The same QRESYNC parameter naming the UIDs the client knows, so VANISHED is limited to them. */
  public SelectOptions withKnownUids(UidSet known) {
    Qresync q = qresync.orElseThrow(() -> new IllegalStateException("known UIDs need a QRESYNC parameter"));
    return new SelectOptions(readOnly, requestCondstore,
        Optional.of(new Qresync(q.uidValidity(), q.modSeq(), Optional.of(known))));
  }

  /** The same options with EXAMINE: read-only, flags and \\Recent untouched. */
  public SelectOptions asReadOnly() {
    return new SelectOptions(true, requestCondstore, qresync);
  }

  /**
   * {@code QRESYNC (uidvalidity mod-sequence-value [known-uids])} (RFC 7162 §7).
   *
   * @param uidValidity the UIDVALIDITY the cache belongs to (1 to 2^32-1)
   * @param modSeq the HIGHESTMODSEQ the cache was in sync with (1 to 2^63-1)
   * @param knownUids the UIDs the client knows, without {@code *}
   */
  public record Qresync(long uidValidity, long modSeq, Optional<UidSet> knownUids) {
    public Qresync {
      if (uidValidity < 1 || uidValidity > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("UIDVALIDITY must be 1 to 2^32-1: " + uidValidity);
      }
      if (modSeq < 1) {
        throw new IllegalArgumentException("mod-sequence must be at least 1: " + modSeq);
      }
      Objects.requireNonNull(knownUids, "knownUids");
      if (knownUids.isPresent() && knownUids.get().size() < 0) {
        throw new IllegalArgumentException("known UIDs cannot use '*' (RFC 7162 §7)");
      }
    }
  }
}
