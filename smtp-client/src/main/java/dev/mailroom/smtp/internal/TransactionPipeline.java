package dev.mailroom.smtp.internal;

import dev.mailroom.client.MailCommandException;
import dev.mailroom.client.MailException;
import dev.mailroom.smtp.EhloCapabilities;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpDeliveryUnknownException;
import dev.mailroom.smtp.SmtpNotDeliveredException;
import dev.mailroom.smtp.SmtpServiceClosingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Sends messages one transaction after another on one connection. With PIPELINING (RFC 2920) each message costs one
 * round trip: the message's body and terminator, then the next message's MAIL, RCPT and DATA, go out in one flight
 * (RFC 2920 §3.1: "the actual transfer of message content is explicitly allowed to be the first command in a
 * group"), and the replies come back in order. A body is still only sent after its own RCPT replies were read, so a
 * message nobody accepted is never sent (SECURITY.md S14). Without PIPELINING, every command waits for its reply.
 *
 * <p>Each message gets its own outcome. A refusal affects that message only. A lost connection makes the message in
 * progress "not delivered" (R04) or, once its terminator was sent, "unknown" (R03); every later message is "not
 * delivered", including one whose envelope had already been sent (its body never was).
 */
public final class TransactionPipeline {
  /** A message to send. */
  public record Item(Envelope envelope, MessageBody body) { }

  /** What happened to one message: a report, or the error that ended its transaction. */
  public record Outcome(SendReport report, MailException error) { }

  private final SmtpChannel channel;
  private final EhloCapabilities caps;
  private final boolean pipelining;
  private final boolean preferChunking;
  private final int chunkSize;

  public TransactionPipeline(SmtpChannel channel, EhloCapabilities caps, boolean pipelining, boolean preferChunking,
      int chunkSize) {
    this.channel = channel;
    this.caps = caps;
    this.pipelining = pipelining && caps.pipelining();
    this.preferChunking = preferChunking;
    this.chunkSize = chunkSize;
  }

  /** Sends {@code items} in order; returns one outcome per item, in the same order. */
  public List<Outcome> run(List<Item> items) {
    Outcome[] outcomes = new Outcome[items.size()];
    Prepared current = prepareFrom(items, 0, outcomes);
    while (current != null) {
      Prepared next = null;
      try {
        current.tx().negotiate(pipelining); // sends the envelope first unless it went out with the last body
        boolean ended = bodyOrReset(current.tx(), outcomes, current.index());
        next = prepareFrom(items, current.index() + 1, outcomes);
        if (next != null && pipelining && next.tx().fitsOneFlight()) {
          next.tx().writeEnvelope(); // same flight as this body: one round trip per message
        }
        channel.flush();
        if (!ended) {
          outcomes[current.index()] = new Outcome(current.tx().finish(), null);
          if (next == null) {
            channel.checkInStep();
          }
        }
      } catch (MailCommandException e) {
        outcomes[current.index()] = new Outcome(null, e);
        if (!channel.isOpen()) {
          failFrom(outcomes, current.index() + 1, notDelivered(e));
          break;
        }
        if (next == null) {
          next = prepareFrom(items, current.index() + 1, outcomes);
        }
      } catch (IOException e) {
        channel.close();
        outcomes[current.index()] = new Outcome(null, lost(current.tx(), e));
        failFrom(outcomes, current.index() + 1, notDelivered(e));
        break;
      }
      current = next;
    }
    return Arrays.asList(outcomes);
  }

  private record Prepared(int index, MailTransaction tx) { }

  /**
   * Prepares the first item from {@code from} that passes its checks; the ones that fail them get their outcome
   * (nothing of them is sent). Returns null when none is left.
   */
  private Prepared prepareFrom(List<Item> items, int from, Outcome[] outcomes) {
    for (int i = from; i < items.size(); i++) {
      Item item = items.get(i);
      try {
        return new Prepared(i, MailTransaction.prepare(channel, caps, item.envelope(), item.body(), preferChunking,
            chunkSize));
      } catch (MailException e) {
        outcomes[i] = new Outcome(null, e);
      }
    }
    return null;
  }

  /**
   * Writes the body (or the abort). A BDAT chunk refused mid-transfer (S19) ends this message here: it is reset and
   * its outcome recorded, and {@code true} is returned.
   */
  private boolean bodyOrReset(MailTransaction tx, Outcome[] outcomes, int index) throws IOException {
    try {
      tx.writeBodyOrAbort();
      return false;
    } catch (MailCommandException e) {
      if (channel.isOpen() && !(e instanceof SmtpServiceClosingException)) {
        try {
          tx.reset();
        } catch (MailException resetFailed) {
          e.addSuppressed(resetFailed);
          if (!channel.isOpen()) {
            throw e;
          }
        }
      }
      if (!channel.isOpen()) {
        throw e;
      }
      outcomes[index] = new Outcome(null, e);
      return true;
    }
  }

  private static MailException lost(MailTransaction tx, IOException e) {
    if (tx.bodyComplete()) {
      return new SmtpDeliveryUnknownException("the connection failed after the whole message was sent, before "
          + "the server's reply: it may or may not have been accepted; not retried (SECURITY.md R03)",
          tx.messageId(), e);
    }
    return new SmtpNotDeliveredException("the connection failed before the message was complete; it was not "
        + "delivered and may be sent again (SECURITY.md R04): " + e.getMessage(), e);
  }

  private static SmtpNotDeliveredException notDelivered(IOException cause) {
    return new SmtpNotDeliveredException("not sent: the connection was lost at an earlier message; it may be sent "
        + "again (SECURITY.md R04): " + cause.getMessage(), cause);
  }

  private static void failFrom(Outcome[] outcomes, int from, MailException error) {
    for (int i = from; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = new Outcome(null, error);
      }
    }
  }
}
