package dev.mailroom.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;

/** Apache James mime4j (core + dom) doing the same work as Mailroom in each benchmark. */
final class Mime4jPeer {
  private static final MimeConfig CONFIG = MimeConfig.PERMISSIVE;

  private Mime4jPeer() { }

  /** Parses into mime4j's DOM and reads every leaf decoded. */
  static long fullParse(byte[] message, CountingSink sink) throws IOException {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(CONFIG);
    builder.setContentDecoding(true);
    Message parsed = builder.parseMessage(new ByteArrayInputStream(message));
    long leaves = walk(parsed, sink);
    parsed.dispose();
    return leaves;
  }

  private static long walk(Entity entity, CountingSink sink) throws IOException {
    Body body = entity.getBody();
    if (body instanceof Multipart multipart) {
      long leaves = 0;
      for (Entity part : multipart.getBodyParts()) {
        leaves += walk(part, sink);
      }
      return leaves;
    }
    if (body instanceof Message message) {
      return walk(message, sink);
    }
    try (InputStream in = ((SingleBody) body).getInputStream()) {
      sink.drain(in);
    }
    return 1;
  }

  /** Reads the top-level header fields only. */
  static int headersOnly(byte[] message) throws Exception {
    MimeTokenStream stream = new MimeTokenStream(CONFIG);
    stream.parse(new ByteArrayInputStream(message));
    int fields = 0;
    for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
      if (state == EntityState.T_FIELD) {
        fields += stream.getField().getName().length();
      } else if (state == EntityState.T_END_HEADER) {
        break;
      }
    }
    return fields;
  }

  /** Builds the benchmark message (text + html alternative, one attachment) and writes it. */
  static void buildAndWrite(BuildInput input, CountingSink sink) throws Exception {
    BasicBodyFactory bodies = new BasicBodyFactory();
    Multipart alternative = MultipartBuilder.create("alternative")
        .addBodyPart(BodyPartBuilder.create().setBody(input.text(), StandardCharsets.UTF_8)
            .setContentTransferEncoding("quoted-printable"))
        .addBodyPart(BodyPartBuilder.create().setBody(input.html(), "html", StandardCharsets.UTF_8)
            .setContentTransferEncoding("quoted-printable"))
        .build();
    Multipart mixed = MultipartBuilder.create("mixed")
        .addBodyPart(BodyPartBuilder.create().setBody(alternative))
        .addBodyPart(BodyPartBuilder.create()
            .setBody(bodies.binaryBody(input.attachment()))
            .setContentType("application/octet-stream")
            .setContentTransferEncoding("base64")
            .setContentDisposition("attachment", input.attachmentName()))
        .build();
    Message message = Message.Builder.of()
        .setFrom(input.from())
        .setTo(input.to().split(", "))
        .setSubject(input.subject())
        .setDate(new java.util.Date(input.dateMillis()))
        .setMessageId(input.messageId())
        .setBody(mixed)
        .build();
    new DefaultMessageWriter().writeMessage(message, sink);
  }
}
