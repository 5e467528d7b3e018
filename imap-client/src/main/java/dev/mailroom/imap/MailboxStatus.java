package dev.mailroom.imap;

import java.util.OptionalLong;

/**
 * The {@code STATUS} response for one mailbox (RFC 3501 §6.3.10); an item not requested or not sent is empty.
 *
 * <pre>{@code
 * MailboxStatus s = session.status(MailboxName.INBOX, StatusItem.MESSAGES, StatusItem.UIDNEXT).await();
 * long count = s.messages().orElse(0);
 * }</pre>
 */
public record MailboxStatus(MailboxName mailbox, OptionalLong messages, OptionalLong recent, OptionalLong uidNext,
    OptionalLong uidValidity, OptionalLong unseen, OptionalLong highestModSeq, OptionalLong size,
    OptionalLong appendLimit) {

  /** Without APPENDLIMIT. */
  public MailboxStatus(MailboxName mailbox, OptionalLong messages, OptionalLong recent, OptionalLong uidNext,
      OptionalLong uidValidity, OptionalLong unseen, OptionalLong highestModSeq, OptionalLong size) {
    this(mailbox, messages, recent, uidNext, uidValidity, unseen, highestModSeq, size, OptionalLong.empty());
  }

  /**
   * The items {@code STATUS} can ask for: HIGHESTMODSEQ needs CONDSTORE (RFC 7162), SIZE needs STATUS=SIZE
   * (RFC 8438), APPENDLIMIT needs APPENDLIMIT (RFC 7889; NIL, no limit, is empty).
   */
  public enum StatusItem {
    MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ, SIZE, APPENDLIMIT
  }
}
