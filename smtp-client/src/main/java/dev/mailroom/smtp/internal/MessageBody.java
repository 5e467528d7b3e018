package dev.mailroom.smtp.internal;

import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.codec.ContentAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A message to send: its exact size (for SIZE and BDAT), a way to write it, its Message-ID when known (for
 * {@link dev.mailroom.smtp.SmtpDeliveryUnknownException}), and what it contains when that can be learned without
 * holding it (null for a one-shot stream, whose BODY type the caller declares).
 */
public interface MessageBody {
  long size();

  void writeTo(OutputStream out) throws IOException;

  String messageId();

  ContentAnalysis analyze() throws IOException;

  static MessageBody of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new MessageBody() {
      public long size() {
        return bytes.length;
      }

      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }

      public String messageId() {
        return null;
      }

      public ContentAnalysis analyze() {
        return ContentAnalysis.of(bytes);
      }
    };
  }

  static MessageBody of(Path file) throws IOException {
    long size = Files.size(file);
    return new MessageBody() {
      public long size() {
        return size;
      }

      public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
          copyExactly(in, out, size);
        }
      }

      public String messageId() {
        return null;
      }

      public ContentAnalysis analyze() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
          return ContentAnalysis.of(in);
        }
      }
    };
  }

  static MessageBody of(InputStream in, long size) {
    Objects.requireNonNull(in, "in");
    if (size < 0) {
      throw new IllegalArgumentException("size < 0");
    }
    return new MessageBody() {
      public long size() {
        return size;
      }

      public void writeTo(OutputStream out) throws IOException {
        copyExactly(in, out, size);
      }

      public String messageId() {
        return null;
      }

      public ContentAnalysis analyze() {
        return null;
      }
    };
  }

  static MessageBody of(MimeMessage message) {
    Objects.requireNonNull(message, "message");
    long size = message.byteSize().orElse(-1);
    return new MessageBody() {
      public long size() {
        return size;
      }

      public void writeTo(OutputStream out) throws IOException {
        message.writeTo(out);
      }

      public String messageId() {
        return message.messageId().orElse(null);
      }

      public ContentAnalysis analyze() throws IOException {
        ContentAnalysis.Analyzer analyzer = ContentAnalysis.analyzer();
        message.writeTo(analyzer);
        return analyzer.result();
      }
    };
  }

  /** Copies exactly {@code size} bytes; a shorter stream is an error (the declared size was already sent). */
  static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the message stream ended " + left + " bytes before its declared size " + size);
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}
