package dev.mailroom.smtp;

import dev.mailroom.client.MailException;
import java.util.Objects;

/**
 * What happened to one message of {@link SmtpSession#sendAll(java.util.List)}: either its transaction completed with
 * a {@link SendReport} (check {@link SendReport#messageAccepted()} and the per-recipient results, as for
 * {@code send}), or it failed with the exception {@code send} would have thrown for it.
 *
 * <pre>{@code
 * if (outcome instanceof SendOutcome.Completed c) {
 *   System.out.println("queued as " + c.report().queueId().orElse("?"));
 * } else if (((SendOutcome.Failed) outcome).error() instanceof SmtpNotDeliveredException) {
 *   retryLater.add(outcome.submission()); // certainly not delivered: safe to resend
 * }
 * }</pre>
 */
public sealed interface SendOutcome permits SendOutcome.Completed, SendOutcome.Failed {
  /** The message this outcome is for. */
  Submission submission();

  /** Whether the server took the message for at least one recipient. */
  default boolean messageAccepted() {
    return this instanceof Completed c && c.report().messageAccepted();
  }

  /** The transaction completed: the server answered the message (or refused every recipient). */
  record Completed(Submission submission, SendReport report) implements SendOutcome {
    public Completed {
      Objects.requireNonNull(submission, "submission");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * The transaction failed: {@link SmtpCapabilityException} (nothing sent), {@link SmtpCommandException} (refused),
   * {@link SmtpNotDeliveredException} (connection lost before the message was complete, or at an earlier message:
   * safe to resend) or {@link SmtpDeliveryUnknownException} (lost after the terminator: do not resend blindly).
   */
  record Failed(Submission submission, MailException error) implements SendOutcome {
    public Failed {
      Objects.requireNonNull(submission, "submission");
      Objects.requireNonNull(error, "error");
    }
  }
}
