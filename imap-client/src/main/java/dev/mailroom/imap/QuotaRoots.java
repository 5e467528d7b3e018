package dev.mailroom.imap;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code GETQUOTAROOT mailbox} (RFC 9208 §4.3): the quota roots the mailbox counts against and each
 * root's {@link Quota}.
 *
 * <pre>{@code
 * QuotaRoots roots = session.quotaRoot(MailboxName.INBOX).await();
 * }</pre>
 *
 * @param mailbox the mailbox asked about
 * @param roots the quota root names
 * @param quotas the quotas the server sent with them
 */
public record QuotaRoots(MailboxName mailbox, List<String> roots, List<Quota> quotas) {
  public QuotaRoots {
    Objects.requireNonNull(mailbox, "mailbox");
    roots = List.copyOf(roots);
    quotas = List.copyOf(quotas);
  }
}
