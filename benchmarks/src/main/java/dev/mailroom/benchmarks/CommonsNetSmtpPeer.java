package dev.mailroom.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * Apache Commons Net sending over one {@link SMTPClient} connection reused for every message: per message
 * {@code MAIL}, {@code RCPT}, {@code DATA}, the bytes, {@code .}, each waiting for its reply (Commons Net does not
 * pipeline). The message is the benchmark bytes as an ISO-8859-1 string (they are ASCII), written through the
 * client's dot-stuffing writer.
 */
final class CommonsNetSmtpPeer implements AutoCloseable {
  private final SMTPClient client = new SMTPClient();
  private final String message;

  CommonsNetSmtpPeer(String host, int port, byte[] rawMessage) throws IOException {
    this.message = new String(rawMessage, StandardCharsets.ISO_8859_1);
    client.setConnectTimeout(10_000);
    client.setDefaultTimeout(30_000);
    client.connect(host, port);
    client.setSoTimeout(30_000);
    client.setTcpNoDelay(true);
    if (!SMTPReply.isPositiveCompletion(client.getReplyCode())) {
      throw new IOException("greeting refused: " + client.getReplyString());
    }
    check(client.login(SmtpMessage.CLIENT_NAME), "HELO");
  }

  /** Sends the message once; throws if any step is refused. */
  void send() throws IOException {
    check(client.setSender(SmtpMessage.MAILBOX), "MAIL FROM");
    check(client.addRecipient(SmtpMessage.MAILBOX), "RCPT TO");
    Writer writer = client.sendMessageData();
    if (writer == null) {
      throw new IOException("DATA refused: " + client.getReplyString());
    }
    writer.write(message);
    writer.close();
    check(client.completePendingCommand(), "end of data");
  }

  private void check(boolean ok, String step) throws IOException {
    if (!ok) {
      throw new IOException(step + " refused: " + client.getReplyString());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      client.logout();
    } finally {
      client.disconnect();
    }
  }
}
