package dev.mailroom.samples.memory;

import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import java.io.IOException;
import java.time.Duration;

/**
 * One mail system the shared scenarios run against: the in-memory server or the lab's Postfix and Dovecot. Both have
 * the users alice, bob and carol in {@code example.test} with the lab's passwords. POP3 and IMAP legs add their
 * endpoints here.
 */
interface MailBackend {
  /** The MX-style SMTP port: no AUTH, local recipients only. */
  Endpoint smtpInbound();

  /** Submission with STARTTLS and AUTH. */
  Endpoint submission();

  /** Submission over implicit TLS. */
  Endpoint submissions();

  /** POP3 with STARTTLS (STLS). */
  Endpoint pop3();

  /** Trust for this backend's certificate. */
  TlsOptions tls() throws IOException;

  /**
   * Waits for the message with this Message-ID in the user's INBOX, returns its stored bytes and removes it.
   *
   * @param user alice, bob or carol
   * @param messageId with angle brackets
   */
  byte[] takeDelivered(String user, String messageId, Duration timeout) throws Exception;
}
