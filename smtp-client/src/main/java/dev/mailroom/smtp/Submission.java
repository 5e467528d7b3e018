package dev.mailroom.smtp;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.smtp.internal.MessageBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One message for {@link SmtpSession#sendAll(java.util.List)}: its envelope and its content, as for the
 * {@code send} methods.
 *
 * <pre>{@code
 * List<Submission> batch = List.of(
 *     Submission.of(Envelope.of("alice@example.org", "bob@example.org"), message1),
 *     Submission.of(Envelope.of("alice@example.org", "carol@example.org"), message2));
 * for (SendOutcome outcome : session.sendAll(batch)) {
 *   System.out.println(outcome.submission().envelope().recipients() + ": " + outcome);
 * }
 * }</pre>
 */
public final class Submission {
  private final Envelope envelope;
  private final MessageBody body;

  private Submission(Envelope envelope, MessageBody body) {
    this.envelope = Objects.requireNonNull(envelope, "envelope");
    this.body = body;
  }

  /** A message built with the {@code mime} module; its Message-ID is reported if its outcome becomes unknown. */
  public static Submission of(Envelope envelope, MimeMessage message) {
    return new Submission(envelope, MessageBody.of(message));
  }

  /** A complete RFC 5322 message held in memory (not copied: do not change the array while it is sent). */
  public static Submission of(Envelope envelope, byte[] message) {
    return new Submission(envelope, MessageBody.of(message));
  }

  /** A message file, streamed when it is sent; its size is read now. */
  public static Submission of(Envelope envelope, Path message) throws IOException {
    return new Submission(envelope, MessageBody.of(message));
  }

  /**
   * Exactly {@code size} bytes from {@code message}, read once when this message's turn comes; as with
   * {@link SmtpSession#send(Envelope, InputStream, long)}, declare a non-7-bit BODY type in the envelope.
   */
  public static Submission of(Envelope envelope, InputStream message, long size) {
    return new Submission(envelope, MessageBody.of(message, size));
  }

  /** The envelope the message is sent with. */
  public Envelope envelope() {
    return envelope;
  }

  /** The message's size in bytes. */
  public long size() {
    return body.size();
  }

  MessageBody body() {
    return body;
  }

  @Override
  public String toString() {
    return "Submission[" + envelope + ", " + body.size() + " bytes]";
  }
}
