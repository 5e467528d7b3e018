package dev.mailroom.smtp.internal;

import dev.mailroom.client.MailCommandException;
import dev.mailroom.client.MailException;
import dev.mailroom.mime.codec.ContentAnalysis;
import dev.mailroom.smtp.BodyType;
import dev.mailroom.smtp.EhloCapabilities;
import dev.mailroom.smtp.Envelope;
import dev.mailroom.smtp.MailFromOptions;
import dev.mailroom.smtp.RecipientResult;
import dev.mailroom.smtp.SendReport;
import dev.mailroom.smtp.SmtpCapabilityException;
import dev.mailroom.smtp.SmtpCommandException;
import dev.mailroom.smtp.SmtpDeliveryUnknownException;
import dev.mailroom.smtp.SmtpNotDeliveredException;
import dev.mailroom.smtp.SmtpReply;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One mail transaction (RFC 5321 §3.3): checks, MAIL, RCPT, then DATA (dot-stuffed) or BDAT, with PIPELINING
 * (RFC 2920) when offered. Which failure is which:
 * <ul>
 *   <li>Anything the server did not advertise, or a message over its SIZE limit: {@link SmtpCapabilityException}
 *       before any byte of the transaction (S08, S09, S18).
 *   <li>No recipient accepted: the body is never sent. If a pipelined DATA was nevertheless answered 354, the client
 *       sends the lone {@code .} RFC 2920 §3.1 prescribes (an empty message the server must not deliver, §3.1 (4)),
 *       then RSET; the report carries every recipient's refusal (S14).
 *   <li>Connection lost before the message is complete: {@link SmtpNotDeliveredException} (retry-safe, R04); after
 *       the final {@code .} or {@code BDAT LAST} has been handed to the network: {@link SmtpDeliveryUnknownException}
 *       (R03).
 * </ul>
 */
public final class MailTransaction {
  /** The most commands in flight at once when pipelining (RFC 2920 §3.1 asks for a bounded TCP window). */
  public static final int PIPELINE_WINDOW = 100;

  private final SmtpChannel channel;
  private final EhloCapabilities caps;
  private final boolean pipelining;
  private final boolean preferChunking;
  private final int chunkSize;

  public MailTransaction(SmtpChannel channel, EhloCapabilities caps, boolean pipelining, boolean preferChunking,
      int chunkSize) {
    this.channel = channel;
    this.caps = caps;
    this.pipelining = pipelining && caps.pipelining();
    this.preferChunking = preferChunking;
    this.chunkSize = chunkSize;
  }

  public SendReport send(Envelope envelope, MessageBody body) throws MailException {
    long size = body.size();
    if (size < 0) {
      throw new IllegalArgumentException("the message size is unknown; send its bytes instead");
    }
    check(envelope, size);
    BodyType bodyType = bodyType(envelope.mailFromOptions(), body);
    boolean bdat = bodyType == BodyType.BINARY_MIME || (preferChunking && caps.chunking());
    List<String> commands = new ArrayList<>(envelope.recipients().size() + 2);
    commands.add(EnvelopeCommands.mailFrom(envelope, caps, size, bodyType));
    for (Envelope.Recipient r : envelope.recipients()) {
      commands.add(EnvelopeCommands.rcptTo(r));
    }
    if (!bdat) {
      commands.add("DATA");
    }
    boolean complete = false;
    try {
      List<SmtpReply> replies = pipelining ? pipelined(commands) : lockStep(commands, bdat);
      SmtpReply mail = replies.get(0);
      List<RecipientResult> results = new ArrayList<>(envelope.recipients().size());
      for (int i = 0; i < envelope.recipients().size() && i + 1 < replies.size(); i++) {
        SmtpReply reply = replies.get(i + 1);
        channel.checkClosing(reply, "RCPT");
        results.add(new RecipientResult(envelope.recipients().get(i).address(), reply));
      }
      SmtpReply data = bdat || replies.size() < commands.size() ? null : replies.get(replies.size() - 1);
      if (data != null) {
        channel.checkClosing(data, "DATA");
      }
      boolean anyAccepted = results.stream().anyMatch(RecipientResult::accepted);
      if (!mail.isPositiveCompletion() || !anyAccepted) {
        if (data != null && data.code() == 354) {
          channel.write(".");
          channel.flush();
          channel.checkClosing(channel.read(channel.timeouts().dataTermination()), "empty DATA");
        }
        if (!mail.isPositiveCompletion()) {
          throw new SmtpCommandException("MAIL FROM refused", mail);
        }
        reset();
        SmtpReply last = data != null && data.code() != 354 ? data : results.get(results.size() - 1).reply();
        return new SendReport(last, results);
      }
      SmtpReply finalReply;
      if (bdat) {
        BdatOutputStream out = new BdatOutputStream(channel, chunkSize);
        writeBody(body, out);
        complete = true;
        out.close();
        finalReply = out.readFinalReply();
      } else {
        if (data.code() != 354) {
          throw new SmtpCommandException("DATA refused", data);
        }
        OutputStream out = channel.transport().dotStuffingStream();
        writeBody(body, out);
        complete = true;
        out.close();
        finalReply = channel.read(channel.timeouts().dataTermination());
      }
      channel.checkInStep();
      channel.expect(finalReply, 250, "the message");
      return new SendReport(finalReply, results);
    } catch (MailCommandException e) {
      if (channel.isOpen() && e instanceof SmtpCommandException && !complete) {
        try {
          reset();
        } catch (MailException resetFailed) {
          e.addSuppressed(resetFailed);
        }
      }
      throw e;
    } catch (IOException e) {
      channel.close();
      if (complete) {
        throw new SmtpDeliveryUnknownException("the connection failed after the whole message was sent, before "
            + "the server's reply: it may or may not have been accepted; not retried (SECURITY.md R03)",
            body.messageId(), e);
      }
      throw new SmtpNotDeliveredException("the connection failed before the message was complete; it was not "
          + "delivered and may be sent again (SECURITY.md R04): " + e.getMessage(), e);
    }
  }

