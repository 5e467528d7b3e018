package dev.mailroom.imap;

import java.util.Optional;

/**
 * The outcome of {@code COPY} or {@code MOVE}: with UIDPLUS the server sends {@code COPYUID} (RFC 4315 §3). The sets
 * are kept as ranges, never expanded (SECURITY.md I14).
 *
 * <pre>{@code
 * CopyResult r = session.move(UidSet.of(7), MailboxName.of("Archive")).await();
 * r.destinationUids().ifPresent(uids -> System.out.println("now " + uids));
 * }</pre>
 *
 * @param uidValidity the destination's UIDVALIDITY, or 0 if no COPYUID was sent
 * @param sourceUids the source UIDs, if sent
 * @param destinationUids the destination UIDs in the same order, if sent
 */
public record CopyResult(long uidValidity, Optional<UidSet> sourceUids, Optional<UidSet> destinationUids) {
}
