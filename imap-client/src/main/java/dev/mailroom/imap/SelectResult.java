package dev.mailroom.imap;

import dev.mailroom.imap.fetch.FetchedMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a SELECT/EXAMINE with {@link SelectOptions} returned: the live mailbox model and, after a QRESYNC SELECT, the
 * resynchronisation data (RFC 7162 §3.2.5).
 *
 * <pre>{@code
 * SelectResult r = session.select(MailboxName.INBOX, SelectOptions.qresync(uidValidity, modSeq)).await();
 * if (r.mailbox().uidValidity() != uidValidity) { dropCache(); }
 * }</pre>
 *
 * @param mailbox the selected mailbox
 * @param vanished the UIDs expunged since the given mod-sequence ({@code VANISHED (EARLIER)}), if any
 * @param changed the FETCH responses sent during the SELECT: messages whose flags changed (or that are new) since
 *     the given mod-sequence, each with UID, FLAGS and MODSEQ
 */
public record SelectResult(SelectedMailbox mailbox, Optional<UidSet> vanished, List<FetchedMessage> changed) {
  public SelectResult {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(vanished, "vanished");
    changed = List.copyOf(changed);
  }
}