  private static void writeBody(MessageBody body, OutputStream out) throws IOException {
    body.writeTo(out);
  }

  /** MAIL, RCPT... [DATA] in flights of at most {@link #PIPELINE_WINDOW}, replies matched in order. */
  private List<SmtpReply> pipelined(List<String> commands) throws MailException {
    channel.checkInStep();
    List<SmtpReply> replies = new ArrayList<>(commands.size());
    int written = 0;
    while (replies.size() < commands.size()) {
      if (written < commands.size() && written - replies.size() <= PIPELINE_WINDOW / 2) {
        while (written < commands.size() && written - replies.size() < PIPELINE_WINDOW) {
          channel.write(commands.get(written++));
        }
        channel.flush(); // one segment per half window, not one per reply
      }
      boolean isData = replies.size() == commands.size() - 1 && "DATA".equals(commands.get(replies.size()));
      SmtpReply reply = channel.read(isData ? channel.timeouts().dataInit() : channel.timeouts().mailRcpt());
      replies.add(reply);
      if (reply.code() == 421) {
        channel.checkClosing(reply, replies.size() == 1 ? "MAIL" : "RCPT");
      }
    }
    channel.checkInStep();
    return replies;
  }

  /** One command at a time: stops after a refused MAIL, and sends DATA only if a recipient was accepted. */
  private List<SmtpReply> lockStep(List<String> commands, boolean bdat) throws MailException {
    List<SmtpReply> replies = new ArrayList<>(commands.size());
    boolean anyAccepted = false;
    for (int i = 0; i < commands.size(); i++) {
      boolean isData = !bdat && i == commands.size() - 1;
      if (isData && !anyAccepted) {
        break;
      }
      SmtpReply reply = channel.command(commands.get(i),
          isData ? channel.timeouts().dataInit() : channel.timeouts().mailRcpt());
      channel.checkClosing(reply, i == 0 ? "MAIL" : isData ? "DATA" : "RCPT");
      replies.add(reply);
      if (i == 0 && !reply.isPositiveCompletion()) {
        break;
      }
      if (i > 0 && !isData && reply.isPositiveCompletion()) {
        anyAccepted = true;
      }
    }
    return replies;
  }

  /** RSET after a failed transaction (RFC 5321 §4.1.1.5); a refusal is ignored, a 421 or lost link is not. */
  private void reset() throws MailException {
    SmtpReply reply = channel.command("RSET");
    channel.checkClosing(reply, "RSET");
  }

  private BodyType bodyType(MailFromOptions options, MessageBody body) throws MailException {
    BodyType declared = options.body();
    if (declared == null) {
      ContentAnalysis analysis;
      try {
        analysis = body.analyze();
      } catch (MailException e) {
        throw e;
      } catch (IOException e) {
        throw new MailException("reading the message failed: " + e.getMessage(), e);
      }
      if (analysis == null || analysis.nonAscii() == 0 && analysis.nuls() == 0
          && analysis.maxLineLength() <= ContentAnalysis.MAX_LINE_LENGTH) {
        declared = null;
      } else if (analysis.nuls() == 0 && analysis.maxLineLength() <= ContentAnalysis.MAX_LINE_LENGTH) {
        declared = BodyType.EIGHT_BIT_MIME;
      } else if (caps.binaryMime() && caps.chunking()) {
        declared = BodyType.BINARY_MIME;
      } else {
        throw new SmtpCapabilityException("the message has " + (analysis.nuls() > 0 ? "NUL bytes"
            : "a line of " + analysis.maxLineLength() + " octets (over 998)") + " and the server does not offer "
            + "BINARYMIME with CHUNKING; re-encode it as quoted-printable or base64 (SECURITY.md S08)");
      }
    }
    if (declared == BodyType.EIGHT_BIT_MIME && !caps.eightBitMime()) {
      throw new SmtpCapabilityException("the message holds 8-bit data and the server does not offer 8BITMIME; "
          + "re-encode it as quoted-printable or base64 (SECURITY.md S09)");
    }
    if (declared == BodyType.BINARY_MIME && !(caps.binaryMime() && caps.chunking())) {
      throw new SmtpCapabilityException("BODY=BINARYMIME needs BINARYMIME and CHUNKING, which the server does "
          + "not offer");
    }
    return declared;
  }

  private void check(Envelope envelope, long size) throws SmtpCapabilityException {
    if ((envelope.needsSmtpUtf8() || envelope.mailFromOptions().smtpUtf8()) && !caps.smtpUtf8()) {
      throw new SmtpCapabilityException("an address is not ASCII and the server does not offer SMTPUTF8 "
          + "(RFC 6531, SECURITY.md S09)");
    }
    if (envelope.usesDsn() && !caps.dsn()) {
      throw new SmtpCapabilityException("DSN parameters are set and the server does not offer DSN (RFC 3461)");
    }
    if (envelope.mailFromOptions().requireTls() && !(caps.requireTls() && channel.transport().isTlsActive())) {
      throw new SmtpCapabilityException("REQUIRETLS needs TLS and a server offering REQUIRETLS (RFC 8689)");
    }
    if (caps.exceedsSize(size)) {
      throw new SmtpCapabilityException("the message is " + size + " bytes and the server accepts at most "
          + caps.maxSize() + " (SIZE, RFC 1870, SECURITY.md S18)");
    }
  }
}
