package dev.mailroom.benchmarks;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Properties;

/** Eclipse Angus Mail (Jakarta Mail) doing the same work as Mailroom in each benchmark. */
final class AngusPeer {
  private static final Session SESSION = Session.getInstance(new Properties());

  private AngusPeer() { }

  /** Parses the message and reads every leaf decoded. */
  static long fullParse(byte[] message, CountingSink sink) throws IOException, MessagingException {
    MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(message));
    return walk(parsed, sink);
  }

  private static long walk(Part part, CountingSink sink) throws IOException, MessagingException {
    if (part.isMimeType("multipart/*")) {
      MimeMultipart multipart = (MimeMultipart) part.getContent();
      long leaves = 0;
      for (int i = 0; i < multipart.getCount(); i++) {
        leaves += walk(multipart.getBodyPart(i), sink);
      }
      return leaves;
    }
    if (part.isMimeType("message/rfc822")) {
      return walk((Part) part.getContent(), sink);
    }
    try (InputStream in = part.getInputStream()) {
      sink.drain(in);
    }
    return 1;
  }

  /** Reads the top-level header fields only. */
  static int headersOnly(byte[] message) throws MessagingException {
    InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(message));
    int fields = 0;
    var all = headers.getAllHeaders();
    while (all.hasMoreElements()) {
      fields += all.nextElement().getName().length();
    }
    return fields;
  }

  /** Builds the benchmark message (text + html alternative, one attachment) and writes it. */
  static void buildAndWrite(BuildInput input, CountingSink sink) throws IOException, MessagingException {
    MimeMessage message = new MimeMessage(SESSION);
    message.setFrom(new InternetAddress(input.from()));
    message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(input.to()));
    message.setSubject(input.subject(), "UTF-8");
    message.setSentDate(new Date(input.dateMillis()));
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(input.text(), "UTF-8");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(input.html(), "UTF-8", "html");
    alternative.addBodyPart(html);
    MimeBodyPart alternativePart = new MimeBodyPart();
    alternativePart.setContent(alternative);
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(alternativePart);
    BodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(input.attachment(), "application/octet-stream")));
    attachment.setFileName(input.attachmentName());
    mixed.addBodyPart(attachment);
    message.setContent(mixed);
    message.saveChanges();
    message.writeTo(sink);
  }
}
