package dev.mailroom.smtp;

import dev.mailroom.client.MailException;
import dev.mailroom.client.internal.transport.Escaping;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.internal.MessageBody;
import dev.mailroom.smtp.internal.SmtpChannel;
import dev.mailroom.smtp.internal.TransactionPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open, greeted and (when configured) authenticated SMTP connection from {@link SmtpClient#connect()}. It can send
 * many messages; a failed transaction is reset (RSET) so the next one starts clean.
 *
 * <p><b>Threads.</b> Use a session from one thread at a time. Calls are serialised by a lock, so concurrent calls
 * wait rather than interleave on the wire, but they gain nothing: open one session per sending thread.
 *
 * <pre>{@code
 * try (SmtpSession session = client.connect()) {
 *   SendReport report = session.send(Envelope.of("alice@example.org", "bob@example.org", "nobody@example.net"),
 *       "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
 *   for (RecipientResult r : report.rejectedRecipients()) {
 *     System.out.println(r.address() + ": " + r.reply().displayText());
 *   }
 * } catch (SmtpDeliveryUnknownException e) {
 *   // the connection broke after the final dot: do not blindly resend; e.messageId() identifies the message
 * } catch (SmtpNotDeliveredException e) {
 *   // certainly not delivered: safe to send again on a new connection
 * }
 * }</pre>
 *
 * <p>Errors: {@link SmtpCapabilityException} when the message needs an extension the server lacks (nothing sent);
 * {@link SmtpCommandException} when the server refuses MAIL, DATA, a BDAT chunk or the message;
 * {@link SmtpServiceClosingException} on any 421; {@link dev.mailroom.client.MailProtocolException} when the server
 * breaks the reply grammar (the connection is then closed).
 */
public final class SmtpSession implements AutoCloseable {
  private final SmtpClient client;
  private final SmtpChannel channel;
  private final EhloCapabilities capabilities;
  /** The longest {@link #quit()} waits for the reply to QUIT, which changes nothing (R05). */
  public static final Duration QUIT_REPLY_WAIT = Duration.ofSeconds(10);

  private final ReentrantLock lock = new ReentrantLock();

  SmtpSession(SmtpClient client, SmtpChannel channel, EhloCapabilities capabilities) {
    this.client = client;
    this.channel = channel;
    this.capabilities = capabilities;
  }

  /** The capabilities from the last EHLO (after STARTTLS and AUTH when those happened). */
  public EhloCapabilities capabilities() {
    return capabilities;
  }

  /** Whether TLS protects the connection. */
  public boolean isTls() {
    return channel.transport().isTlsActive();
  }

  /** Whether the connection is still open. */
  public boolean isOpen() {
    return channel.isOpen();
  }

  /**
   * Sends a message built with the {@code mime} module. Its exact size is known up front (SIZE, BDAT) and its
   * Message-ID is reported if the outcome becomes unknown. Bcc recipients belong in the envelope.
   */
  public SendReport send(Envelope envelope, MimeMessage message) throws MailException {
    Objects.requireNonNull(envelope, "envelope");
    return transact(envelope, MessageBody.of(message));
  }

  /** Sends a complete RFC 5322 message held in memory. */
  public SendReport send(Envelope envelope, byte[] message) throws MailException {
    Objects.requireNonNull(envelope, "envelope");
    return transact(envelope, MessageBody.of(message));
  }

  /** Sends a message file, streamed; it is read twice when its BODY type must be determined. */
  public SendReport send(Envelope envelope, Path message) throws IOException {
    Objects.requireNonNull(envelope, "envelope");
    return transact(envelope, MessageBody.of(message));
  }

  /**
   * Sends exactly {@code size} bytes from {@code message}, streamed, without holding them. The stream is read once,
   * so its content is not inspected: declare {@link BodyType#EIGHT_BIT_MIME} or {@link BodyType#BINARY_MIME} in the
   * envelope's {@link MailFromOptions} if it is not 7-bit. The stream is not closed.
   */
  public SendReport send(Envelope envelope, InputStream message, long size) throws MailException {
    Objects.requireNonNull(envelope, "envelope");
    return transact(envelope, MessageBody.of(message, size));
  }

  /**
   * Sends several messages in order on this connection. With PIPELINING each message costs one round trip instead of
   * two: a message's body goes out in the same flight as the next message's MAIL, RCPT and DATA (RFC 2920 §3.1),
   * while a body is still only sent once its own recipients were accepted (SECURITY.md S14). Each message gets its
   * own {@link SendOutcome}; nothing is thrown for a single message's failure. After a lost connection the message in
   * progress is "not delivered" or "unknown" and every later one "not delivered" (safe to resend on a new session).
   *
   * <pre>{@code
   * List<SendOutcome> outcomes = session.sendAll(List.of(
   *     Submission.of(Envelope.of("alice@example.org", "bob@example.org"), first),
   *     Submission.of(Envelope.of("alice@example.org", "carol@example.org"), second)));
   * long accepted = outcomes.stream().filter(SendOutcome::messageAccepted).count();
   * }</pre>
   *
   * @throws IllegalStateException if the session is closed
   */
  public List<SendOutcome> sendAll(List<Submission> messages) {
    List<TransactionPipeline.Item> items = new ArrayList<>(messages.size());
    for (Submission s : messages) {
      items.add(new TransactionPipeline.Item(s.envelope(), s.body()));
    }
    List<TransactionPipeline.Outcome> outcomes = run(items);
    List<SendOutcome> result = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      TransactionPipeline.Outcome o = outcomes.get(i);
      result.add(o.error() == null ? new SendOutcome.Completed(messages.get(i), o.report())
          : new SendOutcome.Failed(messages.get(i), o.error()));
    }
    return result;
  }

  private SendReport transact(Envelope envelope, MessageBody body) throws MailException {
    TransactionPipeline.Outcome outcome = run(List.of(new TransactionPipeline.Item(envelope, body))).get(0);
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return outcome.report();
  }

  private List<TransactionPipeline.Outcome> run(List<TransactionPipeline.Item> items) {
    lock.lock();
    try {
      ensureOpen();
      return new TransactionPipeline(channel, capabilities, client.pipelining(), client.preferChunking(),
          client.chunkSize()).run(items);
    } catch (RuntimeException | Error e) {
      channel.close(); // a caller's stream or a bug broke off mid-transaction: the connection cannot be trusted
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /** VRFY (RFC 5321 §4.1.1.6). The reply is returned as is (250, 251, 252, 550, 502...); 421 throws. */
  public SmtpReply verify(String user) throws MailException {
    return simple("VRFY " + argument(user));
  }

  /** EXPN (RFC 5321 §4.1.1.7). The reply is returned as is; 421 throws. */
  public SmtpReply expand(String mailingList) throws MailException {
    return simple("EXPN " + argument(mailingList));
  }

  /** HELP, with an optional topic (null or empty for none). The reply is returned as is; 421 throws. */
  public SmtpReply help(String topic) throws MailException {
    return simple(topic == null || topic.isEmpty() ? "HELP" : "HELP " + argument(topic));
  }

  /** NOOP; throws {@link SmtpCommandException} unless the server answers 2xx. */
  public SmtpReply noop() throws MailException {
    return positive("NOOP");
  }

  /** RSET: aborts any transaction; throws {@link SmtpCommandException} unless the server answers 2xx. */
  public SmtpReply reset() throws MailException {
    return positive("RSET");
  }

  private SmtpReply positive(String command) throws MailException {
    lock.lock();
    try {
      ensureOpen();
      return channel.expect(channel.command(command), 0, command);
    } finally {
      lock.unlock();
    }
  }

  private SmtpReply simple(String command) throws MailException {
    lock.lock();
    try {
      ensureOpen();
      SmtpReply reply = channel.command(command);
      channel.checkClosing(reply, command.split(" ", 2)[0]);
      return reply;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends QUIT and closes the connection. A lost or odd reply to QUIT is ignored: everything the session did before
   * stands (SECURITY.md R05), so the reply is awaited for at most {@link #QUIT_REPLY_WAIT} (or the MAIL/RCPT timeout
   * when shorter), not the five minutes of a command that matters.
   */
  public void quit() {
    lock.lock();
    try {
      if (channel.isOpen()) {
        try {
          Duration mailRcpt = channel.timeouts().mailRcpt();
          channel.command("QUIT", mailRcpt.compareTo(QUIT_REPLY_WAIT) < 0 ? mailRcpt : QUIT_REPLY_WAIT);
        } catch (MailException ignored) {
          // the QUIT reply does not change anything that was sent
        }
      }
    } finally {
      channel.close();
      lock.unlock();
    }
  }

  /** Same as {@link #quit()}; idempotent. */
  @Override
  public void close() {
    quit();
  }

  private void ensureOpen() {
    if (!channel.isOpen()) {
      throw new IllegalStateException("the SMTP session is closed");
    }
  }

  private static String argument(String value) {
    Objects.requireNonNull(value, "argument");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == 0x7F) {
        throw new IllegalArgumentException("the argument holds a control character: '"
            + Escaping.escape(value, 64) + "'");
      }
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the argument is empty");
    }
    return value;
  }
}
