package dev.mailroom.imap;

import java.util.Optional;

/**
 * The outcome of {@code APPEND}: with UIDPLUS (RFC 4315 §3) the server names the new message's UID.
 *
 * <pre>{@code
 * AppendResult r = session.append(MailboxName.of("Drafts"), AppendRequest.of(message)).await();
 * r.uid().ifPresent(uid -> System.out.println("stored as " + uid));
 * }</pre>
 *
 * @param uidValidity the mailbox's UIDVALIDITY from {@code APPENDUID}, or 0
 * @param uid the new message's UID from {@code APPENDUID}, if sent
 */
public record AppendResult(long uidValidity, Optional<Uid> uid) {
}
