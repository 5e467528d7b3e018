package dev.mailroom.smtp.internal;

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
import dev.mailroom.smtp.SmtpReply;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One mail transaction (RFC 5321 §3.3) in phases, so that {@link TransactionPipeline} can overlap the end of one
 * message with the envelope of the next: {@link #prepare} (checks, nothing sent), {@link #writeEnvelope} (MAIL, RCPT,
 * DATA buffered for a pipelined flight), {@link #negotiate} (their replies), {@link #writeBodyOrAbort} (the message
 * and its terminator, or the abort) and {@link #finish} (the reply that ends the transaction). Which failure is which:
 * <ul>
 *   <li>Anything the server did not advertise, or a message over its SIZE limit: {@link SmtpCapabilityException}
 *       from {@link #prepare}, before any byte of the transaction (S08, S09, S18).
 *   <li>No recipient accepted: the body is never sent. If a pipelined DATA was nevertheless answered 354, the client
 *       sends the lone {@code .} RFC 2920 §3.1 prescribes (an empty message the server must not deliver, §3.1 (4)),
 *       then RSET; the report carries every recipient's refusal (S14).
 *   <li>MAIL or DATA refused: {@link SmtpCommandException} after an RSET. A 421 anywhere:
 *       {@link dev.mailroom.smtp.SmtpServiceClosingException}, connection closed.
 * </ul>
 * Whether a lost connection means "not delivered" or "unknown" is decided by the caller from {@link #bodyComplete()}.
 */
public final class MailTransaction {
  /** The most commands in flight at once when pipelining (RFC 2920 §3.1 asks for a bounded TCP window). */
  public static final int PIPELINE_WINDOW = 100;

  private final SmtpChannel channel;
  private final MessageBody body;
  private final int chunkSize;
  private final Envelope envelope;
  private final int recipientCount;
  private final boolean bdat;
  private final List<String> commands;
  private boolean envelopeWritten;
  private List<RecipientResult> results;
  private SmtpReply mailReply;
  private SmtpReply dataReply;
  private boolean proceed;
  private boolean dotSent;
  private boolean bodyComplete;
  private BdatOutputStream bdatOut;

  private MailTransaction(SmtpChannel channel, Envelope envelope, MessageBody body, int chunkSize, boolean bdat,
      List<String> commands) {
    this.channel = channel;
    this.body = body;
    this.chunkSize = chunkSize;
    this.envelope = envelope;
    this.recipientCount = envelope.recipients().size();
    this.bdat = bdat;
    this.commands = commands;
  }

  /** Checks the message against the capabilities and builds the envelope commands; sends nothing. */
  public static MailTransaction prepare(SmtpChannel channel, EhloCapabilities caps, Envelope envelope,
      MessageBody body, boolean preferChunking, int chunkSize) throws MailException {
    long size = body.size();
    if (size < 0) {
      throw new IllegalArgumentException("the message size is unknown; send its bytes instead");
    }
    check(channel, caps, envelope, size);
    BodyType bodyType = bodyType(caps, envelope.mailFromOptions(), body);
    boolean bdat = bodyType == BodyType.BINARY_MIME || (preferChunking && caps.chunking());
    List<String> commands = new ArrayList<>(envelope.recipients().size() + 2);
    commands.add(EnvelopeCommands.mailFrom(envelope, caps, size, bodyType));
    for (Envelope.Recipient r : envelope.recipients()) {
      commands.add(EnvelopeCommands.rcptTo(r));
    }
    if (!bdat) {
      commands.add("DATA");
    }
    return new MailTransaction(channel, envelope, body, chunkSize, bdat, commands);
  }

  /** Whether the whole envelope fits in one pipelined flight, so it can follow another message's body. */
  public boolean fitsOneFlight() {
    return commands.size() <= PIPELINE_WINDOW;
  }

  /** Buffers MAIL, every RCPT and DATA (not BDAT) for one pipelined flight; the caller flushes. */
  public void writeEnvelope() throws MailException {
    for (String command : commands) {
      channel.write(command);
    }
    envelopeWritten = true;
  }

  /**
   * Reads the envelope replies. Pipelined: those of {@link #writeEnvelope}, or, if it was not called, the envelope is
   * sent now in windows of {@link #PIPELINE_WINDOW}. Lock-step: one command at a time, stopping after a refused MAIL
   * and sending DATA only when a recipient was accepted.
   */
  public void negotiate(boolean pipelining) throws MailException {
    List<SmtpReply> replies = !pipelining ? lockStep() : envelopeWritten ? readReplies() : windowed();
    mailReply = replies.get(0);
    results = new ArrayList<>(recipientCount);
    for (int i = 0; i < recipientCount && i + 1 < replies.size(); i++) {
      results.add(new RecipientResult(envelope.recipients().get(i).address(), replies.get(i + 1)));
    }
    dataReply = bdat || replies.size() < commands.size() ? null : replies.get(replies.size() - 1);
    boolean anyAccepted = results.stream().anyMatch(RecipientResult::accepted);
    proceed = mailReply.isPositiveCompletion() && anyAccepted && (dataReply == null || dataReply.code() == 354);
  }

  private List<SmtpReply> readReplies() throws MailException {
    List<SmtpReply> replies = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      boolean isData = !bdat && i == commands.size() - 1;
      SmtpReply reply = channel.read(isData ? channel.timeouts().dataInit() : channel.timeouts().mailRcpt());
      channel.checkClosing(reply, i == 0 ? "MAIL" : isData ? "DATA" : "RCPT");
      replies.add(reply);
    }
    return replies;
  }

  /** MAIL, RCPT... [DATA] in flights of at most {@link #PIPELINE_WINDOW}, replies matched in order. */
  private List<SmtpReply> windowed() throws MailException {
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
      int i = replies.size();
      boolean isData = !bdat && i == commands.size() - 1;
      SmtpReply reply = channel.read(isData ? channel.timeouts().dataInit() : channel.timeouts().mailRcpt());
      channel.checkClosing(reply, i == 0 ? "MAIL" : isData ? "DATA" : "RCPT");
      replies.add(reply);
    }
    return replies;
  }

  private List<SmtpReply> lockStep() throws MailException {
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

  /**
   * Writes the message and its terminator ({@code .} after dot-stuffing, or {@code BDAT n LAST}) when the envelope
   * was accepted; otherwise buffers the abort: the lone {@code .} a 354 calls for, then RSET. A BDAT chunk refused
   * mid-transfer throws {@link SmtpCommandException} at once (S19); the caller then calls {@link #reset()}. The end
   * of the message stays buffered: the caller flushes, after the next message's envelope when pipelining, so that
   * the terminator and the next commands reach the server in one segment and get their replies in one.
   */
  public void writeBodyOrAbort() throws IOException {
    if (!proceed) {
      if (dataReply != null && dataReply.code() == 354) {
        channel.write(".");
        dotSent = true;
      }
      channel.write("RSET");
      return;
    }
    if (bdat) {
      bdatOut = new BdatOutputStream(channel, chunkSize);
      body.writeTo(bdatOut);
      bodyComplete = true;
      bdatOut.close();
    } else {
      OutputStream out = channel.transport().dotStuffingStream(false); // flushed with the next envelope
      body.writeTo(out);
      bodyComplete = true;
      out.close();
    }
  }

  /** Whether every byte of the message, terminator included, was handed to the network. */
  public boolean bodyComplete() {
    return bodyComplete;
  }

  /**
   * Reads the reply that ends the transaction and returns the report, or throws {@link SmtpCommandException} when
   * MAIL, DATA or the message was refused (the abort's RSET, if any, has then been answered).
   */
  public SendReport finish() throws MailException {
    if (!proceed) {
      if (dotSent) {
        channel.checkClosing(channel.read(channel.timeouts().dataTermination()), "empty DATA");
      }
      channel.checkClosing(channel.read(channel.timeouts().mailRcpt()), "RSET");
      if (!mailReply.isPositiveCompletion()) {
        throw new SmtpCommandException("MAIL FROM refused", mailReply);
      }
      boolean anyAccepted = results.stream().anyMatch(RecipientResult::accepted);
      if (anyAccepted) {
        throw new SmtpCommandException("DATA refused", dataReply);
      }
      SmtpReply last = dataReply != null && dataReply.code() != 354 ? dataReply
          : results.get(results.size() - 1).reply();
      return new SendReport(last, results);
    }
    SmtpReply finalReply = bdat ? bdatOut.readFinalReply() : channel.read(channel.timeouts().dataTermination());
    channel.expect(finalReply, 250, "the message");
    return new SendReport(finalReply, results);
  }

  /** RSET after a transaction that failed mid-body (RFC 5321 §4.1.1.5); a refusal is ignored, a 421 is not. */
  public void reset() throws MailException {
    SmtpReply reply = channel.command("RSET");
    channel.checkClosing(reply, "RSET");
  }

  /** The Message-ID of the message, when known, for {@link dev.mailroom.smtp.SmtpDeliveryUnknownException}. */
  public String messageId() {
    return body.messageId();
  }

  private static BodyType bodyType(EhloCapabilities caps, MailFromOptions options, MessageBody body)
      throws MailException {
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

  private static void check(SmtpChannel channel, EhloCapabilities caps, Envelope envelope, long size)
      throws SmtpCapabilityException {
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
