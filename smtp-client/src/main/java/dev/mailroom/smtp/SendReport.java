package dev.mailroom.smtp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of one message transaction. Partial success is data, not an exception: check
 * {@link #rejectedRecipients()}.
 *
 * <p>When no recipient was accepted, no byte of the message was sent (SECURITY.md S14) and {@link #finalReply()} is
 * the reply that ended the transaction: the refusal of a pipelined DATA, or else the last RCPT refusal.
 *
 * @param finalReply the reply to the final {@code .} or {@code BDAT ... LAST}, or the one that ended the transaction
 * @param recipients one result per recipient, in envelope order
 */
public record SendReport(SmtpReply finalReply, List<RecipientResult> recipients) {
  private static final Pattern QUEUED_AS = Pattern.compile("(?i)\\bqueued as ([A-Za-z0-9._\\-]{1,64})");

  public SendReport {
    recipients = List.copyOf(recipients);
  }

  /** The queue id from a final reply like {@code 250 2.0.0 Ok: queued as 4Zx1y2}, when the server gives one. */
  public Optional<String> queueId() {
    Matcher m = QUEUED_AS.matcher(finalReply.text());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether the server took responsibility for the message for at least one recipient. */
  public boolean messageAccepted() {
    return finalReply.isPositiveCompletion() && recipients.stream().anyMatch(RecipientResult::accepted);
  }

  /** The recipients the server accepted. */
  public List<RecipientResult> acceptedRecipients() {
    return recipients.stream().filter(RecipientResult::accepted).toList();
  }

  /** The recipients the server refused; the message was not sent to them. */
  public List<RecipientResult> rejectedRecipients() {
    return recipients.stream().filter(r -> !r.accepted()).toList();
  }
}
