package dev.mailroom.imap;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The live model of the selected mailbox (RFC 3501 §6.3.1): filled from the SELECT/EXAMINE responses and kept up to
 * date by unsolicited {@code EXISTS}, {@code EXPUNGE} (renumbering, SECURITY.md I12) and {@code FETCH} responses.
 * When the mailbox is closed, another one is selected, or the UIDVALIDITY changes (I20), the model becomes
 * {@linkplain #isValid() invalid} and nothing cached carries over. Thread-safe; every accessor reads the current
 * state.
 *
 * <pre>{@code
 * SelectedMailbox inbox = session.examine(MailboxName.INBOX).await();
 * System.out.println(inbox.exists() + " messages, UIDVALIDITY " + inbox.uidValidity());
 * }</pre>
 */
public interface SelectedMailbox {
  MailboxName name();

  /** Whether it was opened with EXAMINE or the server said {@code [READ-ONLY]}. */
  boolean readOnly();

  /** The current message count. */
  long exists();

  /** The {@code RECENT} count (IMAP4rev1 only; 0 under IMAP4rev2). */
  long recent();

  Set<Flag> flags();

  Set<Flag> permanentFlags();

  long uidValidity();

  OptionalLong uidNext();

  /** The first unseen message's sequence number, if the server said {@code [UNSEEN n]}. */
  OptionalLong firstUnseen();

  /** {@code HIGHESTMODSEQ} (RFC 7162) if the server sent it. */
  OptionalLong highestModSeq();

  /** Whether the server said {@code [NOMODSEQ]}: this mailbox keeps no mod-sequences (RFC 7162 §3.1.2.2). */
  boolean noModSeq();

  /** The UID of message {@code seq}, if a FETCH told it. */
  Optional<Uid> uid(long seq);

  /** The last known flags of message {@code seq}, if a FETCH told them. */
  Optional<Set<Flag>> messageFlags(long seq);

  /** False once the mailbox was closed, another was selected, or its UIDVALIDITY changed. */
  boolean isValid();
}
