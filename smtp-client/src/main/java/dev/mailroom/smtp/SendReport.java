package dev.mailroom.smtp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of one message transaction. Partial success is data, not an exception: check
 * {@link #rejectedRecipients()}.
 *
 * @param finalReply the reply to the final {@code .} or {@code BDAT ... LAST}
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

  /** The recipients the server accepted. */
  public List<RecipientResult> acceptedRecipients() {
    return recipients.stream().filter(RecipientResult::accepted).toList();
  }

  /** The recipients the server refused; the message was not sent to them. */
  public List<RecipientResult> rejectedRecipients() {
    return recipients.stream().filter(r -> !r.accepted()).toList();
  }
}
