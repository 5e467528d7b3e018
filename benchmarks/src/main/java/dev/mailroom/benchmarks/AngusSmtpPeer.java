package dev.mailroom.benchmarks;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * Eclipse Angus Mail sending over one {@link Transport}, connected once and reused for every message, as an
 * application holding a connection open would. The {@link MimeMessage} is parsed from the benchmark bytes once, so
 * each send writes the same bytes as the other libraries.
 */
final class AngusSmtpPeer implements AutoCloseable {
  private final Transport transport;
  private final MimeMessage message;
  private final Address[] recipients;

  AngusSmtpPeer(String host, int port, byte[] rawMessage) throws MessagingException {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", host);
    props.setProperty("mail.smtp.port", String.valueOf(port));
    props.setProperty("mail.smtp.localhost", SmtpMessage.CLIENT_NAME);
    props.setProperty("mail.smtp.from", SmtpMessage.MAILBOX);
    props.setProperty("mail.smtp.connectiontimeout", "10000");
    props.setProperty("mail.smtp.timeout", "30000");
    Session session = Session.getInstance(props);
    this.message = new MimeMessage(session, new ByteArrayInputStream(rawMessage));
    this.recipients = new Address[] {new InternetAddress(SmtpMessage.MAILBOX)};
    this.transport = session.getTransport("smtp");
    transport.connect();
  }

  /** Sends the message once; Angus throws on any rejection. */
  void send() throws MessagingException {
    transport.sendMessage(message, recipients);
  }

  @Override
  public void close() throws MessagingException {
    transport.close();
  }
}
