package dev.mailroom.benchmarks;

import dev.mailroom.mime.Attachment;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.parse.MimeEvent;
import dev.mailroom.mime.parse.MimeParser;
import dev.mailroom.mime.parse.ParserLimits;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Mailroom doing the benchmark work, written as a user would. */
final class MailroomSubject {
  private MailroomSubject() { }

  /** Parses into the immutable tree and reads every leaf decoded. */
  static long fullParse(byte[] message, CountingSink sink) throws IOException {
    MimeMessage parsed = MimeMessage.parse(message);
    long leaves = 0;
    for (MimePart part : parsed.leaves()) {
      sink.drain(part.openDecoded());
      leaves++;
    }
    return leaves;
  }

  /** Pulls events until the top-level header block ends. */
  static int headersOnly(byte[] message) throws IOException {
    MimeParser parser = MimeParser.of(message, ParserLimits.defaults());
    int fields = 0;
    for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
      if (e instanceof MimeEvent.HeaderField field) {
        fields += field.header().name().length();
      } else if (e instanceof MimeEvent.HeadersEnd) {
        break;
      }
    }
    return fields;
  }

  /** Builds the benchmark message and writes it. */
  static void buildAndWrite(BuildInput input, CountingSink sink) throws IOException {
    MimeMessage message = MimeMessage.builder()
        .from(input.from())
        .to(input.to().split(", "))
        .subject(input.subject())
        .date(OffsetDateTime.ofInstant(Instant.ofEpochMilli(input.dateMillis()), ZoneOffset.UTC))
        .messageId(input.messageId())
        .text(input.text())
        .html(input.html())
        .attach(Attachment.of(input.attachment(), "application/octet-stream").withFileName(input.attachmentName()))
        .build();
    message.writeTo(sink);
  }
}
