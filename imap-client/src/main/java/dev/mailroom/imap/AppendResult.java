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
 * @param uid the new message's UID from {@code APPENDUID}, if sent for exactly one message
 * @param uids the new messages' UIDs from {@code APPENDUID}, as ranges (several after a MULTIAPPEND, RFC 3502)
 */
public record AppendResult(long uidValidity, Optional<Uid> uid, Optional<UidSet> uids) {
  public AppendResult {
    java.util.Objects.requireNonNull(uid, "uid");
    java.util.Objects.requireNonNull(uids, "uids");
  }

  /** The result of a one-message APPEND. */
  public AppendResult(long uidValidity, Optional<Uid> uid) {
    this(uidValidity, uid, uid.map(Uid::toSet));
  }
}
